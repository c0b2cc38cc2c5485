/** Today in the reader's time zone as `YYYY-MM-DD` (the calendar date a person means by "as of today"). */
export const todayLocalIso = (now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
