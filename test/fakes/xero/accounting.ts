/**
 * https://api.xero.com/api.xro/2.0/…: the gateway checks (bearer token, xero-tenant-id, rate
 * limits, scopes), idempotent replays, and the routes the sandbox models, each answered in
 * Xero's envelope (`Id`, `Status`, `ProviderName`, `DateTimeUTC`, then the collection).
 *
 * Gateway behaviour, per Xero's OAuth 2.0 troubleshooting guide: a missing, wrong or unconnected
 * xero-tenant-id is 403 "AuthenticationUnsuccessful"; a token without the endpoint's scope is 401
 * "AuthorizationUnsuccessful" with `WWW-Authenticate: … insufficient_scope` (XeroAPI/xero-node#320).
 * Calls are counted against the rate limits once the tenant is known, before the scope check and
 * before the Idempotency-Key (idempotency.ts).
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { notFound, queryParseError } from './api-errors';
import { IDEMPOTENCY_KEY_MAX, type IdempotencyKeys } from './idempotency';
import { checkBearer, connectionsOf, type Grant, type Identity, roleOf } from './identity';
import type { IdSource } from './ids';
import { changeInvoiceStatus, createInvoices, findInvoice, getInvoice, type InvoiceRequest, listInvoices } from './invoices';
import { changeJournalStatus, createJournals, getJournal, listJournals } from './manual-journals';
import { listAttachments, uploadAttachment } from './attachments';
import { listTrackingCategories } from './tracking-categories';
import type { OrganisationState } from './model';
import type { RateLimiter } from './rate-limit';
import { tierOf } from './tiers';
import { renderAccount, renderCurrency, renderOrganisation, renderTaxRate } from './settings';
import { envelopeDate, gatewayProblem, jsonResponse } from './wire';
import { parseWhere } from './where-filter';

/** What the accounting API shares with the rest of the sandbox. */
export interface AccountingDeps {
  identity: Identity;
  organisations: Map<string, OrganisationState>;
  ids: IdSource;
  now: () => number;
  limiter: RateLimiter;
  /** Answers given to keyed requests. */
  keys: IdempotencyKeys;
  /** Calls to an organisation in progress (nested calls from request listeners), this one included. */
  inFlight(tenantId: string): number;
}

const SETTINGS_READ = ['accounting.settings', 'accounting.settings.read'];
const INVOICES_READ = ['accounting.invoices', 'accounting.invoices.read', 'accounting.transactions', 'accounting.transactions.read'];
const INVOICES_WRITE = ['accounting.invoices', 'accounting.transactions'];
const CONTACTS_WRITE = ['accounting.contacts'];
// The OpenAPI spec's security names the broad accounting.transactions(.read) for /ManualJournals;
// the granular scopes replacing it (Granular Scopes FAQ; DOMAIN.md §2) are accounting.manualjournals(.read).
const JOURNALS_READ = ['accounting.manualjournals', 'accounting.manualjournals.read', 'accounting.transactions', 'accounting.transactions.read'];
const JOURNALS_WRITE = ['accounting.manualjournals', 'accounting.transactions'];
// The spec's security of /Invoices/{InvoiceID}/Attachments(/{FileName}).
const ATTACHMENTS_READ = ['accounting.attachments', 'accounting.attachments.read'];
const ATTACHMENTS_WRITE = ['accounting.attachments'];

interface Route {
  scopes: string[];
  run(req: InvoiceRequest, grant: Grant): HttpResponse;
}

function settingsList(
  url: URL,
  ok: InvoiceRequest['ok'],
  name: string,
  items: Record<string, unknown>[],
): HttpResponse {
  const where = url.searchParams.get('where');
  if (where === null) return ok({ [name]: items });
  const filter = parseWhere(where);
  if (typeof filter !== 'function') return queryParseError(filter.problem);
  return ok({ [name]: items.filter(filter) });
}

/** The route for a method and the path after /api.xro/2.0/, or undefined if not modelled. */
function route(method: HttpRequest['method'], segments: string[], deps: AccountingDeps): Route | undefined {
  const [resource, id, extra] = segments.map((s) => s.toLowerCase());
  if (resource === 'invoices' && id !== undefined && extra === 'attachments') return attachmentRoute(method, segments[1]!, segments[3], segments.length);
  if (extra !== undefined) return undefined;
  const refuseContacts = () => insufficientScope(deps.ids.uuid());
  if (id === undefined && method === 'GET') {
    switch (resource) {
      case 'organisation':
        return { scopes: SETTINGS_READ, run: (r) => r.ok({ Organisations: [renderOrganisation(r.org)] }) };
      case 'accounts':
        return { scopes: SETTINGS_READ, run: (r) => settingsList(r.url, r.ok, 'Accounts', r.org.accounts.map((a) => renderAccount(a, r.org))) };
      case 'taxrates':
        return { scopes: SETTINGS_READ, run: (r) => settingsList(r.url, r.ok, 'TaxRates', r.org.taxRates.map(renderTaxRate)) };
      case 'currencies':
        return { scopes: SETTINGS_READ, run: (r) => settingsList(r.url, r.ok, 'Currencies', r.org.currencies.map(renderCurrency)) };
      case 'trackingcategories':
        return { scopes: SETTINGS_READ, run: (r) => listTrackingCategories(r.org, r.url, r.ok) };
      case 'invoices':
        return { scopes: INVOICES_READ, run: listInvoices };
      case 'manualjournals':
        return { scopes: JOURNALS_READ, run: listJournals };
    }
  }
  if (resource === 'manualjournals') return journalRoute(method, segments[1]);
  if (resource !== 'invoices') return undefined;
  if (id === undefined && method === 'PUT') {
    return {
      scopes: INVOICES_WRITE,
      run: (r, grant) => createInvoices(r, grant.scopes.some((s) => CONTACTS_WRITE.includes(s)), refuseContacts),
    };
  }
  if (id !== undefined && method === 'GET') return { scopes: INVOICES_READ, run: (r) => getInvoice(r, segments[1]!) };
  if (id !== undefined && method === 'POST') return { scopes: INVOICES_WRITE, run: (r) => changeInvoiceStatus(r, segments[1]!) };
  return undefined;
}

/** GET /Invoices/{id}/Attachments; PUT and POST /Invoices/{id}/Attachments/{FileName}. */
function attachmentRoute(method: HttpRequest['method'], invoiceId: string, fileName: string | undefined, segments: number): Route | undefined {
  const with_ = (r: InvoiceRequest) => ({ invoice: findInvoice(r.org, invoiceId), request: r.request, url: r.url, ids: r.ids, now: r.now, ok: r.ok });
  if (segments === 3 && method === 'GET') return { scopes: ATTACHMENTS_READ, run: (r) => listAttachments(with_(r)) };
  if (segments === 4 && fileName && (method === 'PUT' || method === 'POST')) {
    return { scopes: ATTACHMENTS_WRITE, run: (r) => uploadAttachment(with_(r), fileName, method === 'POST') };
  }
  return undefined;
}

/** The ManualJournals routes other than the list. */
function journalRoute(method: HttpRequest['method'], id: string | undefined): Route | undefined {
  if (id === undefined) return method === 'PUT' ? { scopes: JOURNALS_WRITE, run: createJournals } : undefined;
  if (method === 'GET') return { scopes: JOURNALS_READ, run: (r) => getJournal(r, id) };
  return method === 'POST' ? { scopes: JOURNALS_WRITE, run: (r) => changeJournalStatus(r, id) } : undefined;
}

function insufficientScope(instance: string): HttpResponse {
  return gatewayProblem(401, 'AuthorizationUnsuccessful', instance, {
    'www-authenticate': 'Bearer error="insufficient_scope"',
  });
}

function withHeaders(response: HttpResponse, headers: Record<string, string>): HttpResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}

/** Answers one request to https://api.xero.com/api.xro/2.0/<segments>. */
export function handleAccounting(deps: AccountingDeps, request: HttpRequest, url: URL, segments: string[]): HttpResponse {
  const auth = checkBearer(deps.identity, request);
  if (!auth.ok) return auth.response;
  const grant = auth.grant;
  const tenantId = (request.headers['xero-tenant-id'] ?? '').trim().toLowerCase();
  const org = deps.organisations.get(tenantId);
  if (!org || !connectionsOf(deps.identity, grant).some((c) => c.tenantId === tenantId)) {
    return gatewayProblem(403, 'AuthenticationUnsuccessful', deps.ids.uuid());
  }
  const app = deps.identity.apps.get(grant.clientId)!;
  const admitted = deps.limiter.admit({
    tenantId, clientId: grant.clientId, callsPerDay: tierOf(app).callsPerDay, inFlight: deps.inFlight(tenantId), instance: deps.ids.uuid(),
  });
  if (!admitted.ok) return admitted.response;
  const limits = admitted.headers;

  const found = route(request.method, segments, deps);
  if (!found) return withHeaders(notFound(`${request.method} ${url.pathname} is not a Xero endpoint the sandbox models`), limits);
  if (!grant.scopes.some((scope) => found.scopes.includes(scope))) {
    return withHeaders(insufficientScope(deps.ids.uuid()), limits);
  }

  const key = request.method === 'GET' ? undefined : request.headers['idempotency-key'];
  if (key !== undefined && key.length > IDEMPOTENCY_KEY_MAX) {
    return withHeaders(
      jsonResponse(400, { Title: 'Bad Request', Status: 400, Detail: `Idempotency-Key must be at most ${IDEMPOTENCY_KEY_MAX} characters; it has ${key.length}.` }),
      limits,
    );
  }
  const kept = key === undefined ? undefined : deps.keys.answer(tenantId, key, request);
  if (kept && kept.kind !== 'new') return withHeaders(kept.response, limits);

  const now = deps.now();
  const response = found.run(
    {
      org, ids: deps.ids, now, url, body: request.body, request, role: roleOf(deps.identity, grant),
      ok: (collection) =>
        jsonResponse(200, { Id: deps.ids.uuid(), Status: 'OK', ProviderName: app.name, DateTimeUTC: envelopeDate(now), ...collection }),
    },
    grant,
  );
  if (key !== undefined) deps.keys.keep(tenantId, key, request, response);
  return withHeaders(response, limits);
}
