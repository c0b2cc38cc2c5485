import type { ChatAttachment, ChatCatchUp, ChatHistoryPage, ChatMessage } from "@relance/domain";

/** One of my messages not yet acknowledged: shown at once, sent again (same client id) after a reconnection. */
export interface PendingMessage {
  clientId: string;
  body: string;
  attachments: ChatAttachment[];
  status: "sending" | "failed";
  /** Why the server refused it (not retried by itself then). */
  error: string | null;
}

/**
 * A case's chat as the browser holds it. Messages are shown from `firstSeq` to `upTo` only, a range with no gap: a
 * message that arrives past a gap waits until the catch-up fills it.
 */
export interface ChatTimeline {
  loaded: boolean;
  bySeq: ReadonlyMap<number, ChatMessage>;
  firstSeq: number;
  upTo: number;
  /** Changes (edits, deletions) up to this number are known. */
  syncedRev: number;
  hasOlder: boolean;
  pending: PendingMessage[];
}

export const emptyTimeline = (): ChatTimeline => ({ loaded: false, bySeq: new Map(), firstSeq: 1, upTo: 0, syncedRev: 0, hasOlder: false, pending: [] });

/** Keeps the newest version of each message (the higher `rev`). */
const merge = (bySeq: ReadonlyMap<number, ChatMessage>, messages: readonly ChatMessage[]): Map<number, ChatMessage> => {
  const next = new Map(bySeq);
  for (const m of messages) {
    const known = next.get(m.seq);
    if (!known || known.rev <= m.rev) next.set(m.seq, m);
  }
  return next;
};

const advance = (bySeq: ReadonlyMap<number, ChatMessage>, upTo: number): number => {
  let at = upTo;
  while (bySeq.has(at + 1)) at += 1;
  return at;
};

const withoutConfirmed = (pending: PendingMessage[], messages: readonly ChatMessage[]) => {
  const confirmed = new Set(messages.map((m) => m.clientId));
  return pending.some((p) => confirmed.has(p.clientId)) ? pending.filter((p) => !confirmed.has(p.clientId)) : pending;
};

/** The answer of `chat:since`: the first load (latest page) or a catch-up after `upTo`. */
export const applyCatchUp = (state: ChatTimeline, catchUp: ChatCatchUp, firstLoad: boolean): ChatTimeline => {
  let { firstSeq, upTo, hasOlder } = state;
  if (firstLoad) {
    const lowest = catchUp.messages[0]?.seq ?? catchUp.lastSeq + 1;
    firstSeq = lowest;
    upTo = lowest - 1;
    hasOlder = lowest > 1;
  }
  const bySeq = merge(state.bySeq, catchUp.messages);
  return {
    ...state,
    loaded: true,
    bySeq,
    firstSeq,
    upTo: advance(bySeq, upTo),
    hasOlder,
    // a partial answer (more to come) does not yet cover every change
    syncedRev: catchUp.hasMore ? state.syncedRev : Math.max(state.syncedRev, catchUp.lastRev),
    pending: withoutConfirmed(state.pending, catchUp.messages),
  };
};

/** A live `chat:message` or `chat:updated`, or the ack of my own send. */
export const applyMessage = (state: ChatTimeline, message: ChatMessage): ChatTimeline => {
  if (!state.loaded) return state;
  const bySeq = merge(state.bySeq, [message]);
  return { ...state, bySeq, upTo: advance(bySeq, state.upTo), pending: withoutConfirmed(state.pending, [message]) };
};

export const applyOlder = (state: ChatTimeline, page: ChatHistoryPage): ChatTimeline => {
  const bySeq = merge(state.bySeq, page.messages);
  const lowest = page.messages[0]?.seq ?? state.firstSeq;
  return { ...state, bySeq, firstSeq: Math.min(lowest, state.firstSeq), hasOlder: page.hasMore };
};

/** Whether a message arrived past a gap (something was missed): then catch up from `upTo`. */
export const hasGap = (state: ChatTimeline): boolean => [...state.bySeq.keys()].some((seq) => seq > state.upTo + 1);

/** The messages to show, in order, without a gap. */
export const visibleMessages = (state: ChatTimeline): ChatMessage[] => {
  const out: ChatMessage[] = [];
  for (let seq = state.firstSeq; seq <= state.upTo; seq++) {
    const m = state.bySeq.get(seq);
    if (m) out.push(m);
  }
  return out;
};

export const addPending = (state: ChatTimeline, p: PendingMessage): ChatTimeline => ({ ...state, pending: [...state.pending, p] });

export const updatePending = (state: ChatTimeline, clientId: string, change: Partial<PendingMessage>): ChatTimeline => ({
  ...state,
  pending: state.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)),
});

export const removePending = (state: ChatTimeline, clientId: string): ChatTimeline => ({ ...state, pending: state.pending.filter((p) => p.clientId !== clientId) });
