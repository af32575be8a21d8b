/**
 * Xero's Idempotency-Key (developer.xero.com/documentation/guides/idempotent-requests/idempotency,
 * as integrators quote it): the first answer to a key is kept for six minutes from the first call
 * and given again, errors included, for the same request; a request is the same when its URL, body
 * and HTTP method are; the same key with a different request is answered 400 "Idempotency Key: …
 * is used with a different request." (wording from LanternOps/breeze's Xero client tests); after
 * six minutes the key is forgotten and a request with it is new. Rate limits are checked before
 * the key (accounting.ts), so a replay still counts as a call. Keys are kept per organisation.
 *
 * ASSUMPTION: the 400's body shape (a ValidationException carrying the message), and that a 5xx
 * answer is kept like any other (the guide says errors are cached; which ones is not said).
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { jsonResponse } from './wire';

/** The longest Idempotency-Key Xero accepts. */
export const IDEMPOTENCY_KEY_MAX = 128;

/** How long Xero keeps a key: six minutes from the first call. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 6 * 60_000;

interface Kept {
  request: string;
  response: HttpResponse;
  at: number;
}

/** What a keyed request gets: the kept answer, a refusal, or nothing yet (handle it, then `keep`). */
export type KeyedAnswer = { kind: 'replay'; response: HttpResponse } | { kind: 'conflict'; response: HttpResponse } | { kind: 'new' };

/** The keys an organisation's requests carried, and the answers given. */
export class IdempotencyKeys {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly now: () => number) {}

  private live(slot: string): Kept | undefined {
    const kept = this.kept.get(slot);
    if (kept && this.now() - kept.at >= IDEMPOTENCY_KEY_LIFETIME_MS) {
      this.kept.delete(slot);
      return undefined;
    }
    return kept;
  }

  /** The answer for a request carrying `key` to an organisation. */
  answer(tenantId: string, key: string, request: HttpRequest): KeyedAnswer {
    const kept = this.live(slotOf(tenantId, key));
    if (!kept) return { kind: 'new' };
    if (kept.request === fingerprint(request)) return { kind: 'replay', response: kept.response };
    return {
      kind: 'conflict',
      response: jsonResponse(400, { ErrorNumber: 10, Type: 'ValidationException', Message: `Idempotency Key: ${key} is used with a different request.` }),
    };
  }

  /**
   * Keeps the first answer to a key (a later one, after a replay, changes nothing). `replace`: the
   * answer the client actually got differs from the one the handler kept (a fault after commit).
   */
  keep(tenantId: string, key: string, request: HttpRequest, response: HttpResponse, options: { replace?: boolean } = {}): void {
    const slot = slotOf(tenantId, key);
    const kept = this.live(slot);
    if (!kept) this.kept.set(slot, { request: fingerprint(request), response, at: this.now() });
    else if (options.replace) kept.response = response;
  }
}

function slotOf(tenantId: string, key: string): string {
  return `${tenantId.toLowerCase()}\u0000${key}`;
}

function fingerprint(request: HttpRequest): string {
  return `${request.method}\u0000${request.url}\u0000${request.bodyEncoding ?? ''}\u0000${request.body ?? ''}`;
}

/** The Idempotency-Key of a write to the accounting API, and its tenant; undefined otherwise. */
export function keyedWrite(request: HttpRequest, url: URL): { key: string; tenantId: string } | undefined {
  const key = request.headers['idempotency-key'];
  const tenantId = (request.headers['xero-tenant-id'] ?? '').trim();
  if (request.method === 'GET' || key === undefined || tenantId === '' || url.hostname !== 'api.xero.com') return undefined;
  return { key, tenantId };
}
