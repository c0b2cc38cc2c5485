import { invalidCollectionData } from "./collection-errors.ts";
import { TEMPLATE_FIELD_NAMES, templateFieldNamed, type TemplateContext } from "./template-fields.ts";
import { formatTemplateValue, type TemplateLanguage, type TemplateLocale } from "./template-format.ts";

/** A message template for one step kind (`key` = a policy step's templateKey) in one language. SMS has no subject. */
export interface MessageTemplate {
  readonly key: string;
  readonly language: TemplateLanguage;
  readonly subject?: string;
  readonly body: string;
}

/**
 * Merge-field templates: plain text with `{{field}}` placeholders from the TEMPLATE_FIELDS catalogue. A field sits
 * on one line; spaces inside the braces are allowed (`{{ debtor.name }}`); single braces are ordinary text.
 * Positions are 1-based `line:column` of the first brace.
 */
export interface TemplateIssue {
  readonly line: number;
  readonly column: number;
  readonly field?: string;
  readonly message: string;
}

export interface TemplatePlaceholder {
  readonly field: string;
  readonly line: number;
  readonly column: number;
  /** Offsets in the whole text of the placeholder, braces included: [start, end). */
  readonly start: number;
  readonly end: number;
}

const scan = (text: string): { placeholders: TemplatePlaceholder[]; issues: TemplateIssue[] } => {
  const placeholders: TemplatePlaceholder[] = [];
  const issues: TemplateIssue[] = [];
  let offset = 0;
  text.split("\n").forEach((lineText, lineIndex) => {
    const line = lineIndex + 1;
    let i = 0;
    while (i < lineText.length) {
      const column = i + 1;
      if (lineText.startsWith("}}", i)) {
        issues.push({ line, column, message: '"}}" has no opening "{{"' });
        i += 2;
      } else if (lineText.startsWith("{{", i)) {
        const close = lineText.indexOf("}}", i + 2);
        const reopen = lineText.indexOf("{{", i + 2);
        if (close === -1 || (reopen !== -1 && reopen < close)) {
          issues.push({ line, column, message: '"{{" is not closed by "}}" on the same line' });
          i += 2;
          continue;
        }
        const field = lineText.slice(i + 2, close).trim();
        if (field === "") issues.push({ line, column, message: "empty field" });
        else if (!TEMPLATE_FIELD_NAMES.has(field)) issues.push({ line, column, field, message: `unknown field "${field}"` });
        else placeholders.push({ field, line, column, start: offset + i, end: offset + close + 2 });
        i = close + 2;
      } else i += 1;
    }
    offset += lineText.length + 1;
  });
  return { placeholders, issues };
};

const describeIssue = (issue: TemplateIssue): string => `${issue.line}:${issue.column}: ${issue.message}`;

/** Every problem of a template (unknown fields, unbalanced braces), in order; empty when it is valid. */
export const validateTemplate = (text: string): TemplateIssue[] => scan(text).issues;

/** The fields a valid template uses, each once, in order of first use. */
export const templateFields = (text: string): string[] => [...new Set(scan(text).placeholders.map((p) => p.field))];

/** Throws a BAD_REQUEST listing each problem as `line:column: message` (path `line:column`). */
export const assertValidTemplate = (text: string): void => {
  const issues = validateTemplate(text);
  if (issues.length === 0) return;
  throw invalidCollectionData(`Invalid template: ${issues.map(describeIssue).join("; ")}`, "collection.invalidTemplate",
    issues.map((issue) => ({ path: `${issue.line}:${issue.column}`, message: issue.message })));
};

/**
 * Renders a valid template for a locale: money and dates through Intl, the invoice list as plain-text lines. The
 * output is plain text; an HTML channel must escape it. A field without a value in the context is an error.
 */
export const renderTemplate = (text: string, context: TemplateContext, locale: TemplateLocale): string => {
  assertValidTemplate(text);
  const { placeholders } = scan(text);
  let out = "";
  let from = 0;
  for (const placeholder of placeholders) {
    const value = templateFieldNamed(placeholder.field)?.read(context);
    if (value === undefined) {
      throw invalidCollectionData(`Field "${placeholder.field}" at ${placeholder.line}:${placeholder.column} has no value for this message`, "collection.missingTemplateValue",
        [{ path: `${placeholder.line}:${placeholder.column}`, message: `"${placeholder.field}" has no value` }]);
    }
    out += text.slice(from, placeholder.start) + formatTemplateValue(value, locale);
    from = placeholder.end;
  }
  return out + text.slice(from);
};
