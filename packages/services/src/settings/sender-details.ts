import { findSenderDetails, updateSenderDetails, withTenant, type SenderDetailsRow } from "@relance/db";
import { AppError, hasRole, MEMBER_ADMINS } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { senderDetailsInput } from "./sender-details-input.ts";

export type SenderDetails = SenderDetailsRow;

/** Any member may read them (they are printed on every letter); only admins change them. */
export const getSenderDetails = (deps: ServiceDeps, actor: Actor): Promise<SenderDetails> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => findSenderDetails(tx));

/** Replaces the sender details as a whole: a bad field fails the call, names the field and changes nothing. */
export const saveSenderDetails = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<SenderDetails> => {
  if (!hasRole(actor.role, MEMBER_ADMINS)) throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
  const v = parseInput(senderDetailsInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await updateSenderDetails(tx, v);
    return findSenderDetails(tx);
  });
};
