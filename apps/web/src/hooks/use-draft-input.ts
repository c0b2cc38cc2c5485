import { useEffect, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value.ts";

export interface DraftInputOptions<T> {
  /** The value a text stands for, or `invalid` when it stands for none. */
  parse: (text: string) => { ok: true; value: T } | { ok: false };
  format: (value: T) => string;
  delayMs?: number;
}

export interface DraftInput {
  text: string;
  setText: (text: string) => void;
  /** The text does not parse: nothing is committed until it does. */
  invalid: boolean;
}

/**
 * A text input bound to a committed value (a URL parameter, say): typing commits once the text has rested for
 * `delayMs` and parses to another value; a change of the value from elsewhere (a saved view applied) replaces the
 * text, unless the text already stands for it, so that "1500." is not rewritten while it is being typed.
 */
export const useDraftInput = <T>(value: T, commit: (value: T) => void, options: DraftInputOptions<T>): DraftInput => {
  const { parse, format, delayMs = 350 } = options;
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  const parsed = parse(text);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!parsed.ok || !Object.is(parsed.value, value)) setText(format(value));
  }
  const rested = useDebouncedValue(text, delayMs);
  useEffect(() => {
    if (rested !== text) return;
    const settled = parse(rested);
    if (settled.ok && !Object.is(settled.value, value)) commit(settled.value);
    // commit and parse are recreated each render: the text and the value are what decide
  }, [rested, text, value]);
  return { text, setText, invalid: !parsed.ok };
};
