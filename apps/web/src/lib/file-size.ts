/** A file size for people, in the reader's locale: "0.5 kB", "34 kB", "12.5 MB". */
export const formatFileSize = (bytes: number, locale: string): string => {
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, "kilobyte"] : bytes < 1e9 ? [bytes / 1e6, "megabyte"] : [bytes / 1e9, "gigabyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
};
