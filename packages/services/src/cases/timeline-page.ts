import type { TimelineEventRow } from "@relance/db";

export interface TimelinePage {
  events: TimelineEventRow[];
  /** The `before` of the next (older) page; null when this page holds the first event. */
  nextBefore: string | null;
}

/** A page of `limit` events, newest first: `read` is asked for one more, to know whether an older page exists. */
export const readTimelinePage = async (limit: number, read: (limit: number) => Promise<TimelineEventRow[]>): Promise<TimelinePage> => {
  const events = await read(limit + 1);
  const page = events.slice(0, limit);
  return { events: page, nextBefore: events.length > limit ? page[page.length - 1]!.id : null };
};
