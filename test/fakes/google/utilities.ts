/**
 * `Utilities`: blobs, digests, Base64, UUIDs, `sleep` (which spends world time) and `formatDate`.
 * Byte arrays going in may be signed or unsigned; byte arrays coming out are signed, as Apps
 * Script's are. `base64EncodeWebSafe` keeps the `=` padding, as Google's does.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Blob, encodeText, fromByteArray, toSignedBytes } from './blob';
import { SERVICE } from './boundary';
import type { Clock } from './clock';
import { formatJavaDate } from './date-format';
import { Charset, DigestAlgorithm, type EnumValue } from './enums';
import { signatureMismatch } from './errors';
import { isDate } from './realm';

const HASH_NAMES: Record<keyof typeof DigestAlgorithm, string> = {
  MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512',
};

function charsetName(charset: unknown): string | undefined {
  if (charset === undefined) return undefined;
  if (charset === Charset.US_ASCII) return 'us-ascii';
  if (charset === Charset.UTF_8) return 'utf-8';
  return String(charset);
}

/** Text (in the charset) or a byte array, as bytes. */
function bytesOf(data: unknown, charset: unknown, method: string): Uint8Array {
  if (typeof data === 'string') return encodeText(data, charsetName(charset));
  if (Array.isArray(data)) return fromByteArray(data as number[]);
  throw signatureMismatch(`Utilities.${method}`, [data]);
}

/** The `Utilities` service of one execution. */
export function createUtilities(clock: Clock) {
  return {
    [SERVICE]: 'Utilities',
    DigestAlgorithm,
    Charset,
    /** A blob from text (UTF-8) or bytes. */
    newBlob(data: string | number[], contentType?: string, name?: string): Blob {
      return new Blob(bytesOf(data, undefined, 'newBlob'), contentType ?? null, name ?? null);
    },
    /** The digest of text (UTF-8 unless a charset is given) or bytes, as signed bytes. */
    computeDigest(algorithm: EnumValue<keyof typeof DigestAlgorithm>, value: string | number[], charset?: EnumValue): number[] {
      const hash = Object.values(DigestAlgorithm).includes(algorithm) ? HASH_NAMES[algorithm.name] : undefined;
      if (!hash) throw signatureMismatch('Utilities.computeDigest', [algorithm, value]);
      return toSignedBytes(createHash(hash).update(bytesOf(value, charset, 'computeDigest')).digest());
    },
    /** Base64 of text (UTF-8 unless a charset is given) or bytes. */
    base64Encode(data: string | number[], charset?: EnumValue): string {
      return Buffer.from(bytesOf(data, charset, 'base64Encode')).toString('base64');
    },
    /** URL-safe Base64 (`-` and `_`), padding kept. */
    base64EncodeWebSafe(data: string | number[], charset?: EnumValue): string {
      return Buffer.from(bytesOf(data, charset, 'base64EncodeWebSafe')).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    /** The bytes of Base64 text, signed. */
    base64Decode(encoded: string): number[] {
      return toSignedBytes(Buffer.from(String(encoded), 'base64'));
    },
    /** The bytes of URL-safe Base64 text, signed. */
    base64DecodeWebSafe(encoded: string): number[] {
      return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
    },
    /** A random UUID string. */
    getUuid: (): string => randomUUID(),
    /** Spends `milliseconds` of world time. */
    sleep(milliseconds: number): void {
      clock.spend(milliseconds);
    },
    /** A date as text on a time zone's wall clock, with a Java `SimpleDateFormat` pattern. */
    formatDate(date: Date, timeZone: string, format: string): string {
      if (!isDate(date)) throw signatureMismatch('Utilities.formatDate', [date, timeZone, format]);
      return formatJavaDate(Date.prototype.getTime.call(date), timeZone, format);
    },
  };
}
