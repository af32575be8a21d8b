/**
 * Invoices as Xero writes them (field names and order from the spec's examples: `/Date()/` with
 * its `DateString`, money with 2 decimals, Quantity with 4), and as tests inspect them (decimal
 * strings, so assertions on money are exact).
 */
import type { InvoiceLine, InvoiceRecord } from './model';
import { amountsOf } from './payments';
import { dateString, dayToMs, fixed, msDate } from './wire';

/** How much of an invoice to write. */
export interface RenderOptions {
  /** GET /Invoices without `page` leaves line items out, as Xero does. */
  lines: boolean;
  /** Decimal places of UnitAmount (2, or 4 with `?unitdp=4`). */
  unitdp: number;
  /** Present on create responses: the per-document outcome. */
  outcome?: { errors: string[] };
}

function renderLine(line: InvoiceLine, unitdp: number): Record<string, unknown> {
  return {
    Description: line.description,
    UnitAmount: fixed(line.unitAmount, unitdp),
    TaxType: line.taxType,
    TaxAmount: fixed(line.taxAmount, 2),
    LineAmount: fixed(line.lineAmount, 2),
    AccountCode: line.accountCode,
    AccountID: line.accountId,
    Tracking: line.tracking,
    Quantity: fixed(line.quantity, 4),
    DiscountRate: line.discountRate === undefined ? undefined : fixed(line.discountRate, 2),
    DiscountAmount: line.discountAmount === undefined ? undefined : fixed(line.discountAmount, 2),
    LineItemID: line.lineItemId,
    ValidationErrors: [],
  };
}

/** An invoice in Xero's JSON shape. */
export function renderInvoice(
  invoice: InvoiceRecord,
  contact: { ContactID: string; Name: string },
  options: RenderOptions,
): Record<string, unknown> {
  const errors = options.outcome?.errors ?? [];
  // Voiding or deleting a document cancels what it asked to be paid.
  const { paid, credited, due } = amountsOf(invoice);
  const lastAllocation = [...invoice.payments, ...invoice.credits].map((a) => a.date).sort().pop();
  return {
    Type: invoice.type,
    InvoiceID: invoice.invoiceId,
    InvoiceNumber: invoice.invoiceNumber,
    Reference: invoice.reference,
    Payments: invoice.payments.map((p) => ({ PaymentID: p.id, Date: msDate(dayToMs(p.date)), Amount: fixed(p.amount, 2) })),
    CreditNotes: invoice.credits.map((c) => ({ CreditNoteID: c.id, Date: msDate(dayToMs(c.date)), AppliedAmount: fixed(c.amount, 2) })),
    Prepayments: [],
    Overpayments: [],
    AmountDue: fixed(due, 2),
    AmountPaid: fixed(paid, 2),
    AmountCredited: fixed(credited, 2),
    SentToContact: false,
    CurrencyRate: fixed(invoice.currencyRate, 6),
    IsDiscounted: invoice.lines.some((line) => line.discountRate !== undefined || line.discountAmount !== undefined),
    HasAttachments: invoice.attachments.length > 0,
    HasErrors: errors.length > 0,
    Contact: {
      ContactID: contact.ContactID,
      Name: contact.Name,
      Addresses: [],
      Phones: [],
      ContactGroups: [],
      ContactPersons: [],
      HasValidationErrors: false,
    },
    DateString: dateString(invoice.date),
    Date: msDate(Date.parse(`${invoice.date}T00:00:00Z`)),
    DueDateString: invoice.dueDate === undefined ? undefined : dateString(invoice.dueDate),
    DueDate: invoice.dueDate === undefined ? undefined : msDate(Date.parse(`${invoice.dueDate}T00:00:00Z`)),
    Status: invoice.status,
    FullyPaidOnDate: invoice.status === 'PAID' && lastAllocation ? msDate(dayToMs(lastAllocation)) : undefined,
    LineAmountTypes: invoice.lineAmountTypes,
    LineItems: options.lines ? invoice.lines.map((line) => renderLine(line, options.unitdp)) : [],
    SubTotal: fixed(invoice.subTotal, 2),
    TotalTax: fixed(invoice.totalTax, 2),
    Total: fixed(invoice.total, 2),
    UpdatedDateUTC: msDate(invoice.updatedAt),
    CurrencyCode: invoice.currencyCode,
    ...(options.outcome
      ? {
          StatusAttributeString: errors.length > 0 ? 'ERROR' : 'OK',
          ValidationErrors: errors.map((message) => ({ Message: message })),
        }
      : {}),
  };
}

/** One line of a stored document, amounts as exact decimal strings. */
export interface SandboxDocumentLine {
  lineItemId: string;
  description?: string;
  accountCode?: string;
  taxType?: string;
  quantity: string;
  unitAmount: string;
  lineAmount: string;
  taxAmount: string;
  tracking: { Name: string; Option: string }[];
}

/** A stored invoice or bill as a test inspects it: amounts as exact decimal strings. */
export interface SandboxDocument {
  invoiceId: string;
  type: 'ACCREC' | 'ACCPAY';
  invoiceNumber: string;
  reference?: string;
  status: 'DRAFT' | 'SUBMITTED' | 'AUTHORISED' | 'PAID' | 'VOIDED' | 'DELETED';
  contactName: string;
  /** `YYYY-MM-DD`. */
  date: string;
  dueDate?: string;
  lineAmountTypes: 'Exclusive' | 'Inclusive' | 'NoTax';
  currencyCode: string;
  currencyRate: string;
  lines: SandboxDocumentLine[];
  subTotal: string;
  totalTax: string;
  total: string;
  amountDue: string;
  amountPaid: string;
  amountCredited: string;
}

/** A stored invoice as a `SandboxDocument`. */
export function documentView(invoice: InvoiceRecord, contactName: string): SandboxDocument {
  const { paid, credited, due } = amountsOf(invoice);
  return {
    invoiceId: invoice.invoiceId,
    type: invoice.type,
    invoiceNumber: invoice.invoiceNumber,
    ...(invoice.reference === undefined ? {} : { reference: invoice.reference }),
    status: invoice.status,
    contactName,
    date: invoice.date,
    ...(invoice.dueDate === undefined ? {} : { dueDate: invoice.dueDate }),
    lineAmountTypes: invoice.lineAmountTypes,
    currencyCode: invoice.currencyCode,
    currencyRate: invoice.currencyRate.toFixed(6),
    lines: invoice.lines.map((line) => ({
      lineItemId: line.lineItemId,
      ...(line.description === undefined ? {} : { description: line.description }),
      ...(line.accountCode === undefined ? {} : { accountCode: line.accountCode }),
      ...(line.taxType === undefined ? {} : { taxType: line.taxType }),
      quantity: line.quantity.toFixed(4),
      unitAmount: line.unitAmount.toFixed(Math.max(2, line.unitAmount.decimalPlaces())),
      lineAmount: line.lineAmount.toFixed(2),
      taxAmount: line.taxAmount.toFixed(2),
      tracking: line.tracking.map(({ Name, Option }) => ({ Name, Option })),
    })),
    subTotal: invoice.subTotal.toFixed(2),
    totalTax: invoice.totalTax.toFixed(2),
    total: invoice.total.toFixed(2),
    amountDue: due.toFixed(2),
    amountPaid: paid.toFixed(2),
    amountCredited: credited.toFixed(2),
  };
}
