/**
 * Reads a stretch of the file text once per distinct value: a million lines then share a few
 * hundred strings (transaction types, descriptions, marketplaces, SKUs) and each distinct date is
 * parsed once.
 */

// Slots of the in-place table: a power of two, ample for the values one column holds.
const SLOTS = 1024;

export class SliceCache<T> {
  private readonly known = new Map<string, T>();
  // Look-ups first try a small table indexed by a few characters, comparing the text in place:
  // a hit cuts no string, which measured ~10% faster on a whole million-row parse than cutting
  // and looking up every time (less garbage to collect). Keys start as a line break, which no
  // cell can hold, so an empty slot never matches.
  private readonly keys: string[] = new Array<string>(SLOTS).fill('\n');
  private readonly values: T[];

  /** `read` turns the text of a stretch into the cached value; it runs once per distinct text. */
  constructor(
    private readonly text: string,
    private readonly read: (raw: string) => T,
  ) {
    this.values = new Array<T>(SLOTS).fill(read(''));
  }

  /** The value for `text.slice(start, end)`. */
  get(start: number, end: number): T {
    const text = this.text;
    const length = end - start;
    // Length, both ends and the middle tell apart the values of one column: dates differ in
    // their last two characters, descriptions in length and letters.
    const slot = length === 0
      ? 0
      : (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1) * 131 +
          text.charCodeAt(end - 2) * 17 + text.charCodeAt(start + (length >> 1)) * 3) & (SLOTS - 1);
    const key = this.keys[slot] as string;
    if (key.length === length && text.startsWith(key, start)) return this.values[slot] as T;
    const raw = text.slice(start, end);
    let value = this.known.get(raw);
    if (value === undefined) {
      value = this.read(raw);
      this.known.set(raw, value);
    }
    this.keys[slot] = raw;
    this.values[slot] = value;
    return value;
  }
}

/** The text itself, so that equal stretches come back as one shared string. */
export function sameText(raw: string): string {
  return detach(raw);
}

/**
 * A copy of a piece of the file text that does not keep the whole text alive. Engines may
 * represent a slice as a view into its parent string (V8 does from 13 characters), so one kept
 * SKU would otherwise pin a 200 MB file in memory for as long as the settlement lives.
 */
export function detach(piece: string): string {
  return piece.length < 13 ? piece : (' ' + piece).slice(1);
}
