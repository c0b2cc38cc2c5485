/** SQL: the debtor id in `column` falls in the partition (`DunningPartition`) whose index and count are the parameters named. */
export const inPartition = (column: string, index: string, count: string): string =>
  `(hashtext(${column}::text) & 2147483647) % ${count}::int = ${index}::int`;

/**
 * The SQL the plan reads: every open invoice of an open case meeting a step of its case's policy version, with the
 * reason it is held back (null when due); only what differs per invoice (the debtor's and case's columns are joined
 * once per debtor afterwards). Set-based: an invoice meets exactly one step, the one with offset ≤ asOf − due date <
 * the next step's offset (offsets strictly increase in a valid policy), so no grouping is needed. Held: debtors on
 * hold, invoices under an unresolved dispute, cases under a live promise (a pending promise not yet past), and
 * invoices whose highest due step is already recorded. `$1` is the as-of date, `$2` and `$3` the partition's index
 * and count (`DunningPartition`).
 */
export const DUNNING_STEPS_CTE = `steps as (
       select v.id as version_id, (s.ord - 1)::int as step_index, (s.value->>'offsetDays')::int as offset_days,
         lead((s.value->>'offsetDays')::int) over (partition by v.id order by s.ord) as next_offset,
         (s.value->>'level')::int as level, s.value->>'channel' as channel, (s.value->>'addPenalties')::boolean as add_penalties
       from dunning_policy_versions v cross join lateral jsonb_array_elements(v.steps) with ordinality as s(value, ord)
       where v.id in (select policy_version_id from cases where status = 'open')
     )`;

export const DUNNING_CANDIDATES_CTES = `${DUNNING_STEPS_CTE},
     -- each step of a version for every number of days past due that falls on it (offset ≤ days < next offset; a
     -- last step up to the highest offset of any version, which the join caps the days at): an invoice then finds its
     -- step with one hash lookup rather than by testing each step of its policy
     max_offset as materialized (select max(offset_days) as days from steps),
     step_days as materialized (
       select st.version_id, d.days, st.step_index, st.level
       from steps st cross join max_offset m cross join lateral generate_series(st.offset_days, coalesce(st.next_offset - 1, m.days)) as d(days)
     ),
     -- invoices under an unresolved dispute: held until it is resolved
     disputed_invoices as (select invoice_id from dispute_invoices where active),
     live_promise_cases as (
       select distinct case_id from promises where status = 'pending' and promised_for >= $1::date
     ),
     sent as (select invoice_id, max(step_index) as step_index from dunning_action_invoices group by invoice_id),
     candidates as (
       select i.id as invoice_id, i.number, i.debtor_id, st.step_index, st.level, i.due_date, i.open_minor, i.currency,
         case when d.on_hold then 'on_hold'
              -- uncorrelated: one hashed lookup per invoice instead of a probe
              when i.id in (select invoice_id from disputed_invoices) then 'disputed'
              when lp.case_id is not null then 'promise'
              when se.step_index >= st.step_index then 'already_sent'
         end as reason
       from invoices i
       join cases c on c.debtor_id = i.debtor_id and c.status = 'open' and ${inPartition("c.debtor_id", "$2", "$3")}
       join debtors d on d.id = i.debtor_id
       join step_days st on st.version_id = c.policy_version_id and st.days = least($1::date - i.due_date, (select days from max_offset))
       left join live_promise_cases lp on lp.case_id = c.id
       left join sent se on se.invoice_id = i.id
       where i.kind = 'invoice' and i.open_minor > 0
     )`;
