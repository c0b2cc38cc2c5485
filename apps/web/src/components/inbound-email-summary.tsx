import { useTranslation } from "react-i18next";

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * A reply to one of our e-mails (its sender and new text, shown as plain text with its line breaks) or a delivery
 * report about one (the address and the remote server's reason).
 */
export function InboundEmailSummary({ kind, payload: p }: { kind: "reply" | "bounce"; payload: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (kind === "reply") {
    return (
      <span className="inbound-email" data-testid="inbound-reply">
        {str(p.from) && <span className="inbound-email-from">{t("caseWork.inbound.replyFrom", { from: str(p.from) })}</span>}
        {p.automatic === true && <span className="inbound-email-note">{t("caseWork.inbound.automatic")}</span>}
        <span className="inbound-email-text">{str(p.text)}</span>
        {p.trimmed === true && <span className="inbound-email-note">{t("caseWork.inbound.trimmed")}</span>}
      </span>
    );
  }
  const recipient = str(p.recipient) || t("caseWork.inbound.unknownRecipient");
  return (
    <span className="inbound-email" data-testid="inbound-bounce">
      <span>{p.delayed === true ? t("caseWork.inbound.delay", { recipient }) : t("caseWork.inbound.bounce", { recipient })}</span>
      {str(p.status) && <span className="inbound-email-note">{t("caseWork.inbound.status", { status: str(p.status) })}</span>}
      {str(p.diagnostic) && <span className="inbound-email-text">{str(p.diagnostic)}</span>}
    </span>
  );
}
