import type { ChatMessage } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { addPending, applyCatchUp, applyMessage, applyOlder, emptyTimeline, hasGap, visibleMessages } from "./chat-timeline.ts";

const msg = (seq: number, rev = seq, body = `m${seq}`): ChatMessage => ({
  id: `id-${seq}`, caseId: "c", seq, rev, clientId: `client-${seq}`, authorId: "u", authorName: "U", body, mentions: [], attachments: [],
  createdAt: "2026-03-02T09:00:00.000Z", editedAt: null, deletedAt: null,
});
const seqs = (s: ReturnType<typeof emptyTimeline>) => visibleMessages(s).map((m) => m.seq);

describe("chat timeline", () => {
  it("shows the latest page, then live messages in order, holding back one that arrives past a gap", () => {
    let s = applyCatchUp(emptyTimeline(), { caseId: "c", messages: [msg(3), msg(4)], lastSeq: 4, lastRev: 4, hasMore: false }, true);
    expect(seqs(s)).toEqual([3, 4]);
    expect(s.hasOlder).toBe(true);
    s = applyMessage(s, msg(6));
    expect(seqs(s)).toEqual([3, 4]);
    expect(hasGap(s)).toBe(true);
    s = applyCatchUp(s, { caseId: "c", messages: [msg(5), msg(6)], lastSeq: 6, lastRev: 6, hasMore: false }, false);
    expect(seqs(s)).toEqual([3, 4, 5, 6]);
    expect(hasGap(s)).toBe(false);
    expect(s.syncedRev).toBe(6);
  });

  it("keeps the newest version of a message and ignores a stale duplicate", () => {
    let s = applyCatchUp(emptyTimeline(), { caseId: "c", messages: [msg(1)], lastSeq: 1, lastRev: 1, hasMore: false }, true);
    s = applyMessage(s, msg(1, 5, "edited"));
    s = applyMessage(s, msg(1, 1, "m1"));
    expect(visibleMessages(s)[0]?.body).toBe("edited");
  });

  it("drops my pending message once the server has it, whichever way it comes back", () => {
    let s = applyCatchUp(emptyTimeline(), { caseId: "c", messages: [], lastSeq: 0, lastRev: 0, hasMore: false }, true);
    s = addPending(s, { clientId: "client-1", body: "m1", attachments: [], status: "sending", error: null });
    expect(s.pending).toHaveLength(1);
    s = applyMessage(s, msg(1));
    expect(s.pending).toEqual([]);
    expect(seqs(s)).toEqual([1]);
  });

  it("does not count changes as known while a catch-up answer is partial, and pages older messages in", () => {
    let s = applyCatchUp(emptyTimeline(), { caseId: "c", messages: [msg(10)], lastSeq: 10, lastRev: 10, hasMore: false }, true);
    s = applyCatchUp(s, { caseId: "c", messages: [msg(11)], lastSeq: 20, lastRev: 25, hasMore: true }, false);
    expect(s.syncedRev).toBe(10);
    s = applyOlder(s, { caseId: "c", messages: [msg(8), msg(9)], hasMore: true });
    expect(seqs(s)).toEqual([8, 9, 10, 11]);
  });
});
