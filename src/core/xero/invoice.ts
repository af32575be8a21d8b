/**
 * The Xero invoice a part becomes, as sent inside `{"Invoices": [...]}`, and the checks it must
 * pass before it leaves the core. The schema is strict on purpose: a field Xero rejects (such as
 * `DiscountAmount` on a negative line) cannot be added by accident.
 */
import * as z from 'zod/mini';

/** Statuses a new document may be created with. */
export const DOCUMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'] as const;

/** The status new documents are created with (a setting; DRAFT is safest for review). */
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * A tracking category option on a line, by name ("Name: Name of the tracking category, Option:
 * Name of the option", LineItemTracking in Xero's OpenAPI spec, each at most 100 characters).
 */
export const XeroLineTrackingSchema = z.strictObject({ Name: text(100), Option: text(100) });

/** One line item: quantity 1, the amount tax-inclusive, the tax stated when the file states it. */
export const XeroLineItemSchema = z.strictObject({
  Description: text(4000),
  Quantity: z.literal(1),
  UnitAmount: z.number(),
  LineAmount: z.number(),
  AccountCode: text(10),
  TaxType: text(50),
  // Overrides the tax Xero would compute (the LineItem's TaxAmount in Xero's OpenAPI spec).
  TaxAmount: z.optional(z.number()),
  // At most two tracking categories on a line (Xero's Invoices docs), each once.
  Tracking: z.optional(z.array(XeroLineTrackingSchema).check(z.minLength(1), z.maxLength(2))),
});

/** A sales invoice (ACCREC) or a bill (ACCPAY) for one part of a settlement. */
export const XeroInvoiceSchema = z.strictObject({
  Type: z.enum(['ACCREC', 'ACCPAY']),
  Contact: z.strictObject({ Name: text(255) }),
  Date: isoDate,
  DueDate: isoDate,
  LineAmountTypes: z.literal('Inclusive'),
  InvoiceNumber: text(255),
  Reference: z.optional(text(255)),
  CurrencyCode: z.string().check(z.regex(/^[A-Z]{3}$/)),
  // One rate for every document of a settlement: units of CurrencyCode per unit of base currency,
  // at most 6 decimals ("max length = [18].[6]" in Xero's OpenAPI spec).
  CurrencyRate: z.optional(z.number().check(z.positive())),
  Status: z.enum(DOCUMENT_STATUSES),
  Url: z.optional(z.string().check(z.maxLength(2000), z.regex(/^https:\/\//))),
  LineItems: z.array(XeroLineItemSchema).check(z.minLength(1)),
});

/** A line item as Xero receives it. */
export type XeroLineItem = z.infer<typeof XeroLineItemSchema>;

/** An invoice or bill as Xero receives it. */
export type XeroInvoice = z.infer<typeof XeroInvoiceSchema>;
