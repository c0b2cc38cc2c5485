import type { MessageTemplate } from "./templates.ts";

/** English default templates, the same steps and legal mentions as the French ones (see default-templates-fr.ts). */
const SIGNATURE = "{{sender.name}}\n{{company.name}}\n{{company.email}} — {{company.phone}}";

export const ENGLISH_TEMPLATES: readonly MessageTemplate[] = [
  {
    key: "courtesy_reminder", language: "en",
    subject: "Reminder: payment due soon — {{company.name}}",
    body: `Hello,

This is a friendly reminder that the following invoices fall due on {{due_date}}:

{{invoices}}

Total: {{total_due}}. If you have already paid, please disregard this message.

Kind regards,
${SIGNATURE}`,
  },
  {
    key: "reminder_1", language: "en",
    subject: "Overdue invoices — {{company.name}}",
    body: `Hello,

According to our records, the following invoices are still unpaid:

{{invoices}}

Total due: {{total_due}}. Please arrange payment by {{pay_by}} (IBAN {{company.iban}}).

Kind regards,
${SIGNATURE}`,
  },
  {
    key: "reminder_2", language: "en",
    subject: "Second reminder: unpaid invoices — {{company.name}}",
    body: `Dear Sir or Madam,

Despite our previous reminder, the following invoices remain unpaid:

{{invoices}}

Total due: {{total_due}}, plus late-payment penalties of {{penalties}} to date. Please pay these amounts by {{pay_by}} at the latest.

Yours faithfully,
${SIGNATURE}`,
  },
  {
    key: "reminder_sms", language: "en",
    body: "{{company.name}}: {{invoice_count}} overdue invoice(s), {{total_due}}. Please pay by {{pay_by}}. {{company.phone}}",
  },
  {
    key: "formal_notice_b2b_fr", language: "en",
    subject: "Formal notice to pay — {{company.name}}",
    body: `{{debtor.name}}
{{debtor.address}}

{{date}}

Formal notice to pay (mise en demeure)

Dear Sir or Madam,

Despite our reminders, the following invoices remain unpaid:

{{invoices}}

We hereby give you formal notice to pay {{total_due}} by {{pay_by}} at the latest.

Under article L441-10 of the French Commercial Code, these amounts bear late-payment penalties by operation of law from the day after their due date, at the annual rate of {{penalty_rate}}, amounting to {{interest}} to date, plus a flat recovery indemnity of {{indemnity}} per invoice (article D441-5 of the French Commercial Code). Total claimed to date: {{total_with_penalties}}.

Failing payment by that date, we will start court recovery proceedings without further notice.

Yours faithfully,
${SIGNATURE}`,
  },
  {
    key: "formal_notice_b2c_fr", language: "en",
    subject: "Formal notice to pay — {{company.name}}",
    body: `{{debtor.name}}
{{debtor.address}}

{{date}}

Formal notice to pay (mise en demeure)

Dear Sir or Madam,

Despite our reminders, the following invoices remain unpaid:

{{invoices}}

We hereby give you formal notice to pay {{total_due}} by {{pay_by}} at the latest.

From receipt of this formal notice, these amounts bear interest at the French legal rate, currently {{legal_rate}} per year (article 1231-6 of the French Civil Code).

Failing payment by that date, we may start court recovery proceedings.

Yours faithfully,
${SIGNATURE}`,
  },
  {
    key: "litigation_call", language: "en",
    subject: "Call before litigation: {{debtor.name}}",
    body: `Call {{debtor.name}} (account {{debtor.reference}}) before handing the file to litigation.
Amount due: {{total_due}}; penalties to date: {{penalties}}.

{{invoices}}

Obtain a firm payment date or the reason for a dispute; otherwise prepare the litigation file.`,
  },
  {
    key: "ch_reminder_1", language: "en",
    subject: "Payment reminder — {{company.name}}",
    body: `Hello,

According to our records, the following invoices are still unpaid:

{{invoices}}

Total due: {{total_due}}. Please pay by {{pay_by}}. This reminder is a formal demand (Mahnung) under art. 102 CO; from its receipt, default interest of {{default_interest_rate}} per year is owed (art. 104 CO).

Kind regards,
${SIGNATURE}`,
  },
  {
    key: "ch_reminder_2", language: "en",
    subject: "Second reminder — {{company.name}}",
    body: `Dear Sir or Madam,

Despite our first reminder, the following invoices remain unpaid:

{{invoices}}

Total due: {{total_due}}, plus default interest of {{default_interest_rate}} per year (art. 104 CO), {{interest}} to date. Please pay by {{pay_by}}.

Kind regards,
${SIGNATURE}`,
  },
  {
    key: "ch_reminder_3", language: "en",
    subject: "Third and final reminder — {{company.name}}",
    body: `Dear Sir or Madam,

The following invoices remain unpaid despite our reminders:

{{invoices}}

Total due: {{total_due}}, plus default interest of {{default_interest_rate}} per year (art. 104 CO), {{interest}} to date; total: {{total_with_penalties}}. Failing payment by {{pay_by}}, we will start debt enforcement proceedings.

Kind regards,
${SIGNATURE}`,
  },
  {
    key: "ch_enforcement_warning", language: "en",
    subject: "Notice of debt enforcement — {{company.name}}",
    body: `{{debtor.name}}
{{debtor.address}}

{{date}}

Dear Sir or Madam,

Our reminders about the following invoices have had no effect:

{{invoices}}

Total due: {{total_due}}, plus default interest of {{default_interest_rate}} per year (art. 104 CO), {{interest}} to date. Failing payment by {{pay_by}}, we will file a debt enforcement request (Betreibungsbegehren, SchKG) with the enforcement office without further notice; the enforcement costs will be charged to you.

Kind regards,
${SIGNATURE}`,
  },
  {
    key: "thank_you", language: "en",
    subject: "Thank you for your payment — {{company.name}}",
    body: `Hello,

We have received payment of all your invoices, thank you. Your account is up to date; please disregard our earlier reminders.

Do not hesitate to contact us with any question.

Kind regards,
${SIGNATURE}`,
  },
];
