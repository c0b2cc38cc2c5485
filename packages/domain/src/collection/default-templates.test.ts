import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES } from "./default-dunning-policies.ts";
import { DEFAULT_TEMPLATES, templateFor } from "./default-templates.ts";
import { TEMPLATE_LOCALES } from "./template-format.ts";
import { context, plain } from "./template-fixture.ts";
import { renderTemplate, validateTemplate } from "./templates.ts";

describe("default templates", () => {
  it("has a French and an English template for every step of every default policy", () => {
    const keys = new Set(DEFAULT_POLICIES.flatMap((policy) => policy.steps.map((step) => step.templateKey)));
    for (const key of keys) for (const language of ["fr", "en"] as const) expect(templateFor(key, language).key).toBe(key);
    expect(() => templateFor("unknown", "fr")).toThrow('No "fr" template for step "unknown"');
  });

  it("are all valid and render in every locale with a full context", () => {
    for (const template of DEFAULT_TEMPLATES) {
      for (const text of [template.subject ?? "", template.body]) {
        expect(validateTemplate(text), `${template.key}/${template.language}`).toEqual([]);
        for (const locale of TEMPLATE_LOCALES) expect(renderTemplate(text, context, locale)).not.toContain("{{");
      }
    }
  });

  it("carry the legal mentions", () => {
    const b2b = plain(renderTemplate(templateFor("formal_notice_b2b_fr", "fr").body, context, "fr-FR"));
    expect(b2b).toContain("article L441-10 du Code de commerce");
    expect(b2b).toContain("au taux annuel de 12,15 %");
    expect(b2b).toContain("indemnité forfaitaire pour frais de recouvrement de 80,00 € par facture"); // the caller passes 40 × 2 invoices
    const b2c = plain(renderTemplate(templateFor("formal_notice_b2c_fr", "fr").body, context, "fr-FR"));
    expect(b2c).toContain("intérêts au taux légal, actuellement de 2,62 % par an (article 1231-6 du Code civil)");
    expect(b2c).not.toContain("indemnité forfaitaire");
    const mahnung = plain(renderTemplate(templateFor("ch_reminder_1", "fr").body, context, "fr-CH"));
    expect(mahnung).toContain("un intérêt moratoire de 5% l'an est dû (art. 104 CO)");
    expect(renderTemplate(templateFor("ch_reminder_1", "en").body, context, "en-GB")).toContain("default interest of 5% per year is owed (art. 104 CO)");
  });
});
