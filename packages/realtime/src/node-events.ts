import type { DomainEvent } from "@relance/services";

/**
 * What every node acts on for the connections it holds itself, beyond Socket.IO rooms (which the adapter spans):
 * the collaborative-notes connections of an ended session or of a person who lost access to a case.
 */
export type NodeEvent = Extract<DomainEvent, { type: "case.access-revoked" | "sessions.ended" }>;

/** Events passed between server nodes through the Socket.IO adapter (`serverSideEmit`). */
export interface InterServerEvents {
  "node:event": (event: NodeEvent) => void;
}

export const isNodeEvent = (event: DomainEvent): event is NodeEvent => event.type === "case.access-revoked" || event.type === "sessions.ended";
