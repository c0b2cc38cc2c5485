/** Escapes LIKE's wildcards so that a searched "50%" or "a_b" matches those characters, not any text. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%`: contains the text, wildcards in it taken literally. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** `text%`: starts with the text, wildcards in it taken literally. */
export const prefixPattern = (text: string): string => `${escapeLike(text)}%`;
