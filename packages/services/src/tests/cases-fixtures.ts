import { withTenant, type OrganizationRow } from "@relance/db";
import { AppError } from "@relance/domain";
import { expect } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { uniqueSlug } from "../testing/index.ts";

export const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

export const fieldPaths = (error: AppError): string[] => (error.details.fields ?? []).map((f) => f.path).sort();

/** Counts of what a case has written: timeline events, promises, and the case row's editable fields. */
export const caseFootprint = (deps: ServiceDeps, org: OrganizationRow, caseId: string) =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [row] = await tx<{ events: number; promises: number; stage: string; status: string; priority: number; nextActionDate: string | null }[]>`
      select (select count(*)::int from timeline_events where case_id = c.id) as events,
             (select count(*)::int from promises where case_id = c.id) as promises,
             c.stage, c.status, c.priority, c.next_action_date as "nextActionDate"
      from cases c where c.id = ${caseId}`;
    return row!;
  });

/** A dunning action of a case over some invoices, written directly (the engine plans the real ones). */
export const addAction = async (
  deps: ServiceDeps,
  org: OrganizationRow,
  spec: { caseId: string; debtorId: string; invoiceIds: string[]; plannedFor: string; channel?: "email" | "letter" | "sms" | "call"; level?: number; snoozedUntil?: string | null },
): Promise<string> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [policy] = await tx<{ id: string }[]>`
      insert into dunning_policies (org_id, segment, name) values (${org.id}, ${uniqueSlug("seg").slice(0, 40)}, 'Test policy') returning id`;
    const [version] = await tx<{ id: string }[]>`
      insert into dunning_policy_versions (org_id, policy_id, version, steps) values (${org.id}, ${policy!.id}, 1, '[]'::jsonb) returning id`;
    const step = spec.level ?? 1;
    const [action] = await tx<{ id: string }[]>`
      insert into dunning_actions (org_id, case_id, debtor_id, policy_version_id, step_index, level, channel, planned_for, snoozed_until)
      values (${org.id}, ${spec.caseId}, ${spec.debtorId}, ${version!.id}, ${step}, ${step}, ${spec.channel ?? "email"}, ${spec.plannedFor},
              ${spec.snoozedUntil ?? null})
      returning id`;
    for (const invoiceId of spec.invoiceIds) {
      const [inv] = await tx<{ openMinor: number }[]>`select open_minor as "openMinor" from invoices where id = ${invoiceId}`;
      await tx`
        insert into dunning_action_invoices (org_id, action_id, invoice_id, step_index, open_minor)
        values (${org.id}, ${action!.id}, ${invoiceId}, ${step}, ${inv!.openMinor})`;
    }
    return action!.id;
  });

export const invoiceIdsOfDebtor = (deps: ServiceDeps, org: OrganizationRow, debtorId: string) =>
  withTenant(deps.db.sql, org.id, async (tx) => (await tx<{ id: string }[]>`select id from invoices where debtor_id = ${debtorId} order by due_date`).map((r) => r.id));
