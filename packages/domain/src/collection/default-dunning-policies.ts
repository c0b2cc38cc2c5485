import type { DunningPolicy } from "./dunning-policy.ts";

/**
 * Seed policies. France B2B: courtesy, relance 1, relance 2, mise en demeure (stating penalties and the €40), then a
 * call task before the dossier goes contentieux. France B2C: the formal notice is what starts legal interest, so
 * it states none yet. Switzerland: Mahnung 1–3 (default interest from the first if no fixed due date), then a
 * warning of Betreibung.
 */
export const DEFAULT_POLICIES: readonly DunningPolicy[] = [
  {
    name: "France B2B",
    segment: "b2b_fr",
    steps: [
      { offsetDays: -3, channel: "email", templateKey: "courtesy_reminder", level: 1, addPenalties: false },
      { offsetDays: 7, channel: "email", templateKey: "reminder_1", level: 2, addPenalties: false },
      { offsetDays: 21, channel: "letter", templateKey: "reminder_2", level: 3, addPenalties: true },
      { offsetDays: 35, channel: "letter", templateKey: "formal_notice_b2b_fr", level: 4, addPenalties: true },
      { offsetDays: 50, channel: "call", templateKey: "litigation_call", level: 5, addPenalties: true },
    ],
  },
  {
    name: "France B2C",
    segment: "b2c_fr",
    steps: [
      { offsetDays: -3, channel: "email", templateKey: "courtesy_reminder", level: 1, addPenalties: false },
      { offsetDays: 10, channel: "email", templateKey: "reminder_1", level: 2, addPenalties: false },
      { offsetDays: 14, channel: "sms", templateKey: "reminder_sms", level: 2, addPenalties: false },
      { offsetDays: 25, channel: "letter", templateKey: "reminder_2", level: 3, addPenalties: false },
      { offsetDays: 40, channel: "letter", templateKey: "formal_notice_b2c_fr", level: 4, addPenalties: false },
      { offsetDays: 60, channel: "call", templateKey: "litigation_call", level: 5, addPenalties: true },
    ],
  },
  {
    name: "Switzerland",
    segment: "ch",
    steps: [
      { offsetDays: 10, channel: "email", templateKey: "ch_reminder_1", level: 2, addPenalties: false },
      { offsetDays: 25, channel: "letter", templateKey: "ch_reminder_2", level: 3, addPenalties: true },
      { offsetDays: 40, channel: "letter", templateKey: "ch_reminder_3", level: 4, addPenalties: true },
      { offsetDays: 55, channel: "letter", templateKey: "ch_enforcement_warning", level: 5, addPenalties: true },
    ],
  },
];
