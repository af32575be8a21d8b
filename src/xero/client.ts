/**
 * The Xero API calls SettleSheet makes. Every call sends the bearer token, `xero-tenant-id` and
 * `Accept: application/json`; a 401 renews the token once and tries again; every answer becomes a
 * typed value or a typed failure (see errors.ts). Bodies are read with schemas that keep only the
 * fields SettleSheet uses.
 */
import * as z from 'zod/mini';
import type { XeroManualJournal } from '../core/cogs/journal';
import type { XeroInvoice } from '../core/xero/invoice';
import { badRequest, documentProblems, failure, reconnectFailure, success, type XeroFailure, type XeroResult, type XeroValidationProblem } from './errors';
import type { HttpPort, HttpRequest, HttpResponse } from './http';
import type { TokenSource } from './tokens';
import { journalCalls, type CreatedJournal, type XeroJournalState } from './journal-calls';
import { attachmentCalls, type AttachmentFile, type XeroAttachment, type XeroTrackingCategory } from './attachment-calls';
import { deliver, type DeliveryOptions, type TimeBudget } from './transport';
import { parseJson, xeroDay } from './wire';

/** The accounting API's base URL. */
const API_BASE = 'https://api.xero.com/api.xro/2.0';
/** The identity API's connections endpoint. */
const CONNECTIONS_URL = 'https://api.xero.com/connections';

const ConnectionSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantType: z.optional(z.nullable(z.string())),
  tenantName: z.optional(z.nullable(z.string())),
});

/** One organisation this login has connected to the app. */
export interface XeroConnection {
  connectionId: string;
  tenantId: string;
  name: string;
}

const OrganisationSchema = z.object({
  Organisations: z.array(
    z.object({
      Name: z.string(),
      BaseCurrency: z.string(),
      ShortCode: z.optional(z.nullable(z.string())),
      // The spec: "Shown if set", as /Date(ms+0000)/.
      PeriodLockDate: z.optional(z.nullable(z.string())),
      EndOfYearLockDate: z.optional(z.nullable(z.string())),
    }),
  ),
});

/** The organisation's facts SettleSheet uses. */
export interface XeroOrganisation {
  name: string;
  baseCurrency: string;
  /** Xero's short code of the organisation (`!bF7kq`): links that open it, whatever the person used last. */
  shortCode?: string;
  /** `YYYY-MM-DD`: documents dated on or before it are locked for everyone except advisers. */
  periodLockDate?: string;
  /** `YYYY-MM-DD`: documents dated on or before it are locked for everyone. */
  endOfYearLockDate?: string;
}

const AccountsSchema = z.object({
  Accounts: z.array(
    z.object({
      Code: z.optional(z.nullable(z.string())),
      Name: z.string(),
      Type: z.string(),
      Class: z.optional(z.string()),
      Status: z.string(),
      SystemAccount: z.optional(z.nullable(z.string())),
    }),
  ),
});

/** An account of the chart, trimmed to what checks and choices need. */
export interface XeroAccount {
  code: string;
  name: string;
  type: string;
  class: string;
  status: string;
  /** False for bank accounts and the ledgers Xero keeps itself (receivables, payables, tax). */
  postable: boolean;
  /** Xero's SystemAccount (`DEBTORS`, `RETAINEDEARNINGS`…), when it is one of its own ledgers. */
  systemAccount?: string;
}

const TaxRatesSchema = z.object({
  TaxRates: z.array(
    z.object({
      TaxType: z.string(),
      Name: z.string(),
      Status: z.string(),
      EffectiveRate: z.optional(z.number()),
      CanApplyToAssets: z.optional(z.boolean()),
      CanApplyToEquity: z.optional(z.boolean()),
      CanApplyToExpenses: z.optional(z.boolean()),
      CanApplyToLiabilities: z.optional(z.boolean()),
      CanApplyToRevenue: z.optional(z.boolean()),
    }),
  ),
});

/** A tax rate, trimmed. */
export interface XeroTaxRate {
  taxType: string;
  name: string;
  status: string;
  /** The percentage as Xero gave it, e.g. `20` or `8.875`. */
  rate: string;
  /** The account classes it may be used with (ASSET, EQUITY, EXPENSE, LIABILITY, REVENUE). */
  appliesTo: string[];
}

const CurrenciesSchema = z.object({ Currencies: z.array(z.object({ Code: z.string() })) });

const InvoiceStateSchema = z.object({
  InvoiceID: z.optional(z.string()),
  InvoiceNumber: z.optional(z.nullable(z.string())),
  Type: z.optional(z.string()),
  Status: z.optional(z.string()),
  Total: z.optional(z.number()),
  AmountPaid: z.optional(z.number()),
  AmountCredited: z.optional(z.number()),
  Date: z.optional(z.nullable(z.string())),
  DateString: z.optional(z.nullable(z.string())),
  CurrencyCode: z.optional(z.string()),
  HasErrors: z.optional(z.boolean()),
  StatusAttributeString: z.optional(z.string()),
});
const InvoicesSchema = z.object({ Invoices: z.array(InvoiceStateSchema) });

/** A document as Xero holds it, in the fields posting compares and records. */
export interface XeroDocumentState {
  invoiceId: string;
  invoiceNumber: string;
  type: string;
  status: string;
  /** Xero's total as a JSON number (exact to its 2 decimals once read as a decimal string). */
  total: number;
  /** Payments received against it. */
  amountPaid: number;
  /** Credit notes (and over- or prepayments) allocated to it. */
  amountCredited: number;
  currency: string;
  /** The document's date (`YYYY-MM-DD`), when Xero gave it. */
  date?: string;
}

/** What Xero did with one document of a create call, in the order they were sent. */
export type CreatedDocument =
  | { ok: true; document: XeroDocumentState }
  | { ok: false; invoiceNumber: string; problems: XeroValidationProblem[] };

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

function documentState(raw: z.infer<typeof InvoiceStateSchema>): XeroDocumentState {
  const date = xeroDay(raw.DateString) ?? xeroDay(raw.Date);
  return {
    invoiceId: raw.InvoiceID ?? '',
    invoiceNumber: raw.InvoiceNumber ?? '',
    type: raw.Type ?? '',
    status: raw.Status ?? '',
    total: raw.Total ?? 0,
    amountPaid: raw.AmountPaid ?? 0,
    amountCredited: raw.AmountCredited ?? 0,
    currency: raw.CurrencyCode ?? '',
    ...(date ? { date } : {}),
  };
}

const NOT_POSTABLE_SYSTEM_ACCOUNTS = ['DEBTORS', 'CREDITORS', 'GST'];
type RawTaxRate = z.infer<typeof TaxRatesSchema>['TaxRates'][number];
const CAN_APPLY_TO: readonly (readonly [accountClass: string, flag: keyof RawTaxRate])[] = [
  ['ASSET', 'CanApplyToAssets'],
  ['EQUITY', 'CanApplyToEquity'],
  ['EXPENSE', 'CanApplyToExpenses'],
  ['LIABILITY', 'CanApplyToLiabilities'],
  ['REVENUE', 'CanApplyToRevenue'],
];

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
