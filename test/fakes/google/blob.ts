/**
 * Bytes as Apps Script hands them out: JavaScript arrays of SIGNED bytes (−128..127, Java's
 * `byte`), and text in UTF-8, US-ASCII, ISO-8859-1 (every byte is the code point of the same
 * number) or windows-1252 (ISO-8859-1 with printable characters in 0x80–0x9F, e.g. 0x80 → €).
 */
import { SERVICE, type FakeObject } from './boundary';
import { GoogleException } from './errors';

/** Signed bytes, as `getBytes()` and `computeDigest()` return them. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Bytes from an array of signed (or unsigned) byte values. */
export function fromByteArray(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values, (v) => v & 0xff);
}

// windows-1252 is ISO-8859-1 except for 0x80–0x9F. Written out because Node 20's TextDecoder
// decodes that block as ISO-8859-1; the five bytes Java leaves unmapped decode to U+FFFD as in Java.
const WINDOWS_1252_80_TO_9F =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';
const WINDOWS_1252 = Array.from({ length: 256 }, (_, i) =>
  (i >= 0x80 && i <= 0x9f ? WINDOWS_1252_80_TO_9F.charAt(i - 0x80) : String.fromCharCode(i))).join('');

/** The canonical name of a charset the fakes know, or undefined. */
function canonicalCharset(charset: string): 'utf-8' | 'us-ascii' | 'iso-8859-1' | 'windows-1252' | undefined {
  const name = charset.trim().toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (name === 'us-ascii' || name === 'ascii') return 'us-ascii';
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'iso8859-1') return 'iso-8859-1';
  if (name === 'windows-1252' || name === 'cp1252') return 'windows-1252';
  return undefined;
}

function charsetOf(charset: unknown): NonNullable<ReturnType<typeof canonicalCharset>> {
  const name = charset === undefined ? 'utf-8' : canonicalCharset(String(charset));
  // Java's UnsupportedCharsetException surfaces like this; the wording is the fake's own.
  if (!name) throw new GoogleException(`Unsupported charset: ${String(charset)}`);
  return name;
}

/** Text as bytes in a charset (characters it cannot hold become `?`, as in Java). */
export function encodeText(text: string, charset?: unknown): Uint8Array {
  const name = charsetOf(charset);
  if (name === 'utf-8') return new TextEncoder().encode(text);
  const limit = name === 'us-ascii' ? 0x80 : 0x100;
  return Uint8Array.from(Array.from(text), (ch) => {
    if (name === 'windows-1252') {
      const index = ch === '\uFFFD' ? -1 : WINDOWS_1252.indexOf(ch);
      return index >= 0 ? index : 0x3f;
    }
    const code = ch.codePointAt(0) ?? 0x3f;
    return code < limit ? code : 0x3f;
  });
}

/** Bytes as text in a charset. */
export function decodeText(bytes: Uint8Array, charset?: unknown): string {
  const name = charsetOf(charset);
  if (name === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  if (name === 'windows-1252') return Array.from(bytes, (b) => WINDOWS_1252.charAt(b)).join('');
  return Array.from(bytes, (b) => (name === 'us-ascii' && b > 127 ? '\uFFFD' : String.fromCharCode(b))).join('');
}

/** Data with a content type and a name (Apps Script's `Blob`). */
export class Blob implements FakeObject {
  readonly [SERVICE] = 'Blob';

  constructor(public _bytes: Uint8Array, public _contentType: string | null, public _name: string | null) {}

  /** The data as signed bytes. */
  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }

  /** The data as text (UTF-8 unless a charset is named). */
  getDataAsString(charset?: string): string {
    return decodeText(this._bytes, charset);
  }

  /** Replaces the data with text encoded in the charset (UTF-8 by default). */
  setDataFromString(string: string, charset?: string): this {
    this._bytes = encodeText(String(string), charset);
    return this;
  }

  /** Replaces the data with bytes. */
  setBytes(data: number[]): this {
    this._bytes = fromByteArray(data);
    return this;
  }

  /** The name, or null. */
  getName(): string | null {
    return this._name;
  }

  /** Sets the name. */
  setName(name: string): this {
    this._name = name;
    return this;
  }

  /** The content type, or null. */
  getContentType(): string | null {
    return this._contentType;
  }

  /** Sets the content type. */
  setContentType(contentType: string): this {
    this._contentType = contentType;
    return this;
  }

  /** A copy. */
  copyBlob(): Blob {
    return new Blob(Uint8Array.from(this._bytes), this._contentType, this._name);
  }
}
