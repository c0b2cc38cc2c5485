import type { MessageTemplate } from "./templates.ts";

/**
 * French default templates, one per policy step kind. The legal mentions come from FACTS: B2B formal notice with
 * the penalty rate and the flat indemnity (C. com. L441-10, D441-5), B2C with the legal rate from the notice
 * (C. civ. 1231-6), Swiss reminders with the default interest (CO 102, 104). Amounts and rates are fields, never
 * written out, so they follow the rate tables.
 */
const SIGNATURE = "{{sender.name}}\n{{company.name}}\n{{company.email}} — {{company.phone}}";

export const FRENCH_TEMPLATES: readonly MessageTemplate[] = [
  {
    key: "courtesy_reminder", language: "fr",
    subject: "Rappel : échéance prochaine — {{company.name}}",
    body: `Bonjour,

Nous nous permettons de vous rappeler que les factures suivantes arrivent à échéance le {{due_date}} :

{{invoices}}

Total : {{total_due}}. Si le règlement est déjà parti, merci de ne pas tenir compte de ce message.

Cordialement,
${SIGNATURE}`,
  },
  {
    key: "reminder_1", language: "fr",
    subject: "Relance : factures échues — {{company.name}}",
    body: `Bonjour,

Sauf erreur de notre part, les factures suivantes restent impayées à ce jour :

{{invoices}}

Total dû : {{total_due}}. Nous vous remercions de bien vouloir procéder au règlement d'ici le {{pay_by}} (IBAN {{company.iban}}).

Cordialement,
${SIGNATURE}`,
  },
  {
    key: "reminder_2", language: "fr",
    subject: "Deuxième relance : factures impayées — {{company.name}}",
    body: `Madame, Monsieur,

Malgré notre précédente relance, les factures suivantes demeurent impayées :

{{invoices}}

Total dû : {{total_due}}, auquel s'ajoutent à ce jour des pénalités de retard de {{penalties}}. Nous vous demandons de régler ces sommes au plus tard le {{pay_by}}.

Veuillez agréer nos salutations distinguées.
${SIGNATURE}`,
  },
  {
    key: "reminder_sms", language: "fr",
    body: "{{company.name}} : {{invoice_count}} facture(s) échue(s) pour {{total_due}}. Merci de régler d'ici le {{pay_by}}. {{company.phone}}",
  },
  {
    key: "formal_notice_b2b_fr", language: "fr",
    subject: "Mise en demeure de payer — {{company.name}}",
    body: `{{debtor.name}}
{{debtor.address}}

Le {{date}}

Objet : mise en demeure de payer

Madame, Monsieur,

Malgré nos relances, les factures suivantes demeurent impayées :

{{invoices}}

Par la présente, nous vous mettons en demeure de nous régler la somme de {{total_due}} au plus tard le {{pay_by}}.

Conformément à l'article L441-10 du Code de commerce, ces sommes portent de plein droit, depuis le lendemain de leur échéance, des pénalités de retard au taux annuel de {{penalty_rate}}, soit {{interest}} à ce jour, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {{indemnity}} par facture (article D441-5 du Code de commerce). Total réclamé à ce jour : {{total_with_penalties}}.

À défaut de paiement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire.

Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
${SIGNATURE}`,
  },
  {
    key: "formal_notice_b2c_fr", language: "fr",
    subject: "Mise en demeure de payer — {{company.name}}",
    body: `{{debtor.name}}
{{debtor.address}}

Le {{date}}

Objet : mise en demeure de payer

Madame, Monsieur,

Malgré nos relances, les factures suivantes demeurent impayées :

{{invoices}}

Par la présente, nous vous mettons en demeure de nous régler la somme de {{total_due}} au plus tard le {{pay_by}}.

À compter de la réception de la présente mise en demeure, ces sommes porteront intérêts au taux légal, actuellement de {{legal_rate}} par an (article 1231-6 du Code civil).

À défaut de paiement dans ce délai, nous pourrons engager une procédure de recouvrement judiciaire.

Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
${SIGNATURE}`,
  },
  {
    key: "litigation_call", language: "fr",
    subject: "Appel avant contentieux : {{debtor.name}}",
    body: `Appeler {{debtor.name}} (compte {{debtor.reference}}) avant transmission au contentieux.
Montant dû : {{total_due}} ; pénalités à ce jour : {{penalties}}.

{{invoices}}

Obtenir une date de paiement ferme ou un motif de litige ; sinon, préparer le dossier contentieux.`,
  },
  {
    key: "ch_reminder_1", language: "fr",
    subject: "Rappel de paiement — {{company.name}}",
    body: `Bonjour,

Sauf erreur de notre part, les factures suivantes restent impayées :

{{invoices}}

Total dû : {{total_due}}. Nous vous prions de régler ce montant d'ici le {{pay_by}}. Le présent rappel vaut interpellation au sens de l'art. 102 CO ; dès sa réception, un intérêt moratoire de {{default_interest_rate}} l'an est dû (art. 104 CO).

Meilleures salutations,
${SIGNATURE}`,
  },
  {
    key: "ch_reminder_2", language: "fr",
    subject: "Deuxième rappel — {{company.name}}",
    body: `Madame, Monsieur,

Malgré notre premier rappel, les factures suivantes restent impayées :

{{invoices}}

Total dû : {{total_due}}, plus un intérêt moratoire de {{default_interest_rate}} l'an (art. 104 CO), soit {{interest}} à ce jour. Merci de régler d'ici le {{pay_by}}.

Meilleures salutations,
${SIGNATURE}`,
  },
  {
    key: "ch_reminder_3", language: "fr",
    subject: "Troisième et dernier rappel — {{company.name}}",
    body: `Madame, Monsieur,

Les factures suivantes restent impayées malgré nos rappels :

{{invoices}}

Total dû : {{total_due}}, plus un intérêt moratoire de {{default_interest_rate}} l'an (art. 104 CO), soit {{interest}} à ce jour ; total : {{total_with_penalties}}. Sans paiement d'ici le {{pay_by}}, nous introduirons une poursuite.

Meilleures salutations,
${SIGNATURE}`,
  },
  {
    key: "ch_enforcement_warning", language: "fr",
    subject: "Avis de poursuite — {{company.name}}",
    body: `{{debtor.name}}
{{debtor.address}}

Le {{date}}

Madame, Monsieur,

Nos rappels concernant les factures suivantes sont restés sans effet :

{{invoices}}

Total dû : {{total_due}}, plus un intérêt moratoire de {{default_interest_rate}} l'an (art. 104 CO), soit {{interest}} à ce jour. Sans paiement d'ici le {{pay_by}}, nous déposerons sans autre avis une réquisition de poursuite auprès de l'office des poursuites (LP) ; les frais de poursuite seront à votre charge.

Meilleures salutations,
${SIGNATURE}`,
  },
  {
    key: "thank_you", language: "fr",
    subject: "Merci pour votre règlement — {{company.name}}",
    body: `Madame, Monsieur,

Nous avons bien reçu le règlement de l'ensemble de vos factures et vous en remercions. Votre compte est à jour ; vous pouvez ignorer nos précédents rappels.

Nous restons à votre disposition pour toute question.

Cordialement,
${SIGNATURE}`,
  },
];
