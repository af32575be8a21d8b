/**
 * Bytes of an uploaded settlement file to text. The pure JavaScript decoder is the reference (Apps
 * Script has no TextDecoder); where the runtime has a WHATWG TextDecoder (browsers, Node) its strict
 * UTF-8 mode is used instead, because it gives the same text several times faster.
 */

// Code units are handed to String.fromCharCode in runs this long: far below any engine's limit on
// the number of arguments, and long enough that the call overhead disappears.
const RUN = 8192;

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. The five bytes it leaves undefined (0x81,
// 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as the WHATWG Encoding
// Standard (and so every browser) decodes them.
const WINDOWS_1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Decodes a settlement file: drops a UTF-8 byte order mark, reads UTF-8, and reads the bytes as
 * windows-1252 instead when they are not valid UTF-8 (how other Amazon reports are encoded).
 */
export function decodeSettlementBytes(bytes: Uint8Array, options: { native?: boolean } = {}): string {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf8 = options.native === false ? decodeUtf8(bytes, start) : (nativeUtf8(bytes, start) ?? decodeUtf8(bytes, start));
  return utf8 ?? decodeWindows1252(bytes, start);
}

interface StrictDecoder {
  decode(input: Uint8Array): string;
}

/**
 * Strict UTF-8 through the runtime's TextDecoder: the text, null when the bytes are not UTF-8, or
 * undefined when there is no TextDecoder (then the pure decoder answers).
 */
function nativeUtf8(bytes: Uint8Array, start: number): string | null | undefined {
  const Decoder = (globalThis as { TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => StrictDecoder }).TextDecoder;
  if (!Decoder) return undefined;
  try {
    return new Decoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

/** Strictly decodes UTF-8 from `start`; null at the first byte sequence UTF-8 does not allow. */
function decodeUtf8(bytes: Uint8Array, start: number): string | null {
  const pieces: string[] = [];
  const units = new Uint16Array(RUN + 2);
  let n = 0;
  let i = start;
  const end = bytes.length;
  while (i < end) {
    // Settlements are almost all ASCII: copy whole ASCII runs straight from the bytes.
    if (n === 0) {
      let j = i;
      const limit = Math.min(end, i + RUN);
      while (j < limit && (bytes[j] as number) < 0x80) j++;
      if (j > i) {
        pieces.push(String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]));
        i = j;
        continue;
      }
    }
    const b = bytes[i] as number;
    if (b < 0x80) {
      units[n++] = b;
      i++;
    } else {
      const point = readMultiByte(bytes, i);
      if (point < 0) return null;
      i += point >= 0x10000 ? 4 : point >= 0x800 ? 3 : 2;
      if (point >= 0x10000) {
        const v = point - 0x10000;
        units[n++] = 0xd800 + (v >> 10);
        units[n++] = 0xdc00 + (v & 0x3ff);
      } else {
        units[n++] = point;
      }
    }
    if (n >= RUN) {
      pieces.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
      n = 0;
    }
  }
  if (n > 0) pieces.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  return pieces.join('');
}

/**
 * The code point of the multi-byte UTF-8 sequence at `i`, or -1 when it is invalid: a stray
 * continuation byte, an overlong form, a surrogate, a value above U+10FFFF, or a cut-off sequence.
 */
function readMultiByte(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  const b1 = i + 1 < bytes.length ? (bytes[i + 1] as number) : -1;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    return isContinuation(b1) ? ((b0 & 0x1f) << 6) | (b1 & 0x3f) : -1;
  }
  const b2 = i + 2 < bytes.length ? (bytes[i + 2] as number) : -1;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80; // below: overlong
    const high = b0 === 0xed ? 0x9f : 0xbf; // above: UTF-16 surrogates
    if (b1 < low || b1 > high || !isContinuation(b2)) return -1;
    return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  }
  const b3 = i + 3 < bytes.length ? (bytes[i + 3] as number) : -1;
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80; // below: overlong
    const high = b0 === 0xf4 ? 0x8f : 0xbf; // above: beyond U+10FFFF
    if (b1 < low || b1 > high || !isContinuation(b2) || !isContinuation(b3)) return -1;
    return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  }
  return -1;
}

function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/** Decodes every byte from `start` as windows-1252; this cannot fail. */
function decodeWindows1252(bytes: Uint8Array, start: number): string {
  const pieces: string[] = [];
  const units = new Uint16Array(RUN);
  let n = 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i] as number;
    units[n++] = b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_80_9F[b - 0x80] as number) : b;
    if (n === RUN) {
      pieces.push(String.fromCharCode.apply(null, units as unknown as number[]));
      n = 0;
    }
  }
  if (n > 0) pieces.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  return pieces.join('');
}
