/** A small deterministic PRNG (mulberry32), so the demo workspace is the same on every machine. */
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
};
export type Random = ReturnType<typeof createRandom>;

/** A SIREN: 8 random digits and a Luhn check digit. */
export const fakeSiren = (random: Random): string => {
  const digits = Array.from({ length: 8 }, () => random.int(0, 9));
  for (let check = 0; check <= 9; check++) {
    const all = [...digits, check];
    const sum = all.reduce((acc, d, i) => {
      const fromRight = all.length - 1 - i;
      const v = fromRight % 2 === 1 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return all.join("");
  }
  throw new Error("unreachable");
};

/** A Swiss UID (CHE-123.456.789) with its mod-11 check digit. */
export const fakeSwissUid = (random: Random): string => {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4];
  for (;;) {
    const digits = Array.from({ length: 8 }, () => random.int(0, 9));
    const rest = digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check === 10) continue;
    const s = [...digits, check].join("");
    return `CHE-${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}`;
  }
};
