/**
 * One human-readable step of a computation: English `text` for logs and the CLI, plus a stable `key` and `params`
 * so the UI can say the same thing in the reader's language.
 */
export interface Explanation {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly text: string;
}

export const explain = (key: string, params: Record<string, string | number>, text: string): Explanation => ({ key, params, text });
