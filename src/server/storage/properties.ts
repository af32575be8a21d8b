/**
 * Property stores as the Xero modules' KeyValueStore, with no value ever over the limit Google
 * enforces. Google's quotas page says 9 KB per value; about 8 KB was measured (DOMAIN.md §4), so
 * a value over 7,900 bytes is split into pieces under keys `<key>#1`, `<key>#2`…, and the key
 * itself holds a header naming how many. All of a value's pieces are written in one
 * `setProperties` call, so a reader sees the old value or the new one, never a mix. A person's
 * list of organisations (an accountant may reach hundreds) and tokens grow this way without
 * failing with "Argument too large".
 */
import type { KeyValueStore } from '../../xero/ports';
import { splitByBytes, utf8Length } from './utf8';

/** The most bytes SettleSheet puts in one property value (under the measured ~8 KB). */
export const PROPERTY_VALUE_BYTES = 7900;
// The header a split value's own key holds. It starts with a character JSON, tokens and ids
// never start with, so no ordinary value can be taken for it.
const HEADER = '\u0001settlesheet-split:';

function pieceKey(key: string, n: number): string {
  return `${key}#${n}`;
}

function piecesOf(header: string | null): number {
  if (header === null || !header.startsWith(HEADER)) return 0;
  const n = Number(header.slice(HEADER.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** A property store as a KeyValueStore whose values may be of any size up to the store's 500 KB. */
export function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  const removePieces = (key: string, from: number, to: number) => {
    for (let n = from; n <= to; n++) properties.deleteProperty(pieceKey(key, n));
  };
  return {
    get(key) {
      const stored = properties.getProperty(key);
      const count = piecesOf(stored);
      if (count === 0) return stored;
      const pieces: string[] = [];
      for (let n = 1; n <= count; n++) {
        const piece = properties.getProperty(pieceKey(key, n));
        // A piece missing means the value was damaged (edited by hand): treat it as absent.
        if (piece === null) return null;
        pieces.push(piece);
      }
      return pieces.join('');
    },
    set(key, value) {
      const before = piecesOf(properties.getProperty(key));
      if (utf8Length(value) <= PROPERTY_VALUE_BYTES && !value.startsWith(HEADER)) {
        properties.setProperty(key, value);
        removePieces(key, 1, before);
        return;
      }
      const pieces = splitByBytes(value, PROPERTY_VALUE_BYTES);
      const all: Record<string, string> = { [key]: `${HEADER}${pieces.length}` };
      pieces.forEach((piece, i) => (all[pieceKey(key, i + 1)] = piece));
      properties.setProperties(all);
      removePieces(key, pieces.length + 1, before);
    },
    delete(key) {
      const before = piecesOf(properties.getProperty(key));
      properties.deleteProperty(key);
      removePieces(key, 1, before);
    },
  };
}
