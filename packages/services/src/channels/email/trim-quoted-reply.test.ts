import { describe, expect, it } from "vitest";
import { trimQuotedReply } from "./trim-quoted-reply.ts";

describe("trimQuotedReply", () => {
  it("keeps the new text above a Gmail-style attribution and its quoted lines", () => {
    const text = "Bonjour,\n\nLe virement part demain.\n\nJeanne\n\nOn Mon, 2 Mar 2026 at 10:00, Acme <relances@acme.fr> wrote:\n> Bonjour,\n> Votre facture F-100 est échue.";
    expect(trimQuotedReply(text)).toEqual({ text: "Bonjour,\n\nLe virement part demain.\n\nJeanne", trimmed: true });
  });

  it("cuts at a French attribution line and at an Outlook header block", () => {
    expect(trimQuotedReply("Payé ce matin.\n\nLe lun. 2 mars 2026 à 10:00, Acme <relances@acme.fr> a écrit :\n> Relance").text).toBe("Payé ce matin.");
    expect(trimQuotedReply("Nous contestons la facture.\r\n\r\n________________________________\r\nDe : Acme\r\nObjet : Relance").text).toBe("Nous contestons la facture.");
    expect(trimQuotedReply("Noted.\n\nFrom: Acme <relances@acme.fr>\nSent: Monday\nSubject: Reminder").text).toBe("Noted.");
  });

  it("keeps a text without quotation whole, and a reply that is only quotation as it is", () => {
    expect(trimQuotedReply("  Merci, c'est noté.\n")).toEqual({ text: "Merci, c'est noté.", trimmed: false });
    expect(trimQuotedReply("> only quoted\n> text")).toEqual({ text: "> only quoted\n> text", trimmed: false });
  });

  it("caps a long text and says so", () => {
    const result = trimQuotedReply("a".repeat(50), 10);
    expect(result).toEqual({ text: `${"a".repeat(9)}…`, trimmed: true });
    expect(result.text).toHaveLength(10);
  });
});
