import { insertLegalProceeding, listCaseProceedings, updateLegalProceedingService, withTenant } from "@relance/db";
import { AppError } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findAccessibleCaseTx } from "./case-access.ts";
import { calendarDateSchema, parseInput } from "./case-inputs.ts";
import { lockWritableCase } from "./case-writers.ts";

export const LEGAL_PROCEEDING_KINDS = ["fr_injonction", "ch_payment_order"] as const;

export const recordProceedingInput = z
  .object({
    caseId: z.uuid("Must be a case id"),
    kind: z.enum(LEGAL_PROCEEDING_KINDS, "Choose an injonction de payer or a payment order"),
    issuedOn: calendarDateSchema,
    servedOn: calendarDateSchema.nullish(),
    reference: z.string().trim().max(100, "At most 100 characters").nullish(),
  })
  .refine((v) => !v.servedOn || v.servedOn >= v.issuedOn, { message: "Cannot be served before it was issued", path: ["servedOn"] });

export const markServedInput = z.object({
  caseId: z.uuid("Must be a case id"),
  proceedingId: z.uuid("Must be a proceeding id"),
  servedOn: calendarDateSchema,
  mainleveeDays: z.number().int().min(0, "Cannot be negative").max(3650).default(0),
});

export type LegalProceeding = Awaited<ReturnType<typeof listCaseProceedings>>[number];

/** The court and enforcement steps of a case (their deadlines raise alerts), for whoever can see the case. */
export const listLegalProceedings = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<LegalProceeding[]> => {
  const { caseId } = parseInput(z.object({ caseId: z.uuid("Must be a case id") }), input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await findAccessibleCaseTx(tx, actor, caseId);
    return listCaseProceedings(tx, caseId);
  });
};

/** Records an injonction de payer issued, or a payment order (Zahlungsbefehl), on a case. */
export const recordLegalProceeding = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<LegalProceeding[]> => {
  const v = parseInput(recordProceedingInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await lockWritableCase(tx, actor, v.caseId);
    await insertLegalProceeding(tx, {
      orgId: actor.orgId, caseId: v.caseId, kind: v.kind, issuedOn: v.issuedOn, servedOn: v.servedOn ?? null, mainleveeDays: 0, reference: v.reference || null, createdBy: actor.userId,
    });
    return listCaseProceedings(tx, v.caseId);
  });
};

/** Records when the order was served (and the days a mainlevée case stopped the clock). */
export const markProceedingServed = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<LegalProceeding[]> => {
  const v = parseInput(markServedInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await lockWritableCase(tx, actor, v.caseId);
    const existing = (await listCaseProceedings(tx, v.caseId)).find((p) => p.id === v.proceedingId);
    if (!existing) throw new AppError("NOT_FOUND", "Proceeding not found", { key: "errors.notFound" });
    if (v.servedOn < existing.issuedOn) {
      throw new AppError("BAD_REQUEST", "Cannot be served before it was issued", { key: "errors.invalidInput", fields: [{ path: "servedOn", message: "Cannot be served before it was issued" }] });
    }
    await updateLegalProceedingService(tx, v.proceedingId, v.servedOn, v.mainleveeDays);
    return listCaseProceedings(tx, v.caseId);
  });
};
