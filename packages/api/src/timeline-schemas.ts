import type { TimelinePage } from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso } from "./schemas.ts";

/** A page of timeline events (a case's or a debtor's), newest first; `nextBefore` asks for the older page. */
export const timelinePageOutput = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      caseId: z.string().nullable(),
      kind: z.string(),
      payload: z.record(z.string(), z.unknown()),
      actorName: z.string().nullable(),
      occurredAt: isoInstant,
    }),
  ),
  nextBefore: z.string().nullable(),
});

export const toTimelinePageOutput = (page: TimelinePage): z.output<typeof timelinePageOutput> => ({
  events: page.events.map((e) => ({ id: e.id, caseId: e.caseId, kind: e.kind, payload: e.payload, actorName: e.actorName, occurredAt: toIso(e.occurredAt) })),
  nextBefore: page.nextBefore,
});
