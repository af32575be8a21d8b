/**
 * What Xero answers, read: the schemas that keep only the fields SettleSheet uses (zod/mini, so the
 * bundle stays small), and the typed values the client turns them into.
 */
import * as z from 'zod/mini';
import type { XeroValidationProblem } from './errors';
import { xeroDay } from './wire';

export const ConnectionSchema = z.object({
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

export const OrganisationSchema = z.object({
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

export const AccountsSchema = z.object({
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

export const TaxRatesSchema = z.object({
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

export const CurrenciesSchema = z.object({ Currencies: z.array(z.object({ Code: z.string() })) });

export const InvoiceStateSchema = z.object({
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
export const InvoicesSchema = z.object({ Invoices: z.array(InvoiceStateSchema) });

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

/** A document as Xero holds it, from its JSON. */
export function documentState(raw: z.infer<typeof InvoiceStateSchema>): XeroDocumentState {
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

/** System accounts a document line cannot post to (Xero keeps them itself). */
export const NOT_POSTABLE_SYSTEM_ACCOUNTS = ['DEBTORS', 'CREDITORS', 'GST'];
type RawTaxRate = z.infer<typeof TaxRatesSchema>['TaxRates'][number];
/** The account classes a tax rate may be used with, by the flag Xero sets for each. */
export const CAN_APPLY_TO: readonly (readonly [accountClass: string, flag: keyof RawTaxRate])[] = [
  ['ASSET', 'CanApplyToAssets'],
  ['EQUITY', 'CanApplyToEquity'],
  ['EXPENSE', 'CanApplyToExpenses'],
  ['LIABILITY', 'CanApplyToLiabilities'],
  ['REVENUE', 'CanApplyToRevenue'],
];
