/**
 * What one organisation in the sandbox holds: its settings (in Xero's field names, so a test can
 * change them the way a user would in Xero) and the contacts and invoices created through the API.
 */
import type { Dec } from './wire';

/** The class Xero derives from an account's type. */
export type AccountClass = 'ASSET' | 'EQUITY' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';

/** One account of the chart, in Xero's field names. */
export interface Account {
  AccountID: string;
  Code: string;
  Name: string;
  Type: string;
  Class: AccountClass;
  Status: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
  TaxType: string;
  Description?: string;
  EnablePaymentsToAccount: boolean;
  ShowInExpenseClaims: boolean;
  BankAccountType: '' | 'BANK';
  BankAccountNumber?: string;
  CurrencyCode?: string;
  SystemAccount?: string;
}

/** One tax rate, in Xero's field names; the rate is decimal text so arithmetic on it is exact. */
export interface TaxRate {
  Name: string;
  TaxType: string;
  ReportTaxType: string;
  Status: 'ACTIVE' | 'DELETED' | 'ARCHIVED';
  /** The percentage as decimal text, e.g. `'20'` or `'8.875'`. */
  EffectiveRate: string;
  /** The component name shown in TaxComponents (`VAT`, `GST`, `Sales Tax`). */
  ComponentName: string;
  CanApplyToAssets: boolean;
  CanApplyToEquity: boolean;
  CanApplyToExpenses: boolean;
  CanApplyToLiabilities: boolean;
  CanApplyToRevenue: boolean;
}

/** A currency the organisation has enabled. */
export interface Currency {
  Code: string;
  Description: string;
}

/** The fields of GET /Organisation that do not change while the sandbox runs. */
export interface OrganisationProfile {
  Name: string;
  LegalName: string;
  PaysTax: boolean;
  Version: 'UK' | 'US' | 'AU' | 'NZ' | 'GLOBAL';
  OrganisationType: string;
  BaseCurrency: string;
  CountryCode: string;
  TaxNumber?: string;
  FinancialYearEndDay: number;
  FinancialYearEndMonth: number;
  SalesTaxBasis: string;
  SalesTaxPeriod: string;
  DefaultSalesTax: string;
  DefaultPurchasesTax: string;
  /** Milliseconds since the epoch. */
  CreatedDateUTC: number;
  Timezone: string;
  ShortCode: string;
  Class: string;
  LineOfBusiness: string;
  /**
   * `YYYY-MM-DD`, when set: documents dated on or before it are locked for everyone except
   * advisers. Xero's Organisation schema: "Shown if set. See lock dates".
   */
  PeriodLockDate?: string;
  /** `YYYY-MM-DD`, when set: documents dated on or before it are locked for everyone. */
  EndOfYearLockDate?: string;
}

/** A tracking category's option, in Xero's field names (TrackingOption in the OpenAPI spec). */
export interface TrackingOptionRecord {
  TrackingOptionID: string;
  Name: string;
  Status: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
}

/** A tracking category and its options, in Xero's field names (TrackingCategory in the OpenAPI spec). */
export interface TrackingCategoryRecord {
  TrackingCategoryID: string;
  Name: string;
  Status: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
  Options: TrackingOptionRecord[];
}

/** An organisation as the sandbox starts with it. */
export interface OrganisationSeed {
  /** The tenant id, which is also the OrganisationID. */
  tenantId: string;
  profile: OrganisationProfile;
  accounts: Account[];
  taxRates: TaxRate[];
  currencies: Currency[];
  /**
   * Units of each enabled foreign currency per one unit of base currency, used when an invoice
   * gives no CurrencyRate (real Xero uses XE.com's rate of the day there).
   */
  currencyRates: Record<string, string>;
  /** Its tracking categories (none unless given): see tracking-categories.ts. */
  trackingCategories?: TrackingCategoryRecord[];
}

/** A contact the API created (found or created by name through an invoice). */
export interface Contact {
  ContactID: string;
  Name: string;
  ContactStatus: 'ACTIVE' | 'ARCHIVED';
  updatedAt: number;
}

/** The invoice types the sandbox models. */
export type InvoiceType = 'ACCREC' | 'ACCPAY';
/** The statuses an invoice moves through (PAID: payments and credit notes cover its total). */
export type InvoiceStatus = 'DRAFT' | 'SUBMITTED' | 'AUTHORISED' | 'PAID' | 'VOIDED' | 'DELETED';

/** A payment or a credit note's allocation against an invoice. */
export interface Allocation {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  amount: Dec;
}
/** How line amounts relate to tax. */
export type LineAmountTypes = 'Exclusive' | 'Inclusive' | 'NoTax';

/** A tracking option on a line, with the organisation's names and ids (tracking-categories.ts). */
export interface LineTracking {
  Name: string;
  Option: string;
  TrackingCategoryID?: string;
  TrackingOptionID?: string;
}

/** A file attached to a document (attachments.ts). */
export interface AttachmentRecord {
  AttachmentID: string;
  FileName: string;
  MimeType: string;
  content: Uint8Array;
  IncludeOnline: boolean;
  /** Milliseconds since the epoch. */
  at: number;
}

/** One stored line item, with the amounts Xero computed. */
export interface InvoiceLine {
  lineItemId: string;
  description?: string;
  quantity: Dec;
  unitAmount: Dec;
  accountCode?: string;
  accountId?: string;
  taxType?: string;
  taxAmount: Dec;
  lineAmount: Dec;
  discountRate?: Dec;
  discountAmount?: Dec;
  tracking: LineTracking[];
}

/** One stored invoice or bill. */
export interface InvoiceRecord {
  invoiceId: string;
  type: InvoiceType;
  invoiceNumber: string;
  reference?: string;
  contactId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `YYYY-MM-DD`, when given. */
  dueDate?: string;
  status: InvoiceStatus;
  lineAmountTypes: LineAmountTypes;
  currencyCode: string;
  currencyRate: Dec;
  lines: InvoiceLine[];
  subTotal: Dec;
  totalTax: Dec;
  total: Dec;
  /** Decimal places UnitAmount was read with (2, or 4 with `?unitdp=4`). */
  unitdp: number;
  updatedAt: number;
  /** The invoice as the client sent it, kept so a later status change can be validated again. */
  source: Record<string, unknown>;
  /** Payments made against it (see payments.ts). */
  payments: Allocation[];
  /** Credit notes allocated to it. */
  credits: Allocation[];
  /** Files attached to it, in the order they were uploaded. */
  attachments: AttachmentRecord[];
}

/** The statuses of a manual journal (Xero's Manual Journal Status Codes). */
export type ManualJournalStatus = 'DRAFT' | 'POSTED' | 'VOIDED' | 'DELETED' | 'ARCHIVED';

/** One stored journal line: a debit (positive) or credit (negative) to one account. */
export interface JournalLineRecord {
  description?: string;
  lineAmount: Dec;
  accountCode?: string;
  accountId?: string;
  taxType?: string;
  taxAmount: Dec;
  tracking: LineTracking[];
}

/** One stored manual journal. */
export interface ManualJournalRecord {
  manualJournalId: string;
  narration: string;
  /** `YYYY-MM-DD`. */
  date: string;
  status: ManualJournalStatus;
  lineAmountTypes: LineAmountTypes;
  url?: string;
  showOnCashBasisReports: boolean;
  lines: JournalLineRecord[];
  updatedAt: number;
}

/** Everything one organisation holds while the sandbox runs. */
export interface OrganisationState extends OrganisationSeed {
  trackingCategories: TrackingCategoryRecord[];
  contacts: Contact[];
  invoices: InvoiceRecord[];
  manualJournals: ManualJournalRecord[];
}
