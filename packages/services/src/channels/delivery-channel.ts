import type { DunningChannel } from "@relance/domain";
import type { Mailer } from "./email/email-message.ts";
import type { Letter } from "./letters/letter-model.ts";
import type { SmsSender } from "./sms/sms-message.ts";

/** The dunning steps a channel adapter carries out; a "call" is made by a person and only logged. */
export const DELIVERY_CHANNEL_KINDS = ["email", "letter", "sms"] as const satisfies readonly DunningChannel[];
export type DeliveryChannelKind = (typeof DELIVERY_CHANNEL_KINDS)[number];

export const isDeliveryChannelKind = (channel: DunningChannel): channel is DeliveryChannelKind =>
  (DELIVERY_CHANNEL_KINDS as readonly string[]).includes(channel);

/**
 * What the dunning engine is handed for each channel. A letter is only rendered here: printing and posting (or an
 * e-mail with the PDF attached) is the engine's choice.
 */
export type DeliveryChannel =
  | { kind: "email"; mailer: Mailer }
  | { kind: "letter"; render: (letter: Letter) => Promise<Buffer> }
  | { kind: "sms"; sender: SmsSender };
