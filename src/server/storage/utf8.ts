/** Cutting text by UTF-8 size, which Google's storage limits count (Apps Script has no TextEncoder). */
import { utf8Length } from '../../xero/wire';

export { utf8Length };

/** Cuts text into pieces of at most `maxBytes` UTF-8 bytes each, never inside a surrogate pair. */
export function splitByBytes(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const pair = (text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = utf8Length(pair ? text.slice(i, i + 2) : text[i]!);
    if (bytes + size > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  pieces.push(text.slice(start));
  return pieces;
}
