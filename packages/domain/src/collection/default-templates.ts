import { missingCollectionData } from "./collection-errors.ts";
import { ENGLISH_TEMPLATES } from "./default-templates-en.ts";
import { FRENCH_TEMPLATES } from "./default-templates-fr.ts";
import type { TemplateLanguage } from "./template-format.ts";
import type { MessageTemplate } from "./templates.ts";

export const DEFAULT_TEMPLATES: readonly MessageTemplate[] = [...FRENCH_TEMPLATES, ...ENGLISH_TEMPLATES];

/** The template for a step kind and language from a list (a tenant's, or the defaults), or a PRECONDITION_FAILED. */
export const templateFor = (key: string, language: TemplateLanguage, templates: readonly MessageTemplate[] = DEFAULT_TEMPLATES): MessageTemplate => {
  const found = templates.find((template) => template.key === key && template.language === language);
  if (found === undefined) throw missingCollectionData(`No "${language}" template for step "${key}"`, "collection.noTemplate");
  return found;
};
