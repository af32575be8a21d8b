/**
 * The Xero API calls SettleSheet makes. Every call sends the bearer token, `xero-tenant-id` and
 * `Accept: application/json`; a 401 renews the token once and tries again; every answer becomes a
 * typed value or a typed failure (see errors.ts). Bodies are read with schemas that keep only the
 * fields SettleSheet uses.
 */
import * as z from 'zod/mini';
import type { XeroManualJournal } from '../core/cogs/journal';
import type { XeroInvoice } from '../core/xero/invoice';
import { badRequest, documentProblems, failure, reconnectFailure, success, type XeroFailure, type XeroResult } from './errors';
import type { HttpPort, HttpRequest, HttpResponse } from './http';
import type { TokenSource } from './tokens';
import { journalCalls, type CreatedJournal, type XeroJournalState } from './journal-calls';
import { attachmentCalls, type AttachmentFile, type XeroAttachment, type XeroTrackingCategory } from './attachment-calls';
import { deliver, type DeliveryOptions, type TimeBudget } from './transport';
import { parseJson, xeroDay } from './wire';
import {
  AccountsSchema,
  CAN_APPLY_TO,
  ConnectionSchema,
  CurrenciesSchema,
  documentState,
  InvoicesSchema,
  NOT_POSTABLE_SYSTEM_ACCOUNTS,
  OrganisationSchema,
  TaxRatesSchema,
  type CreatedDocument,
  type XeroAccount,
  type XeroConnection,
  type XeroDocumentState,
  type XeroOrganisation,
  type XeroTaxRate,
} from './client-answers';

export type { CreatedDocument, XeroAccount, XeroConnection, XeroDocumentState, XeroOrganisation, XeroTaxRate } from './client-answers';

/** The accounting API's base URL. */
const API_BASE = 'https://api.xero.com/api.xro/2.0';
/** The identity API's connections endpoint. */
const CONNECTIONS_URL = 'https://api.xero.com/connections';

export type { CreatedJournal, XeroJournalState } from './journal-calls';
export type { AttachmentFile, XeroAttachment, XeroTrackingCategory } from './attachment-calls';

/** The Xero calls SettleSheet makes, for one login and (except connections) one organisation. */
export interface XeroClient {
  /** The organisations this login has connected. */
  connections(): XeroResult<XeroConnection[]>;
  /** Disconnects one organisation from the app for this login. */
  deleteConnection(connectionId: string): XeroResult<void>;
  organisation(): XeroResult<XeroOrganisation>;
  accounts(): XeroResult<XeroAccount[]>;
  taxRates(): XeroResult<XeroTaxRate[]>;
  /** The currencies enabled in the organisation (the base one included). */
  currencies(): XeroResult<string[]>;
  /** Every document, whatever its status, carrying one of these numbers. */
  invoicesByNumber(numbers: readonly string[]): XeroResult<XeroDocumentState[]>;
  /** The documents with these InvoiceIDs. */
  invoicesById(ids: readonly string[]): XeroResult<XeroDocumentState[]>;
  /** Creates documents (each succeeds or fails on its own); a retry with the same key is replayed by Xero. */
  createInvoices(invoices: readonly XeroInvoice[], idempotencyKey: string): XeroResult<CreatedDocument[]>;
  /** Voids an AUTHORISED document or deletes a DRAFT or SUBMITTED one. */
  setStatus(invoiceId: string, status: 'VOIDED' | 'DELETED', idempotencyKey: string): XeroResult<XeroDocumentState>;
  // The cost of goods sold journals (journal-calls.ts).
  /** Every manual journal, whatever its status, with one of these narrations exactly (with its lines). */
  journalsByNarration(narrations: readonly string[]): XeroResult<XeroJournalState[]>;
  /** Creates manual journals (each succeeds or fails on its own); a retry with the same key is replayed by Xero. */
  createJournals(journals: readonly XeroManualJournal[], idempotencyKey: string): XeroResult<CreatedJournal[]>;
  /** Voids a POSTED journal or deletes a DRAFT one, sending it back as Xero holds it with the new status. */
  setJournalStatus(journal: XeroJournalState, status: 'VOIDED' | 'DELETED', idempotencyKey: string): XeroResult<XeroJournalState>;
  // Tracking categories and attachments (attachment-calls.ts).
  /** The organisation's tracking categories with their options, archived ones included. */
  trackingCategories(): XeroResult<XeroTrackingCategory[]>;
  /** The files attached to a document. */
  attachmentsOf(invoiceId: string): XeroResult<XeroAttachment[]>;
  /** Uploads a file to a document; a retry with the same key is replayed by Xero. */
  attach(invoiceId: string, file: AttachmentFile, idempotencyKey: string): XeroResult<XeroAttachment>;
}

/** What a client needs. */
export interface XeroClientDeps {
  http: HttpPort;
  tokens: TokenSource;
  budget: TimeBudget;
  /** The organisation calls go to; only connections work without one. */
  tenantId?: string;
  /** Its name, for messages. */
  organisationName?: string;
}

// Xero's gateway answers a token without the endpoint's scope with 401 `insufficient_scope`:
// renewing the token cannot help, only connecting again with the scope can.
function missingScope(response: HttpResponse): boolean {
  return /insufficient_scope/i.test(response.headers['www-authenticate'] ?? '') || /AuthorizationUnsuccessful/.test(response.body);
}

function unreadable(what: string): XeroFailure {
  return { kind: 'unexpected', status: 200, message: `Xero's answer to ${what} could not be read. Try again; if it persists, tell SettleSheet's support.` };
}

function read<T>(schema: z.ZodMiniType<T>, response: HttpResponse, what: string): XeroResult<T> {
  const parsed = schema.safeParse(parseJson(response.body));
  return parsed.success ? success(parsed.data) : failure(unreadable(what));
}

/** A client over the HTTP port. */
export function createXeroClient(deps: XeroClientDeps): XeroClient {
  const where = deps.organisationName ? `organisation ${deps.organisationName}` : 'the organisation';

  function interpret(response: HttpResponse, what: string): XeroResult<HttpResponse> {
    const { status } = response;
    if (status >= 200 && status < 300) return success(response);
    if (status === 400) return failure(badRequest(response, what));
    if (status === 401) {
      return failure({ kind: 'forbidden', message: `Your Xero connection does not allow ${what} (a permission is missing). Connect to Xero again to grant it.` });
    }
    if (status === 403) {
      return failure({
        kind: 'forbidden',
        message: `Xero refused ${what}: your Xero login is not connected to ${where} any more. Connect to Xero again and tick it, or ask its adviser to give you access.`,
      });
    }
    if (status === 404) return failure({ kind: 'unexpected', status, message: `Xero found nothing for ${what}: it may have been deleted in Xero.` });
    // Only keyed writes get a 5xx back from the transport (it retries the others).
    if (status >= 500) return failure({ kind: 'unavailable', answered: true, message: `Xero answered ${status} (a server error) to ${what}.` });
    return failure({ kind: 'unexpected', status, message: `Xero answered ${status} to ${what}. Try again; if it persists, tell SettleSheet's support.` });
  }

  function call(
    method: HttpRequest['method'],
    url: string,
    what: string,
    options: { body?: unknown; idempotencyKey?: string; tenant?: boolean; file?: { base64: string; contentType: string } } = {},
  ): XeroResult<HttpResponse> {
    // A keyed write's 5xx is kept by Xero under its key: retrying the same request only replays it.
    const delivery: DeliveryOptions = { serverErrors: options.idempotencyKey === undefined ? 'retry' : 'return' };
    let token = deps.tokens.current();
    if (!token.ok) return token;
    for (let renewed = false; ; renewed = true) {
      const headers: Record<string, string> = { authorization: `Bearer ${token.value}`, accept: 'application/json' };
      if (options.tenant !== false) headers['xero-tenant-id'] = deps.tenantId ?? '';
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.file !== undefined) headers['content-type'] = options.file.contentType;
      if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
      const body = options.file ? { body: options.file.base64, bodyEncoding: 'base64' as const } : options.body === undefined ? {} : { body: JSON.stringify(options.body) };
      const request: HttpRequest = { method, url, headers, ...body };
      const delivered = deliver(deps.http, request, deps.budget, what, delivery);
      if (!delivered.ok) return failure(delivered.failure);
      const response = delivered.response;
      if (response.status === 401 && !missingScope(response)) {
        if (renewed) return failure(reconnectFailure());
        token = deps.tokens.renew(token.value);
        if (!token.ok) return token;
        continue;
      }
      return interpret(response, what);
    }
  }

  function get<T>(path: string, schema: z.ZodMiniType<T>, what: string): XeroResult<T> {
    const response = call('GET', `${API_BASE}${path}`, what);
    return response.ok ? read(schema, response.value, what) : response;
  }

  function invoices(query: string, what: string): XeroResult<XeroDocumentState[]> {
    const found = get(`/Invoices?${query}`, InvoicesSchema, what);
    return found.ok ? success(found.value.Invoices.map(documentState)) : found;
  }

  // Comma-separated lists are written with a literal comma (the spec's form style, explode=false).
  const list = (values: readonly string[]) => values.map(encodeURIComponent).join(',');

  return {
    connections() {
      const what = 'the list of your Xero organisations';
      const response = call('GET', CONNECTIONS_URL, what, { tenant: false });
      if (!response.ok) return response;
      const parsed = read(z.array(ConnectionSchema), response.value, what);
      if (!parsed.ok) return parsed;
      // Practice Manager and other non-organisation tenants cannot hold invoices.
      return success(
        parsed.value
          .filter((c) => (c.tenantType ?? 'ORGANISATION') === 'ORGANISATION')
          .map((c) => ({ connectionId: c.id, tenantId: c.tenantId, name: c.tenantName ?? c.tenantId })),
      );
    },
    deleteConnection(connectionId) {
      const response = call('DELETE', `${CONNECTIONS_URL}/${encodeURIComponent(connectionId)}`, 'disconnecting the organisation', { tenant: false });
      return response.ok ? success(undefined) : response;
    },
    organisation() {
      const found = get('/Organisation', OrganisationSchema, `the settings of ${where}`);
      if (!found.ok) return found;
      const [org] = found.value.Organisations;
      if (!org) return failure(unreadable(`the settings of ${where}`));
      const periodLockDate = xeroDay(org.PeriodLockDate);
      const endOfYearLockDate = xeroDay(org.EndOfYearLockDate);
      return success({
        name: org.Name,
        baseCurrency: org.BaseCurrency,
        ...(org.ShortCode ? { shortCode: org.ShortCode } : {}),
        ...(periodLockDate ? { periodLockDate } : {}),
        ...(endOfYearLockDate ? { endOfYearLockDate } : {}),
      });
    },
    accounts() {
      const found = get('/Accounts', AccountsSchema, `the chart of accounts of ${where}`);
      if (!found.ok) return found;
      return success(
        found.value.Accounts.filter((a) => a.Code).map((a) => ({
          code: a.Code!,
          name: a.Name,
          type: a.Type,
          class: a.Class ?? '',
          status: a.Status,
          postable: a.Type !== 'BANK' && !NOT_POSTABLE_SYSTEM_ACCOUNTS.includes(a.SystemAccount ?? ''),
          ...(a.SystemAccount ? { systemAccount: a.SystemAccount } : {}),
        })),
      );
    },
    taxRates() {
      const found = get('/TaxRates', TaxRatesSchema, `the tax rates of ${where}`);
      if (!found.ok) return found;
      return success(
        found.value.TaxRates.map((t) => ({
          taxType: t.TaxType,
          name: t.Name,
          status: t.Status,
          rate: String(t.EffectiveRate ?? 0),
          appliesTo: CAN_APPLY_TO.filter(([, flag]) => t[flag] === true).map(([accountClass]) => accountClass),
        })),
      );
    },
    currencies() {
      const found = get('/Currencies', CurrenciesSchema, `the currencies of ${where}`);
      return found.ok ? success(found.value.Currencies.map((c) => c.Code)) : found;
    },
    invoicesByNumber(numbers) {
      return invoices(`InvoiceNumbers=${list(numbers)}`, `the lookup of ${numbers.join(', ')}`);
    },
    invoicesById(ids) {
      return invoices(`IDs=${list(ids)}`, 'the status of the posted documents');
    },
    createInvoices(toCreate, idempotencyKey) {
      const what = `creating ${toCreate.map((i) => i.InvoiceNumber).join(', ')}`;
      const response = call('PUT', `${API_BASE}/Invoices?summarizeErrors=false`, what, { body: { Invoices: toCreate }, idempotencyKey });
      if (!response.ok) return response;
      const raw = parseJson(response.value.body) as { Invoices?: unknown[] } | undefined;
      const parsed = InvoicesSchema.safeParse(raw);
      if (!parsed.success || parsed.data.Invoices.length !== toCreate.length) return failure(unreadable(what));
      return success(
        parsed.data.Invoices.map((doc, i): CreatedDocument => {
          const sent = toCreate[i]!.InvoiceNumber;
          if (doc.HasErrors === true || doc.StatusAttributeString === 'ERROR' || !doc.InvoiceID) {
            const problems = documentProblems([raw!.Invoices![i]]).map((p) => ({ ...p, invoiceNumber: sent }));
            return { ok: false, invoiceNumber: sent, problems: problems.length > 0 ? problems : [{ invoiceNumber: sent, message: 'Xero did not create it and gave no reason.' }] };
          }
          return { ok: true, document: documentState(doc) };
        }),
      );
    },
    ...journalCalls({ call, get, read, unreadable }),
    ...attachmentCalls({ call, get, read, unreadable }),
    setStatus(invoiceId, status, idempotencyKey) {
      const what = `${status === 'VOIDED' ? 'voiding' : 'deleting'} a posted document`;
      const response = call('POST', `${API_BASE}/Invoices/${encodeURIComponent(invoiceId)}`, what, {
        body: { Invoices: [{ InvoiceID: invoiceId, Status: status }] },
        idempotencyKey,
      });
      if (!response.ok) return response;
      const parsed = read(InvoicesSchema, response.value, what);
      if (!parsed.ok) return parsed;
      const [doc] = parsed.value.Invoices;
      return doc ? success(documentState(doc)) : failure(unreadable(what));
    },
  };
}
