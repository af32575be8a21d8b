/**
 * Reads one invoice of a PUT /Invoices body the way Xero validates it: type, contact (found or
 * created by name, or by an existing ContactID), dates, status, line amount types, currency,
 * number, at least one line, every line (line-items.ts), and a total that is not negative.
 *
 * A document AUTHORISED (on creation or on approval) must be dated after the lock dates that bind
 * the user (lock-dates.ts); drafts and submitted documents may sit in a locked period.
 *
 * Confirmed Xero wording: "Invoice # must be unique." (ACCREC only: ACCPAY numbers are the
 * supplier's and need not be unique, per the Invoices docs), "Invoice not of valid status for
 * creation", "The Total for this document must be greater than or equal to zero.", "Due date cannot
 * be empty.", "The contact with the specified contact details has been archived. …". Messages for
 * malformed fields are the sandbox's own wording (Xero's are not documented).
 *
 * ASSUMPTION (not confirmed by Xero's docs): an ACCREC number stays taken while its invoice is
 * VOIDED and is freed when it is DELETED (integrators report voided numbers cannot be reused);
 * numbers compare ignoring case; Reference is dropped on ACCPAY ("ACCREC only" in the docs); an
 * absent Date means today (UTC) and an absent LineAmountTypes means Exclusive, as the docs say.
 */
import type { IdSource } from './ids';
import { readDecimal, readLine, readText } from './line-items';
import { lockedForPosting, type UserRole } from './lock-dates';
import type {
  Contact, InvoiceLine, InvoiceRecord, InvoiceStatus, InvoiceType, LineAmountTypes, OrganisationState,
} from './model';
import { type Dec, XeroDecimal, msToDay } from './wire';

/** The GUID Xero echoes for a document it did not create. */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** What validating an invoice needs besides the invoice. */
export interface InvoiceContext {
  org: OrganisationState;
  ids: IdSource;
  now: number;
  unitdp: number;
  /** Invoices accepted earlier in the same request, which count for number uniqueness. */
  pending: InvoiceRecord[];
  /** Contacts those invoices will create, so a batch creates each name once. */
  pendingContacts: Contact[];
  /** On a status change: the stored invoice being validated again (its own number is not a clash). */
  existing?: InvoiceRecord;
  /** On a status change: the status it is moving to. */
  status?: InvoiceStatus;
  /** Who is asking: lock dates bind advisers less. */
  role: UserRole;
}

/** An invoice read from a request: what would be stored, and why it cannot be, if it cannot. */
export interface InvoiceCandidate {
  record: InvoiceRecord;
  contact: { ContactID: string; Name: string };
  /** Set when the contact is new and will be created with the invoice. */
  newContact?: Contact;
  errors: string[];
}

const CREATABLE: readonly InvoiceStatus[] = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];
const LINE_AMOUNT_TYPES: readonly LineAmountTypes[] = ['Exclusive', 'Inclusive', 'NoTax'];

/** A date field: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss` or `/Date(ms+0000)/` (journals read theirs so too). */
export function readDay(raw: unknown): string | undefined | 'invalid' {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return 'invalid';
  const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(raw);
  if (ms) return msToDay(Number(ms[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (!iso) return 'invalid';
  const day = raw.slice(0, 10);
  return msToDay(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]))) === day ? day : 'invalid';
}

function readContact(raw: unknown, ctx: InvoiceContext, errors: string[]): InvoiceCandidate['contact'] & { created?: Contact } {
  const fields = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const id = readText(fields['ContactID']);
  const name = readText(fields['Name']);
  let found: Contact | undefined;
  if (id !== undefined) {
    found = ctx.org.contacts.find((c) => c.ContactID.toLowerCase() === id.toLowerCase());
    if (!found) {
      errors.push(`The contact with ContactID '${id}' does not exist.`);
      return { ContactID: id, Name: name ?? '' };
    }
  } else if (name !== undefined) {
    found = [...ctx.org.contacts, ...ctx.pendingContacts].find((c) => c.Name.toLowerCase() === name.toLowerCase());
    if (!found) {
      const created: Contact = { ContactID: ctx.ids.uuid(), Name: name, ContactStatus: 'ACTIVE', updatedAt: ctx.now };
      return { ContactID: created.ContactID, Name: name, created };
    }
  } else {
    errors.push('Contact cannot be empty.');
    return { ContactID: EMPTY_GUID, Name: '' };
  }
  if (found.ContactStatus === 'ARCHIVED') {
    errors.push('The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes.');
  }
  return { ContactID: found.ContactID, Name: found.Name };
}

function numberTaken(number: string, ctx: InvoiceContext): boolean {
  const key = number.toLowerCase();
  return [...ctx.org.invoices, ...ctx.pending].some(
    (inv) => inv !== ctx.existing && inv.type === 'ACCREC' && inv.status !== 'DELETED' && inv.invoiceNumber.toLowerCase() === key,
  );
}

function nextInvoiceNumber(ctx: InvoiceContext): string {
  for (let n = 1; ; n++) {
    const candidate = `INV-${String(n).padStart(4, '0')}`;
    if (!numberTaken(candidate, ctx)) return candidate;
  }
}

function totals(lines: InvoiceLine[], lineAmountTypes: LineAmountTypes): { subTotal: Dec; totalTax: Dec; total: Dec } {
  const sum = (pick: (line: InvoiceLine) => Dec) => lines.reduce((acc, line) => acc.plus(pick(line)), new XeroDecimal(0));
  const lineTotal = sum((line) => line.lineAmount);
  const totalTax = sum((line) => line.taxAmount);
  // Inclusive lines already contain their tax, so the total is exactly the sum of the lines.
  return lineAmountTypes === 'Inclusive'
    ? { subTotal: lineTotal.minus(totalTax), totalTax, total: lineTotal }
    : { subTotal: lineTotal, totalTax, total: lineTotal.plus(totalTax) };
}

/** Reads one invoice of a request; the candidate's `errors` are empty when Xero would accept it. */
export function validateInvoice(raw: unknown, ctx: InvoiceContext): InvoiceCandidate {
  const fields = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const errors: string[] = [];

  const typeText = readText(fields['Type']);
  if (typeText === undefined) errors.push('Invoice Type must be specified (ACCREC or ACCPAY).');
  else if (typeText !== 'ACCREC' && typeText !== 'ACCPAY') errors.push(`'${typeText}' is not an invoice Type; use ACCREC or ACCPAY.`);
  const type: InvoiceType = typeText === 'ACCPAY' ? 'ACCPAY' : 'ACCREC';

  const contact = readContact(fields['Contact'], ctx, errors);

  const statusText = readText(fields['Status']);
  let status: InvoiceStatus = ctx.status ?? 'DRAFT';
  if (ctx.status === undefined && statusText !== undefined) {
    if ((CREATABLE as readonly string[]).includes(statusText)) status = statusText as InvoiceStatus;
    else errors.push('Invoice not of valid status for creation');
  }

  const date = readDay(fields['Date']);
  if (date === 'invalid') errors.push(`The Date '${String(fields['Date'])}' is not a valid date (use YYYY-MM-DD).`);
  if (status === 'AUTHORISED') {
    const locked = lockedForPosting(ctx.org.profile, typeof date === 'string' && date !== 'invalid' ? date : msToDay(ctx.now), ctx.role);
    if (locked) errors.push(locked);
  }
  const dueDate = readDay(fields['DueDate']);
  if (dueDate === 'invalid') errors.push(`The DueDate '${String(fields['DueDate'])}' is not a valid date (use YYYY-MM-DD).`);
  else if (dueDate === undefined && status !== 'DRAFT') errors.push('Due date cannot be empty.');

  const amountTypesText = readText(fields['LineAmountTypes']);
  const lineAmountTypes =
    amountTypesText === undefined
      ? 'Exclusive'
      : LINE_AMOUNT_TYPES.find((t) => t.toLowerCase() === amountTypesText.toLowerCase());
  if (!lineAmountTypes) errors.push(`LineAmountTypes '${amountTypesText}' is not valid; use Exclusive, Inclusive or NoTax.`);

  const base = ctx.org.profile.BaseCurrency;
  const currencyCode = (readText(fields['CurrencyCode']) ?? base).toUpperCase();
  if (!ctx.org.currencies.some((c) => c.Code === currencyCode)) {
    errors.push(`The currency '${currencyCode}' is not enabled for this organisation. Add it under Settings > Currencies (multi-currency plans only).`);
  }
  const rateGiven = readDecimal(fields['CurrencyRate']);
  if (rateGiven === 'invalid' || (rateGiven !== undefined && !rateGiven.greaterThan(0))) {
    errors.push('The CurrencyRate must be a number greater than zero.');
  } else if (rateGiven !== undefined && (rateGiven.decimalPlaces() > 6 || rateGiven.truncated().toFixed().length > 18)) {
    // "(max length = [18].[6])" (Invoice.CurrencyRate in Xero's OpenAPI spec); Xero's help: "You
    // can add up to 6 decimal points". ASSUMPTION: more is refused rather than rounded.
    errors.push(`The CurrencyRate '${rateGiven.toFixed()}' is longer than Xero takes (18 digits and 6 decimals at most).`);
  }
  // A base-currency invoice "will always have a rate of 1.0000" (Xero staff, community.xero.com/
  // developer/discussion/38091); a foreign one without a rate gets the day's rate (here the seed's).
  const currencyRate =
    currencyCode === base
      ? new XeroDecimal(1)
      : rateGiven instanceof XeroDecimal
        ? rateGiven
        : new XeroDecimal(ctx.org.currencyRates[currencyCode] ?? 1);

  let invoiceNumber = readText(fields['InvoiceNumber']) ?? '';
  if (invoiceNumber.length > 255) errors.push('InvoiceNumber must be no more than 255 characters long.');
  if (type === 'ACCREC') {
    if (invoiceNumber === '') invoiceNumber = ctx.existing?.invoiceNumber || nextInvoiceNumber(ctx);
    else if (numberTaken(invoiceNumber, ctx)) errors.push('Invoice # must be unique.');
  }

  const rawLines = Array.isArray(fields['LineItems']) ? (fields['LineItems'] as unknown[]) : [];
  if (rawLines.length === 0) errors.push('An invoice must have at least one line item.');
  const lines = rawLines.map((rawLine) => {
    const read = readLine(rawLine !== null && typeof rawLine === 'object' ? (rawLine as Record<string, unknown>) : {}, {
      org: ctx.org, lineAmountTypes: lineAmountTypes ?? 'Exclusive', status, unitdp: ctx.unitdp, ids: ctx.ids,
    });
    errors.push(...read.errors);
    return read.line;
  });
  const sums = totals(lines, lineAmountTypes ?? 'Exclusive');
  if (sums.total.isNegative() && !sums.total.isZero()) {
    errors.push('The Total for this document must be greater than or equal to zero.');
  }

  const record: InvoiceRecord = {
    invoiceId: ctx.existing?.invoiceId ?? EMPTY_GUID,
    type,
    invoiceNumber,
    reference: type === 'ACCREC' ? readText(fields['Reference']) : undefined,
    contactId: contact.ContactID,
    date: typeof date === 'string' && date !== 'invalid' ? date : msToDay(ctx.now),
    dueDate: dueDate !== 'invalid' ? dueDate : undefined,
    status,
    lineAmountTypes: lineAmountTypes ?? 'Exclusive',
    currencyCode,
    currencyRate,
    lines,
    ...sums,
    unitdp: ctx.unitdp,
    updatedAt: ctx.now,
    source: JSON.parse(JSON.stringify(fields)) as Record<string, unknown>,
    payments: ctx.existing?.payments ?? [],
    credits: ctx.existing?.credits ?? [],
    attachments: ctx.existing?.attachments ?? [],
  };
  return {
    record,
    contact: { ContactID: contact.ContactID, Name: contact.Name },
    ...(contact.created ? { newContact: contact.created } : {}),
    errors,
  };
}
