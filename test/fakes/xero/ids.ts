/**
 * Deterministic identifiers: every GUID and token the sandbox hands out comes from a seeded
 * sequence, so two sandboxes built with the same seed and fed the same requests agree byte for byte.
 */
import { createHash } from 'node:crypto';

/** Where a sandbox draws its GUIDs and opaque tokens from. */
export interface IdSource {
  /** The next GUID, in the lower-case v4 form Xero uses. */
  uuid(): string;
  /** The next opaque token (base64url, 43 characters). */
  token(): string;
}

/** A seeded source of GUIDs and tokens. */
export function createIdSource(seed: string): IdSource {
  let counter = 0;
  const next = (): Buffer => createHash('sha256').update(`${seed}\u0000${counter++}`).digest();
  return {
    uuid: () => formatUuid(next()),
    token: () => next().toString('base64url'),
  };
}

/** A GUID derived from a name, for seed data whose ids must not depend on call order. */
export function stableUuid(name: string): string {
  return formatUuid(createHash('sha256').update(name).digest());
}

function formatUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
