import type { AckError } from "@relance/domain";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { ackErrorText } from "./ack-error-text.ts";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: "fr", interpolation: { escapeValue: false } });
});
const text = (error: AckError) => ackErrorText(error, i18n.t);

describe("socket refusals shown to the user", () => {
  it("reads a refusal in the interface's language by the key the server sent", () => {
    expect(text({ code: "FORBIDDEN", message: "Managers read the case chat but do not post in it.", key: "chat.readOnly" })).toBe(fr.chat.readOnly);
    expect(text({ code: "FORBIDDEN", message: "Only its author can edit a message.", key: "chat.editForbidden" })).toBe(fr.errors.chatEditForbidden);
    expect(text({ code: "CONFLICT", message: "This message was deleted.", key: "chat.messageDeleted" })).toBe("Ce message a été supprimé.");
    expect(text({ code: "UNAUTHORIZED", message: "Your session has ended.", key: "errors.unauthorized" })).toBe(fr.errors.unauthorized);
  });

  it("falls back to the generic sentence of the code, then to the server's words", () => {
    expect(text({ code: "NOT_FOUND", message: "Case not found", key: null })).toBe(fr.errors.notFound);
    expect(text({ code: "INTERNAL", message: "Something went wrong on our side (request 1).", key: null })).toBe(fr.errors.socketInternal);
    expect(text({ code: "PRECONDITION_FAILED", message: "A new rule.", key: "someday.known" })).toBe("A new rule.");
  });

  it("keeps a validation message as the server wrote it, naming the field", () => {
    expect(text({ code: "BAD_REQUEST", message: "body: at most 10000 characters", key: "errors.invalidInput" })).toBe("body: at most 10000 characters");
    expect(text({ code: "BAD_REQUEST", message: "file: not a PDF", key: "chat.fileRefused" })).toBe("file: not a PDF");
  });
});
