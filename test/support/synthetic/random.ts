/** Seeded randomness: tests, property tests and demos must not depend on Math.random. */

/** A small, fast, seedable PRNG (mulberry32): tests and demos must not depend on Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

export function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String.fromCharCode(48 + Math.floor(random() * 10));
  return text;
}
