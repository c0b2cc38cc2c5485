/**
 * Caret colours, dark enough for white label text (WCAG AA on 12px bold) and distinct from one another.
 */
const PALETTE = ["#1f4e8c", "#a4262c", "#1e6b3a", "#7a3e9d", "#8a5300", "#006d77", "#b3366b", "#4a5a14", "#5a4fcf", "#9c4a00"];

/** The same colour for a user on every device and in every session: derived from the user id, not chosen at random. */
export const collaboratorColor = (userId: string): string => {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (Math.imul(hash, 31) + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
};
