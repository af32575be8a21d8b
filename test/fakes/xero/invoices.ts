/**
 * The Invoices endpoints: GET /Invoices (InvoiceNumbers, IDs, Statuses, where, page), GET
 * /Invoices/{InvoiceID or number}, PUT /Invoices (create; summarizeErrors), and POST
 * /Invoices/{InvoiceID} to change a status (approve, void, delete).
 *
 * Status changes follow Xero's Invoices docs: DRAFT and SUBMITTED invoices can be DELETED,
 * AUTHORISED ones only VOIDED, and anything else is refused with "Invoice not of valid status for
 * modification" (the message Xero staff quote in XeroAPI/Xero-NetStandard#79). A document with a
 * payment or credit note allocated cannot be voided (payments.ts), nor one dated in a locked
 * period (lock-dates.ts).
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { itemsOfBody, notFound, queryParseError, validationException } from './api-errors';
import type { IdSource } from './ids';
import { renderInvoice } from './invoice-render';
import { type InvoiceCandidate, validateInvoice } from './invoice-validation';
import { lockedForChange, type UserRole } from './lock-dates';
import type { Contact, InvoiceRecord, InvoiceStatus, OrganisationState } from './model';
import { ALLOCATED_MESSAGE, hasAllocations } from './payments';
import { parseWhere } from './where-filter';

/** What the Invoices handlers need from the accounting router. */
export interface InvoiceRequest {
  org: OrganisationState;
  ids: IdSource;
  now: number;
  url: URL;
  body?: string;
  /** The request itself (headers, and a file's bytes for attachments). */
  request: HttpRequest;
  /** Who is asking (lock dates bind advisers less). */
  role: UserRole;
  /** Builds the 200 response in Xero's envelope. */
  ok(collection: Record<string, unknown>): HttpResponse;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unitdp(url: URL): number {
  return url.searchParams.get('unitdp') === '4' ? 4 : 2;
}

function contactOf(org: OrganisationState, invoice: InvoiceRecord): { ContactID: string; Name: string } {
  const contact = org.contacts.find((c) => c.ContactID === invoice.contactId);
  return { ContactID: invoice.contactId, Name: contact?.Name ?? '' };
}

function commaList(url: URL, name: string): string[] | undefined {
  const value = url.searchParams.get(name);
  return value === null ? undefined : value.split(',').map((item) => item.trim().replace(/^"|"$/g, '')).filter((item) => item !== '');
}

/** Finds a stored invoice by InvoiceID, or by InvoiceNumber as Xero also allows. */
export function findInvoice(org: OrganisationState, key: string): InvoiceRecord | undefined {
  if (GUID.test(key)) return org.invoices.find((inv) => inv.invoiceId === key.toLowerCase());
  return org.invoices.find((inv) => inv.invoiceNumber.toLowerCase() === key.toLowerCase());
}

/** GET /Invoices: without `page` Xero leaves out line items; with it, 100 a page and pagination. */
export function listInvoices(req: InvoiceRequest): HttpResponse {
  const { org, url } = req;
  const dp = unitdp(url);
  const statuses = commaList(url, 'Statuses')?.map((s) => s.toUpperCase());
  const numbers = commaList(url, 'InvoiceNumbers')?.map((n) => n.toLowerCase());
  const ids = commaList(url, 'IDs')?.map((id) => id.toLowerCase());
  const where = url.searchParams.get('where');
  const filter = where === null ? undefined : parseWhere(where);
  if (filter !== undefined && typeof filter !== 'function') return queryParseError(filter.problem);
  const pageParam = url.searchParams.get('page');
  let selected = org.invoices.filter(
    (inv) =>
      (!statuses || statuses.includes(inv.status)) &&
      (!numbers || numbers.includes(inv.invoiceNumber.toLowerCase())) &&
      (!ids || ids.includes(inv.invoiceId)) &&
      (!filter || filter(renderInvoice(inv, contactOf(org, inv), { lines: false, unitdp: dp }))),
  );
  if (pageParam === null) {
    return req.ok({ Invoices: selected.map((inv) => renderInvoice(inv, contactOf(org, inv), { lines: false, unitdp: dp })) });
  }
  const page = Math.max(1, Number.parseInt(pageParam, 10) || 1);
  const pageSize = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('pageSize') ?? '', 10) || 100));
  const itemCount = selected.length;
  selected = selected.slice((page - 1) * pageSize, page * pageSize);
  return req.ok({
    pagination: { page, pageSize, pageCount: Math.ceil(itemCount / pageSize), itemCount },
    Invoices: selected.map((inv) => renderInvoice(inv, contactOf(org, inv), { lines: true, unitdp: dp })),
  });
}

/** GET /Invoices/{InvoiceID}. */
export function getInvoice(req: InvoiceRequest, key: string): HttpResponse {
  const invoice = findInvoice(req.org, key);
  if (!invoice) return notFound(`no invoice ${key}`);
  return req.ok({ Invoices: [renderInvoice(invoice, contactOf(req.org, invoice), { lines: true, unitdp: unitdp(req.url) })] });
}


/**
 * PUT /Invoices. Each document succeeds or fails on its own. With summarizeErrors=false the answer
 * is 200, each document echoed with HasErrors and StatusAttributeString; otherwise one failure
 * makes it a 400 ValidationException naming only the failed documents, while the valid ones ARE
 * created (reported in XeroAPI/xero-ruby#247: "The invoice with ref 001 has been successfully
 * created in Xero" though the call failed; the same on Stack Overflow, "Xero API - response when
 * request has valid and invalid elements", 2018).
 *
 * `mayCreateContacts` is false when the token lacks accounting.contacts: the sandbox then refuses
 * a request that would create a contact by name (finding an existing one needs no extra scope).
 * ASSUMPTION: Xero does not document this for granular scopes; it is the strict reading, so a
 * client that passes here also passes against Xero.
 */
export function createInvoices(req: InvoiceRequest, mayCreateContacts: boolean, refuseScope: () => HttpResponse): HttpResponse {
  const documents = itemsOfBody(req.body, 'Invoices');
  if (!Array.isArray(documents)) return documents;
  const summarize = (req.url.searchParams.get('summarizeErrors') ?? 'true').toLowerCase() !== 'false';
  const dp = unitdp(req.url);
  const pending: InvoiceRecord[] = [];
  const pendingContacts: Contact[] = [];
  const candidates: InvoiceCandidate[] = documents.map((raw) => {
    const candidate = validateInvoice(raw, { org: req.org, ids: req.ids, now: req.now, unitdp: dp, pending, pendingContacts, role: req.role });
    if (candidate.errors.length === 0) {
      pending.push(candidate.record);
      if (candidate.newContact) pendingContacts.push(candidate.newContact);
    }
    return candidate;
  });
  if (pendingContacts.length > 0 && !mayCreateContacts) return refuseScope();
  const failed = candidates.filter((c) => c.errors.length > 0);
  const render = (c: InvoiceCandidate) => renderInvoice(c.record, c.contact, { lines: true, unitdp: dp, outcome: { errors: c.errors } });
  req.org.contacts.push(...pendingContacts);
  for (const record of pending) {
    record.invoiceId = req.ids.uuid();
    req.org.invoices.push(record);
  }
  if (summarize && failed.length > 0) return validationException(failed.map(render));
  return req.ok({ Invoices: (summarize ? candidates.filter((c) => c.errors.length === 0) : candidates).map(render) });
}

const NEXT_STATUSES: Readonly<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  DRAFT: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'DELETED'],
  SUBMITTED: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'DELETED'],
  AUTHORISED: ['AUTHORISED', 'VOIDED'],
  PAID: [],
  VOIDED: [],
  DELETED: [],
};

/**
 * POST /Invoices/{InvoiceID} with `{"Invoices":[{"InvoiceID":…,"Status":…}]}`. Only status changes
 * are modelled: other fields are ignored when voiding or deleting (clients often send back the
 * whole invoice they read), and refused with a message saying so for any other change.
 */
export function changeInvoiceStatus(req: InvoiceRequest, key: string): HttpResponse {
  const invoice = findInvoice(req.org, key);
  if (!invoice) return notFound(`no invoice ${key}`);
  const documents = itemsOfBody(req.body, 'Invoices');
  if (!Array.isArray(documents)) return documents;
  const change = (documents[0] ?? {}) as Record<string, unknown>;
  const render = (errors: string[]) =>
    renderInvoice(invoice, contactOf(req.org, invoice), { lines: true, unitdp: unitdp(req.url), outcome: { errors } });
  const target = change['Status'] as InvoiceStatus;
  const edits = Object.keys(change).filter((field) => !['InvoiceID', 'Status'].includes(field));
  const cancelling = target === 'VOIDED' || target === 'DELETED';
  if ((edits.length > 0 && !cancelling) || typeof target !== 'string') {
    return validationException([
      render([`The Xero sandbox models only Status changes on POST /Invoices/{InvoiceID}; send InvoiceID and Status only (got ${Object.keys(change).join(', ') || 'nothing'}).`]),
    ]);
  }
  const allocated = hasAllocations(invoice) ? [ALLOCATED_MESSAGE] : [];
  if (!(NEXT_STATUSES[invoice.status] ?? []).includes(target)) {
    return validationException([render(['Invoice not of valid status for modification', ...allocated])]);
  }
  if (cancelling) {
    const locked = lockedForChange(req.org.profile, invoice.date, req.role);
    const problems = [...allocated, ...(locked ? [locked] : [])];
    if (problems.length > 0) return validationException([render(problems)]);
  }
  if (target === 'SUBMITTED' || target === 'AUTHORISED') {
    // Approving checks the document again against today's settings (an account archived since
    // the draft was saved now blocks it, and so does a lock date), as Xero does.
    const again = validateInvoice(invoice.source, {
      org: req.org, ids: req.ids, now: req.now, unitdp: invoice.unitdp, pending: [], pendingContacts: [], existing: invoice, status: target, role: req.role,
    });
    if (again.errors.length > 0) return validationException([render(again.errors)]);
  }
  invoice.status = target;
  invoice.updatedAt = req.now;
  return req.ok({ Invoices: [render([])] });
}
