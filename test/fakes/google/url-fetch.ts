/**
 * `UrlFetchApp`: forwards each request to the world's HTTP handler (the same `HttpPort` the Xero
 * sandbox implements) and behaves as Google's does around it:
 * - `method` (GET by default), `headers`, `payload` (a string is sent as is; a byte array, as
 *   `Utilities.base64Decode` gives, is sent as those bytes; an object is form-encoded; Google's
 *   reference: "It can be a string, a byte array, a blob, or a JavaScript object"), `contentType`
 *   (form-urlencoded by default when there is a payload),
 *   `muteHttpExceptions`, `followRedirects` (true by default);
 * - without `muteHttpExceptions` a status of 400 or more throws "Request failed for <scheme://host>
 *   returned code <n>. Truncated server response: <body start> (use muteHttpExceptions option to
 *   examine full response)": Google names only the origin, as its messages show (e.g. "Request
 *   failed for https://api.line.me returned code 400"); the 200-character cut is the fake's guess;
 * - a request that gets no response (the handler throws `NetworkError`) throws "Address
 *   unavailable: <url>" (or "DNS error: <url>" when the failure was a DNS one);
 * - a URL over 2 KB throws "Limit Exceeded: URLFetch URL Length.";
 * - with a `urlFetchWhitelist` in the manifest, a URL (each redirect hop too) that matches no
 *   prefix throws "Request to <url without its query> failed because the URL has not been
 *   whitelisted in the script manifest." (Google's words as reported in
 *   diegomanuel/binance-to-google-sheets#82 and grahamearley/FirestoreGoogleAppsScript#135); the
 *   matching rules are those of developers.google.com/apps-script/manifest/allowlist-url (the URL
 *   equals the prefix or lies under it; `*.` matches any subdomain; paths compare case-sensitively);
 * - past the daily quota of calls per user (20,000 on consumer accounts, 100,000 on Workspace;
 *   the count resets 24 hours after the first call, Google's quotas page) every call throws
 *   "Service invoked too many times for one day: urlfetch." (the form of message that page gives).
 * Every request is recorded, headers and body included, so tests can prove where a token went.
 */
import { SERVICE, type FakeObject } from './boundary';
import { Blob, encodeText, fromByteArray, toSignedBytes } from './blob';
import type { Clock } from './clock';
import { GoogleException, signatureMismatch } from './errors';
import { isPlainObject } from './realm';
import { NetworkError, type HttpPort, type HttpRequest, type HttpResponse } from '../../../src/xero/http';

/** Google's limit on a URL's length. */
export const MAX_URL_LENGTH = 2 * 1024;
/** A consumer account's UrlFetch calls per day (Google's quotas page). */
export const URL_FETCH_CALLS_PER_DAY = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const TRUNCATED_BODY_CHARACTERS = 200;
const MAX_REDIRECTS = 10;

/** The options of `UrlFetchApp.fetch`. */
export interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

/** A request as the world recorded it. */
export interface RecordedRequest extends HttpRequest {
  user: string;
  at: number;
}

/** A response (Apps Script's `HTTPResponse`). */
export class HTTPResponse implements FakeObject {
  readonly [SERVICE] = 'HTTPResponse';

  constructor(readonly _response: HttpResponse) {}

  /** The HTTP status code. */
  getResponseCode(): number {
    return this._response.status;
  }

  /** The body as text (the handler's body is already text, so the charset changes nothing). */
  getContentText(_charset?: string): string {
    return this._response.body;
  }

  /** The headers (lower-case names, as the handler gives them). */
  getHeaders(): Record<string, string> {
    return { ...this._response.headers };
  }

  /** The headers (lower-case names, as the handler gives them). */
  getAllHeaders(): Record<string, string> {
    return { ...this._response.headers };
  }

  /** The body as UTF-8 signed bytes. */
  getContent(): number[] {
    return toSignedBytes(encodeText(this._response.body));
  }

  /** The body as a blob. */
  getBlob(): Blob {
    return new Blob(encodeText(this._response.body), this._response.headers['content-type'] ?? null, null);
  }
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** Apps Script's Byte[]: an array of whole numbers from -128 to 255. */
function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= -128 && v <= 255);
}

function requestOf(url: string, params: FetchParams): HttpRequest {
  const method = (params.method ?? 'get').toUpperCase() as HttpRequest['method'];
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(params.headers ?? {})) headers[k.toLowerCase()] = String(v);
  const request: HttpRequest = { method, url, headers };
  const { payload } = params;
  if (payload !== undefined && payload !== null) {
    if (typeof payload === 'string') request.body = payload;
    else if (isByteArray(payload)) {
      request.body = Buffer.from(fromByteArray(payload)).toString('base64');
      request.bodyEncoding = 'base64';
    } else if (isPlainObject(payload)) request.body = formEncode(payload);
    else throw signatureMismatch('UrlFetchApp.fetch', [url, params]);
    headers['content-type'] = params.contentType ?? headers['content-type'] ?? 'application/x-www-form-urlencoded';
  } else if (params.contentType) {
    headers['content-type'] = params.contentType;
  }
  return request;
}

/** Each user's calls in the current 24-hour quota window. */
export type UrlFetchQuotaWindows = Map<string, { start: number; calls: number }>;

/** What `UrlFetchApp` needs from the world and the execution. */
export interface UrlFetchContext {
  handler: () => HttpPort;
  record: RecordedRequest[];
  user: string;
  clock: Clock;
  /** The manifest's `urlFetchWhitelist`; absent means any URL may be fetched. */
  allowList?: readonly string[];
  /** The daily quota and the calls counted so far. */
  quota?: { perDay: number; windows: UrlFetchQuotaWindows };
}

/** True when a URL equals an allow-list prefix or lies under it (Google's matching rules). */
export function allowedBy(prefixes: readonly string[], url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return prefixes.some((prefix) => {
    const wildcard = /^https:\/\/\*\./.test(prefix);
    let allowed: URL;
    try {
      allowed = new URL(wildcard ? prefix.replace('*.', 'wildcard.') : prefix);
    } catch {
      return false;
    }
    if (target.protocol !== 'https:' || allowed.protocol !== 'https:') return false;
    const host = allowed.host.replace(/^wildcard\./, '');
    if (wildcard ? !target.host.endsWith(`.${host}`) : target.host !== allowed.host) return false;
    const path = `${target.pathname}${target.search}${target.hash}`;
    const base = allowed.pathname;
    return path === base || (path.startsWith(base) && (base.endsWith('/') || ['/', '?', '#'].includes(path[base.length] ?? '')));
  });
}

function shownWithoutQuery(url: string): string {
  const [beforeQuery = url] = url.split(/[?#]/, 1);
  return url.length > beforeQuery.length ? `${beforeQuery}?` : beforeQuery;
}

function countAgainstQuota(ctx: UrlFetchContext): void {
  if (!ctx.quota) return;
  const now = ctx.clock.now();
  let window = ctx.quota.windows.get(ctx.user);
  if (!window || now - window.start >= DAY_MS) {
    window = { start: now, calls: 0 };
    ctx.quota.windows.set(ctx.user, window);
  }
  if (window.calls >= ctx.quota.perDay) throw new GoogleException('Service invoked too many times for one day: urlfetch.');
  window.calls++;
}

function fetchOne(ctx: UrlFetchContext, url: string, params: FetchParams): HTTPResponse {
  if (typeof url !== 'string') throw signatureMismatch('UrlFetchApp.fetch', [url, params]);
  if (url.length > MAX_URL_LENGTH) throw new GoogleException('Limit Exceeded: URLFetch URL Length.');
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new GoogleException(`Invalid argument: ${url}`);
  let request = requestOf(url, params);
  for (let hop = 0; ; hop++) {
    if (ctx.allowList && !allowedBy(ctx.allowList, request.url)) {
      throw new GoogleException(`Request to ${shownWithoutQuery(request.url)} failed because the URL has not been whitelisted in the script manifest.`);
    }
    if (hop === 0) countAgainstQuota(ctx);
    ctx.record.push({ ...request, headers: { ...request.headers }, user: ctx.user, at: ctx.clock.now() });
    let response: HttpResponse;
    try {
      response = ctx.handler()(request);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      throw new GoogleException(`${/dns/i.test(error.message) ? 'DNS error' : 'Address unavailable'}: ${request.url}`);
    }
    const location = response.headers.location;
    if (params.followRedirects !== false && location && [301, 302, 303, 307, 308].includes(response.status) && hop < MAX_REDIRECTS) {
      const keepBody = response.status === 307 || response.status === 308;
      request = keepBody
        ? { ...request, url: new URL(location, request.url).href }
        : { method: 'GET', url: new URL(location, request.url).href, headers: request.headers };
      continue;
    }
    if (response.status >= 400 && !params.muteHttpExceptions) {
      const body = response.body;
      const shown = body.length > TRUNCATED_BODY_CHARACTERS ? `${body.slice(0, TRUNCATED_BODY_CHARACTERS)}...` : body;
      throw new GoogleException(
        `Request failed for ${new URL(request.url).origin} returned code ${response.status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new HTTPResponse(response);
  }
}

/** The `UrlFetchApp` of one execution. */
export function createUrlFetchApp(ctx: UrlFetchContext) {
  return {
    [SERVICE]: 'UrlFetchApp',
    /** Sends one request. */
    fetch(url: string, params: FetchParams = {}): HTTPResponse {
      return fetchOne(ctx, url, params);
    },
    /** Sends several requests (each a URL or `{ url, ...params }`), in order. */
    fetchAll(requests: Array<string | (FetchParams & { url: string })>): HTTPResponse[] {
      return requests.map((r) => (typeof r === 'string' ? fetchOne(ctx, r, {}) : fetchOne(ctx, r.url, r)));
    },
  };
}
