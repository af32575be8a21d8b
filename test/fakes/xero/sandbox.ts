/**
 * The Xero sandbox: one synchronous `HttpPort` that answers login.xero.com, identity.xero.com and
 * api.xero.com the way Xero does, with hooks for tests (faults, a listener that runs before each
 * request, and inspection of what the organisations hold and what was called).
 */
import { NetworkError, type HttpPort, type HttpRequest, type HttpResponse } from '../../../src/xero/http';
import { handleAccounting } from './accounting';
import { consentDirectly, handleAuthorize } from './authorize';
import { handleConnections } from './connections';
import { createFaultRegistry, type FaultKind, type FaultPlan } from './faults';
import { IdempotencyKeys, keyedWrite } from './idempotency';
import { createIdentity, DEFAULT_APP, DEFAULT_USER, grantOfToken, type RegisteredApp, type SandboxUser } from './identity';
import { createIdSource } from './ids';
import { documentView, type SandboxDocument } from './invoice-render';
import { findInvoice } from './invoices';
import { journalView, type SandboxJournal } from './manual-journals';
import { attachmentsView, type SandboxAttachment } from './attachments';
import { addTrackingCategory } from './tracking-categories';
import type { InvoiceRecord, OrganisationSeed, OrganisationState } from './model';
import { allocate, removeAllocations, type AllocationKind } from './payments';
import { RateLimiter, tooManyRequests } from './rate-limit';
import { seedOrganisations } from './seed';
import { handleRevocation, handleToken } from './token-endpoint';
import { gatewayProblem, REASON } from './wire';

/** How to build a sandbox; every field has a default. */
export interface XeroSandboxOptions {
  /** The clock, in milliseconds since the epoch (Date.now by default). */
  now?: () => number;
  /** Called by `slow` faults to let time pass on an injected clock (a no-op by default). */
  sleep?: (ms: number) => void;
  /** Seed of the GUIDs and tokens the sandbox hands out ('xero-sandbox' by default). */
  seed?: string;
  /** Registered apps (DEFAULT_APP by default). */
  apps?: RegisteredApp[];
  /** Users who can consent; the first signs in unless told otherwise (DEFAULT_USER by default). */
  users?: SandboxUser[];
  /** The organisations (the UK, US and AU seeds by default). */
  organisations?: OrganisationSeed[];
}

/** What became of one request: a response, or an error the client sees, after `delayMs`. */
export type SandboxOutcome = { response: HttpResponse; delayMs: number } | { error: Error; delayMs: number };

/** A grant as tests inspect it. */
export interface GrantSummary {
  grantId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  authEventId: string;
  revoked: boolean;
  /** Token endpoint calls: the code exchange, successful refreshes, refused refreshes. */
  tokenCalls: { authorizationCode: number; refreshToken: number; refused: number };
}

/** A running sandbox. */
export interface XeroSandbox {
  /** Answers a request to Xero; throws NetworkError when a fault (or an unknown host) loses it. */
  handle: HttpPort;
  /** `handle`, reporting errors and delays instead of throwing (for the HTTP server). */
  dispatch(request: HttpRequest): SandboxOutcome;
  /** Consents without the HTML page: returns the redirect URL carrying `code` and `state`. */
  consent(authorizeUrl: string, choice?: { user?: string; tenants?: string[] }): string;
  /** Faults to inject into the next matching requests. */
  faults: FaultPlan;
  /** Runs `callback` before each request is handled (it may itself call `handle`); returns an unsubscribe. */
  onRequest(callback: (request: HttpRequest) => void): () => void;
  /** The organisations, by tenant id and name. */
  organisations(): { tenantId: string; name: string }[];
  /** One organisation's live state: change it to archive an account, disable a currency, … */
  organisation(tenantId: string): OrganisationState;
  /** Every invoice and bill an organisation holds, including VOIDED and DELETED ones. */
  documents(tenantId: string): SandboxDocument[];
  /** Every manual journal an organisation holds, including VOIDED and DELETED ones. */
  journals(tenantId: string): SandboxJournal[];
  /** The files attached to a document, found by InvoiceID or number, in upload order. */
  attachments(tenantId: string, invoice: string): SandboxAttachment[];
  /** Adds an ACTIVE tracking category with options, as a person would in Xero (refused past Xero's two). */
  addTrackingCategory(tenantId: string, name: string, options: string[]): void;
  /**
   * Records a payment (or a credit note's allocation) of `amount` against an AUTHORISED document,
   * found by InvoiceID or number, as a person would in Xero; throws when Xero would refuse it.
   */
  allocate(tenantId: string, invoice: string, kind: AllocationKind, amount: string): void;
  /** Removes every payment and credit-note allocation from a document, as a person would in Xero. */
  removeAllocations(tenantId: string, invoice: string): void;
  /** Requests seen (faulted ones included), by `METHOD host/path` in lower case with ids as `{id}`. */
  calls(): Record<string, number>;
  /** The last request seen. */
  lastRequest(): HttpRequest | undefined;
  /** Every grant (completed consent) with its token-call counters. */
  grants(): GrantSummary[];
  /** The grant a refresh or access token belongs to. */
  grantOf(token: string): string | undefined;
}

const KNOWN_HOSTS = new Set(['login.xero.com', 'identity.xero.com', 'api.xero.com']);

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`Invalid argument: url (${raw})`);
  }
  if (url.protocol !== 'https:') throw new TypeError(`Xero only answers https:// URLs, not ${raw}`);
  return url;
}

/** `METHOD host/path` in lower case, with ids replaced by `{id}`, for call counting. */
function endpointKey(request: HttpRequest, url: URL): string {
  const path = url.pathname
    .replace(/^(\/api\.xro\/2\.0\/[^/]+\/)[^/]+/i, '$1{id}')
    .replace(/(\/attachments\/)[^/]+$/i, '$1{file}')
    .replace(/^(\/connections\/)[^/]+/i, '$1{id}')
    .toLowerCase();
  return `${request.method} ${url.hostname}${path}`;
}

/** Builds a sandbox with the three seeded organisations, the default app and user. */
export function createXeroSandbox(options: XeroSandboxOptions = {}): XeroSandbox {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? (() => undefined);
  const ids = createIdSource(options.seed ?? 'xero-sandbox');
  const organisations = new Map<string, OrganisationState>(
    (options.organisations ?? seedOrganisations()).map((seed) => [
      seed.tenantId.toLowerCase(),
      { ...structuredClone(seed), trackingCategories: structuredClone(seed.trackingCategories ?? []), contacts: [], invoices: [], manualJournals: [] },
    ]),
  );
  const listOrganisations = () => [...organisations.values()].map((org) => ({ tenantId: org.tenantId, name: org.profile.Name }));
  const identity = createIdentity(options.apps ?? [DEFAULT_APP], options.users ?? [DEFAULT_USER], ids, now, listOrganisations);
  const inFlight = new Map<string, number>();
  const keys = new IdempotencyKeys(now);
  const accounting = {
    identity, organisations, ids, now, limiter: new RateLimiter(now), keys,
    inFlight: (tenantId: string) => inFlight.get(tenantId.toLowerCase()) ?? 0,
  };
  const faults = createFaultRegistry();
  const listeners: ((request: HttpRequest) => void)[] = [];
  const callCounts: Record<string, number> = {};
  let last: HttpRequest | undefined;

  function route(request: HttpRequest, url: URL): HttpResponse {
    const path = url.pathname;
    if (!KNOWN_HOSTS.has(url.hostname)) throw new NetworkError(`getaddrinfo ENOTFOUND ${url.hostname}`);
    if (url.hostname === 'login.xero.com' && /^\/identity\/connect\/authorize\/?$/i.test(path) && request.method !== 'PUT' && request.method !== 'DELETE') {
      return handleAuthorize(identity, request, url);
    }
    if (url.hostname === 'identity.xero.com' && /^\/connect\/token\/?$/i.test(path)) return handleToken(identity, request);
    if (url.hostname === 'identity.xero.com' && /^\/connect\/revocation\/?$/i.test(path)) return handleRevocation(identity, request);
    if (url.hostname === 'api.xero.com') {
      const connection = /^\/connections(?:\/([^/]+))?\/?$/i.exec(path);
      if (connection) return handleConnections(identity, request, url, connection[1]);
      const api = /^\/api\.xro\/2\.0\/(.+?)\/?$/i.exec(path);
      if (api) return handleAccounting(accounting, request, url, api[1]!.split('/').map(decodeURIComponent));
    }
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Not found: ${url.hostname}${path}` };
  }

  function faultOutcome(fault: FaultKind, request: HttpRequest, url: URL): SandboxOutcome {
    const lost = (when: string) => new NetworkError(`Connection reset ${when} ${request.method} ${url.hostname}${url.pathname} (sandbox fault)`);
    if ('networkError' in fault) return { error: lost('before'), delayMs: 0 };
    if ('status' in fault || 'failAfterCommit' in fault) {
      const status = 'status' in fault ? fault.status : fault.failAfterCommit;
      if ('failAfterCommit' in fault) route(request, url);
      const response = 'body' in fault && fault.body !== undefined
        ? { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: fault.body }
        : gatewayProblem(status, `${REASON[status] ?? 'Error'} (sandbox fault)`, ids.uuid());
      // Xero keeps the first answer to a key, errors included (idempotency.ts): this one replaces
      // the answer the committed request left there.
      const keyed = keyedWrite(request, url);
      if (keyed) keys.keep(keyed.tenantId, keyed.key, request, response, { replace: 'failAfterCommit' in fault });
      return { response, delayMs: 0 };
    }
    if ('rateLimit' in fault) {
      const problem = fault.rateLimit.problem ?? 'minute';
      const header = { minute: 'x-minlimit-remaining', day: 'x-daylimit-remaining', appminute: 'x-appminlimit-remaining', concurrent: undefined }[problem];
      const spent: Record<string, string> = header ? { [header]: '0' } : {};
      return { response: tooManyRequests(fault.rateLimit.retryAfter, problem, ids.uuid(), spent), delayMs: 0 };
    }
    if ('dropAfterCommit' in fault) {
      route(request, url);
      return { error: lost('after'), delayMs: 0 };
    }
    sleep(fault.slow);
    return { response: route(request, url), delayMs: fault.slow };
  }

  function dispatch(request: HttpRequest): SandboxOutcome {
    // A call is in progress from the moment it is sent: requests a listener makes meanwhile overlap it.
    const tenant = (request.headers['xero-tenant-id'] ?? '').trim().toLowerCase();
    inFlight.set(tenant, (inFlight.get(tenant) ?? 0) + 1);
    try {
      for (const listener of [...listeners]) listener(request);
      const url = parseUrl(request.url);
      last = { ...request, headers: { ...request.headers } };
      const key = endpointKey(request, url);
      callCounts[key] = (callCounts[key] ?? 0) + 1;
      const fault = faults.take(request, url);
      return fault ? faultOutcome(fault, request, url) : { response: route(request, url), delayMs: 0 };
    } catch (error) {
      if (error instanceof NetworkError) return { error, delayMs: 0 };
      throw error;
    } finally {
      inFlight.set(tenant, (inFlight.get(tenant) ?? 1) - 1);
    }
  }

  function organisation(tenantId: string): OrganisationState {
    const org = organisations.get(tenantId.toLowerCase());
    if (!org) throw new Error(`The sandbox has no organisation ${tenantId}`);
    return org;
  }

  function documentOf(tenantId: string, key: string): InvoiceRecord {
    const invoice = findInvoice(organisation(tenantId), key);
    if (!invoice) throw new Error(`The sandbox has no document ${key} in organisation ${tenantId}`);
    return invoice;
  }

  return {
    handle(request) {
      const outcome = dispatch(request);
      if ('error' in outcome) throw outcome.error;
      return outcome.response;
    },
    dispatch,
    consent: (authorizeUrl, choice) => consentDirectly(identity, authorizeUrl, choice),
    faults,
    onRequest(callback) {
      listeners.push(callback);
      return () => {
        const at = listeners.indexOf(callback);
        if (at >= 0) listeners.splice(at, 1);
      };
    },
    organisations: listOrganisations,
    organisation,
    documents(tenantId) {
      const org = organisation(tenantId);
      return org.invoices.map((inv) => documentView(inv, org.contacts.find((c) => c.ContactID === inv.contactId)?.Name ?? ''));
    },
    journals: (tenantId) => organisation(tenantId).manualJournals.map(journalView),
    attachments: (tenantId, invoice) => attachmentsView(documentOf(tenantId, invoice)),
    addTrackingCategory: (tenantId, name, options) => void addTrackingCategory(organisation(tenantId), name, options),
    allocate: (tenantId, invoice, kind, amount) => allocate(documentOf(tenantId, invoice), kind, amount, ids, now()),
    removeAllocations: (tenantId, invoice) => removeAllocations(documentOf(tenantId, invoice), now()),
    calls: () => ({ ...callCounts }),
    lastRequest: () => (last ? { ...last, headers: { ...last.headers } } : undefined),
    grants: () =>
      [...identity.grants.values()].map((g) => ({
        grantId: g.grantId, clientId: g.clientId, userId: g.userId, scopes: [...g.scopes],
        authEventId: g.authEventId, revoked: g.revoked, tokenCalls: { ...g.tokenCalls },
      })),
    grantOf: (token) => grantOfToken(identity, token)?.grantId,
  };
}
