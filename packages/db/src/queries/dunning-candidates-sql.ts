/**
 * The SQL both the plan and its checks read: every open invoice of an open case meeting a step of its case's policy
 * version, with the reason it is held back (null when due). Set-based: an invoice meets exactly one step, the one
 * with offset ≤ asOf − due date < the next step's offset (offsets strictly increase in a valid policy), so no
 * grouping is needed. Held: debtors on hold, invoices under an unresolved dispute, cases under a live promise (a
 * pending promise not yet past), and invoices whose highest due step is already recorded. `$1` is the as-of date.
 */
export const DUNNING_STEPS_CTE = `steps as (
       select v.id as version_id, (s.ord - 1)::int as step_index, (s.value->>'offsetDays')::int as offset_days,
         lead((s.value->>'offsetDays')::int) over (partition by v.id order by s.ord) as next_offset,
         (s.value->>'level')::int as level, s.value->>'channel' as channel, (s.value->>'addPenalties')::boolean as add_penalties
       from dunning_policy_versions v cross join lateral jsonb_array_elements(v.steps) with ordinality as s(value, ord)
       where v.id in (select policy_version_id from cases where status = 'open')
     )`;

export const DUNNING_CANDIDATES_CTES = `${DUNNING_STEPS_CTE},
     -- invoices under an unresolved dispute: held until it is resolved
     disputed_invoices as (select invoice_id from dispute_invoices where active),
     live_promise_cases as (
       select distinct case_id from promises where status = 'pending' and promised_for >= $1::date
     ),
     sent as (select invoice_id, max(step_index) as step_index from dunning_action_invoices group by invoice_id),
     candidates as (
       select i.id as invoice_id, i.number, i.debtor_id, d.name as debtor_name, d.jurisdiction, d.segment, c.id as case_id,
         c.policy_version_id, st.step_index, st.level, st.channel, st.add_penalties, i.due_date, i.open_minor, i.currency,
         case when d.on_hold then 'on_hold'
              -- uncorrelated: one hashed lookup per invoice instead of a probe
              when i.id in (select invoice_id from disputed_invoices) then 'disputed'
              when lp.case_id is not null then 'promise'
              when se.step_index >= st.step_index then 'already_sent'
         end as reason
       from invoices i
       join cases c on c.debtor_id = i.debtor_id and c.status = 'open'
       join debtors d on d.id = i.debtor_id
       join steps st on st.version_id = c.policy_version_id
         and i.due_date + st.offset_days <= $1::date and (st.next_offset is null or i.due_date + st.next_offset > $1::date)
       left join live_promise_cases lp on lp.case_id = c.id
       left join sent se on se.invoice_id = i.id
       where i.kind = 'invoice' and i.open_minor > 0
     )`;

/** The columns of a due row, named as `DueInvoiceStepRow`. */
export const DUE_ROW_COLUMNS = `invoice_id as "invoiceId", number, debtor_id as "debtorId", debtor_name as "debtorName", jurisdiction, segment,
       case_id as "caseId", policy_version_id as "policyVersionId", step_index as "stepIndex", level, channel,
       add_penalties as "addPenalties", due_date as "dueDate", open_minor as "openMinor", currency`;
