/**
 * How the server holds the browser to the lines it stored, without reading them back.
 *
 * Reading every staged line back at the end of an import would double its Sheets calls (over the
 * import's budget of ceil(N / 5000) + 10), and the browser's word is not enough: a modified page
 * once sent honest lines with a one-row aggregate of the same total and count. So each chunk the
 * server writes is reduced, there and then, by core's own `aggregateLines` and `unitsOfLines` (the
 * code the browser ran), and folded into a linear sketch: Σ amount × h(key) + rows × h'(key) over
 * the entries, mod the prime 2^127 − 1, with h a SHA-256 of the entry's key and a salt the import
 * keeps to itself. Sums of entries add across chunks, so the chunks' sketches add up to the sketch
 * of the whole settlement's aggregate. Finishing accepts the browser's aggregate and units only if
 * their sketch is the same: any other aggregate matches with probability 2^-127.
 *
 * The key is every field of an entry but its amount and rows, whatever they are: a dimension the
 * core adds to its entries (a fulfilment channel, say) is held to the lines as well.
 */
import type { UnitsEntry } from '../../core/cogs/units';
import { Sha256 } from '../../core/hash';
import type { AggregateEntry } from '../../core/summary/aggregate';

const PRIME = (1n << 127n) - 1n;

/** The running sketches of an import: its aggregate's and its units', as decimal strings. */
export interface Sketches {
  aggregate: string;
  units: string;
}

/** An empty import's sketches. */
export const NO_SKETCHES: Sketches = { aggregate: '0', units: '0' };

/** The key fields of an entry (all but its counts), in a fixed order. */
function keyOf(entry: object, counts: readonly string[]): string {
  return JSON.stringify(
    Object.entries(entry)
      .filter(([field]) => !counts.includes(field))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

function coefficient(salt: string, tag: string, key: string): bigint {
  const hex = new Sha256().updateText(`${salt}\u001f${tag}\u001f${key}`).hex();
  return BigInt(`0x${hex.slice(0, 32)}`) % PRIME;
}

function sketch(salt: string, entries: readonly object[], counts: readonly string[]): bigint {
  let sum = 0n;
  for (const entry of entries) {
    const key = keyOf(entry, counts);
    for (const field of counts) {
      const value = (entry as Record<string, unknown>)[field];
      if (typeof value !== 'number' || value === 0) continue;
      sum = (sum + BigInt(value) * coefficient(salt, field, key)) % PRIME;
    }
  }
  return (sum + PRIME) % PRIME;
}

const AGGREGATE_COUNTS = ['amount', 'rows'] as const;
const UNITS_COUNTS = ['sold', 'returned', 'assumed'] as const;

/** The sketches of some aggregate entries and units entries. */
export function sketchesOf(salt: string, entries: readonly AggregateEntry[], units: readonly UnitsEntry[]): Sketches {
  return { aggregate: String(sketch(salt, entries, AGGREGATE_COUNTS)), units: String(sketch(salt, units, UNITS_COUNTS)) };
}

/** Two sketches added: the sketch of both sets of entries together. */
export function addSketches(a: Sketches, b: Sketches): Sketches {
  const add = (x: string, y: string) => String((BigInt(x) + BigInt(y)) % PRIME);
  return { aggregate: add(a.aggregate, b.aggregate), units: add(a.units, b.units) };
}
