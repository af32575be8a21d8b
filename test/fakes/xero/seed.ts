/**
 * The three organisations every sandbox starts with: a UK VAT company (GBP only), a US company
 * with CAD and EUR enabled, and an Australian GST company. Each has Xero's standard chart codes
 * plus the balance-sheet, income and expense accounts an Amazon seller adds, and one ARCHIVED
 * account (409) so tests can prove archived codes are refused. Each closed its books as small
 * companies do: the UK and US ones have an end of year lock and a later period lock, the AU one an
 * end of year lock only (Xero shows each lock date only when set).
 */
import { stableUuid } from './ids';
import type { Account, AccountClass, Currency, OrganisationSeed, TaxRate } from './model';
import { trackingCategory } from './tracking-categories';

/** The seeded organisations' tenant ids (also their OrganisationIDs). */
export const TENANT_IDS = {
  uk: 'b7d6b4f2-3c51-4a8e-9f0d-6a1c2e4b8d01',
  us: 'c4e1a9d3-7b62-4f15-8e2a-9d3b5f7c1e02',
  au: 'd2f8c6e4-1a93-4b27-a6c4-8e5d7b9f3a03',
  /** Xero's Demo Company (UK), which `demoCompanySeed` makes; not among the default organisations. */
  demo: 'e9a7d5c3-2b84-4c61-b5d3-7f4e6a8c2b04',
} as const;

// Xero derives an account's Class from its Type.
const CLASS_OF_TYPE: Readonly<Record<string, AccountClass>> = {
  BANK: 'ASSET', CURRENT: 'ASSET', FIXED: 'ASSET', INVENTORY: 'ASSET', NONCURRENT: 'ASSET',
  PREPAYMENT: 'ASSET', CURRLIAB: 'LIABILITY', LIABILITY: 'LIABILITY', TERMLIAB: 'LIABILITY',
  PAYG: 'LIABILITY', EQUITY: 'EQUITY', DEPRECIATN: 'EXPENSE', DIRECTCOSTS: 'EXPENSE',
  EXPENSE: 'EXPENSE', OVERHEADS: 'EXPENSE', REVENUE: 'REVENUE', SALES: 'REVENUE',
  OTHERINCOME: 'REVENUE',
};

/** The default tax an account carries, by what it is used for; each region names its own codes. */
export type TaxRole = 'sales' | 'purchases' | 'outOfScope' | 'exemptExpenses';

interface ChartLine {
  code: string;
  name: string;
  type: string;
  tax: TaxRole;
  status?: Account['Status'];
  systemAccount?: string;
  description?: string;
}

// One chart for all three regions: the codes are Xero's standard ones, so mappings written for
// one organisation read naturally against the others.
const CHART: readonly ChartLine[] = [
  { code: '090', name: 'Business Bank Account', type: 'BANK', tax: 'outOfScope' },
  { code: '200', name: 'Sales', type: 'REVENUE', tax: 'sales', description: 'Income from any normal business activity' },
  { code: '201', name: 'Amazon Sales', type: 'REVENUE', tax: 'sales' },
  { code: '202', name: 'Amazon Refunds', type: 'REVENUE', tax: 'sales' },
  { code: '203', name: 'Amazon Promotions', type: 'REVENUE', tax: 'sales' },
  { code: '205', name: 'Amazon Reimbursements', type: 'OTHERINCOME', tax: 'outOfScope' },
  { code: '260', name: 'Other Revenue', type: 'REVENUE', tax: 'sales' },
  { code: '310', name: 'Cost of Goods Sold', type: 'DIRECTCOSTS', tax: 'purchases' },
  { code: '400', name: 'Advertising', type: 'OVERHEADS', tax: 'purchases' },
  { code: '404', name: 'Bank Fees', type: 'OVERHEADS', tax: 'exemptExpenses' },
  { code: '405', name: 'Amazon Seller Fees', type: 'OVERHEADS', tax: 'purchases' },
  { code: '406', name: 'Amazon FBA Fees', type: 'DIRECTCOSTS', tax: 'purchases' },
  { code: '407', name: 'Amazon Storage Fees', type: 'OVERHEADS', tax: 'purchases' },
  { code: '408', name: 'Amazon Advertising', type: 'OVERHEADS', tax: 'purchases' },
  { code: '409', name: 'Old Amazon Fees', type: 'OVERHEADS', tax: 'purchases', status: 'ARCHIVED' },
  { code: '429', name: 'General Expenses', type: 'OVERHEADS', tax: 'purchases' },
  { code: '610', name: 'Accounts Receivable', type: 'CURRENT', tax: 'outOfScope', systemAccount: 'DEBTORS' },
  // Xero's standard charts keep stock at 630 Inventory; cost of goods sold journals credit it.
  { code: '630', name: 'Inventory', type: 'INVENTORY', tax: 'outOfScope' },
  { code: '800', name: 'Accounts Payable', type: 'CURRLIAB', tax: 'outOfScope', systemAccount: 'CREDITORS' },
  { code: '820', name: 'Sales Tax', type: 'CURRLIAB', tax: 'outOfScope', systemAccount: 'GST' },
  { code: '860', name: 'Rounding', type: 'CURRLIAB', tax: 'outOfScope', systemAccount: 'ROUNDING' },
  { code: '960', name: 'Retained Earnings', type: 'EQUITY', tax: 'outOfScope', systemAccount: 'RETAINEDEARNINGS' },
  { code: '1210', name: 'Amazon Reserved Balances', type: 'CURRENT', tax: 'outOfScope' },
  { code: '1220', name: 'Amazon Clearing / Transfers', type: 'CURRENT', tax: 'outOfScope' },
  // Where month parts of one settlement park their net until the part that carries the deposit.
  { code: '2010', name: 'Amazon Settlement Carried Forward', type: 'CURRENT', tax: 'outOfScope' },
  { code: '2150', name: 'Sales Tax Collected by Amazon', type: 'CURRLIAB', tax: 'outOfScope' },
  { code: '2300', name: 'Amazon Lending Loan', type: 'TERMLIAB', tax: 'outOfScope' },
  // What the regional templates (src/core/mapping/templates) add: postage bought through Buy
  // Shipping (Xero's standard charts have a freight account, 425), and a liability for sales tax
  // a North American seller collects itself.
  { code: '425', name: 'Postage, Freight & Courier', type: 'OVERHEADS', tax: 'purchases' },
  { code: '2160', name: 'Sales Tax Owed', type: 'CURRLIAB', tax: 'outOfScope' },
];

/** Which tax rates apply to which account classes, as Xero's CanApplyTo… flags. */
type Applies = 'revenue' | 'expenses' | 'everything' | 'liabilities';

/** One tax rate of a seed, in short. */
export interface RateLine {
  taxType: string;
  name: string;
  rate: string;
  report: string;
  applies: Applies;
  status?: TaxRate['Status'];
}

// Output rates apply to revenue and the balance sheet, input rates to expenses and the balance
// sheet (as Xero's own TaxRates example shows), import rates to liabilities only.
/** A seed's tax rates in Xero's field names. */
export function taxRates(component: string, lines: RateLine[]): TaxRate[] {
  return lines.map((line) => {
    const notLiabilityOnly = line.applies !== 'liabilities';
    return {
      Name: line.name,
      TaxType: line.taxType,
      ReportTaxType: line.report,
      Status: line.status ?? 'ACTIVE',
      EffectiveRate: line.rate,
      ComponentName: component,
      CanApplyToAssets: notLiabilityOnly,
      CanApplyToEquity: notLiabilityOnly,
      CanApplyToExpenses: line.applies === 'expenses' || line.applies === 'everything',
      CanApplyToLiabilities: true,
      CanApplyToRevenue: line.applies === 'revenue' || line.applies === 'everything',
    };
  });
}

/** The shared chart of accounts with one organisation's tax codes. */
export function chart(tenantId: string, base: string, taxes: Record<TaxRole, string>): Account[] {
  return CHART.map((line) => {
    const bank = line.type === 'BANK';
    return {
      AccountID: stableUuid(`${tenantId}:account:${line.code}`),
      Code: line.code,
      Name: line.name,
      Type: line.type,
      Class: CLASS_OF_TYPE[line.type]!,
      Status: line.status ?? 'ACTIVE',
      TaxType: taxes[line.tax],
      ...(line.description ? { Description: line.description } : {}),
      EnablePaymentsToAccount: false,
      ShowInExpenseClaims: line.type === 'OVERHEADS',
      BankAccountType: bank ? 'BANK' : '',
      ...(bank ? { BankAccountNumber: '12345678', CurrencyCode: base } : {}),
      ...(line.systemAccount ? { SystemAccount: line.systemAccount } : {}),
    };
  });
}

const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  GBP: 'British Pound', USD: 'United States Dollar', CAD: 'Canadian Dollar', EUR: 'Euro',
  AUD: 'Australian Dollar', NZD: 'New Zealand Dollar', JPY: 'Japanese Yen',
};

/** Enabled currencies by code. */
export function currencies(codes: string[]): Currency[] {
  return codes.map((code) => ({ Code: code, Description: CURRENCY_NAMES[code] ?? code }));
}

function ukSeed(): OrganisationSeed {
  const tenantId = TENANT_IDS.uk;
  return {
    tenantId,
    profile: {
      Name: 'Bramble & Finch Trading Ltd', LegalName: 'Bramble & Finch Trading Ltd', PaysTax: true,
      Version: 'UK', OrganisationType: 'COMPANY', BaseCurrency: 'GBP', CountryCode: 'GB',
      TaxNumber: 'GB123456789', FinancialYearEndDay: 31, FinancialYearEndMonth: 3,
      SalesTaxBasis: 'ACCRUAL', SalesTaxPeriod: 'QUARTERLY1', DefaultSalesTax: 'Tax Exclusive',
      DefaultPurchasesTax: 'Tax Exclusive', CreatedDateUTC: Date.UTC(2023, 3, 1, 9, 30),
      Timezone: 'GMTSTANDARDTIME', ShortCode: '!bF7kq', Class: 'STANDARD',
      LineOfBusiness: 'Online retail', EndOfYearLockDate: '2025-03-31', PeriodLockDate: '2025-09-30',
    },
    accounts: chart(tenantId, 'GBP', {
      sales: 'OUTPUT2', purchases: 'INPUT2', outOfScope: 'NONE', exemptExpenses: 'EXEMPTINPUT',
    }),
    taxRates: taxRates('VAT', [
      { taxType: 'OUTPUT2', name: '20% (VAT on Income)', rate: '20', report: 'OUTPUT', applies: 'revenue' },
      { taxType: 'INPUT2', name: '20% (VAT on Expenses)', rate: '20', report: 'INPUT', applies: 'expenses' },
      { taxType: 'ZERORATEDOUTPUT', name: 'Zero Rated Income', rate: '0', report: 'ZERORATEDOUTPUT', applies: 'revenue' },
      { taxType: 'ZERORATEDINPUT', name: 'Zero Rated Expenses', rate: '0', report: 'ZERORATEDINPUT', applies: 'expenses' },
      { taxType: 'EXEMPTOUTPUT', name: 'Exempt Income', rate: '0', report: 'EXEMPTOUTPUT', applies: 'revenue' },
      { taxType: 'EXEMPTINPUT', name: 'Exempt Expenses', rate: '0', report: 'EXEMPTINPUT', applies: 'expenses' },
      { taxType: 'NONE', name: 'No VAT', rate: '0', report: 'NONE', applies: 'everything' },
      // UK editions have it (TaxType enum and UK ReportTaxTypes); ASSUMPTION: its EffectiveRate is
      // 0, the reverse charge being reported on the return rather than charged on the document.
      { taxType: 'REVERSECHARGES', name: 'Reverse Charge Expenses (20%)', rate: '0', report: 'REVERSECHARGES', applies: 'expenses' },
      // A rate the user deleted (the pre-2011 standard rate), so tests can prove it is refused.
      { taxType: 'TAX001', name: '17.5% (VAT on Income)', rate: '17.5', report: 'OUTPUT', applies: 'revenue', status: 'DELETED' },
    ]),
    currencies: currencies(['GBP']),
    currencyRates: {},
    // One category, by marketplace, as A2X's marketplace tracking sets it up.
    trackingCategories: [trackingCategory(tenantId, 'Marketplace', ['Amazon.co.uk', 'Amazon.de', 'Amazon.fr', 'Amazon.it', 'Amazon.es'])],
  };
}

function usSeed(): OrganisationSeed {
  const tenantId = TENANT_IDS.us;
  return {
    tenantId,
    profile: {
      Name: 'Harbor Lane Goods Inc', LegalName: 'Harbor Lane Goods Inc', PaysTax: true,
      Version: 'US', OrganisationType: 'COMPANY', BaseCurrency: 'USD', CountryCode: 'US',
      FinancialYearEndDay: 31, FinancialYearEndMonth: 12, SalesTaxBasis: 'ACCRUAL',
      SalesTaxPeriod: 'MONTHLY', DefaultSalesTax: 'Tax Exclusive',
      DefaultPurchasesTax: 'Tax Exclusive', CreatedDateUTC: Date.UTC(2022, 0, 10, 17, 0),
      Timezone: 'PACIFICSTANDARDTIME', ShortCode: '!hL2mw', Class: 'PREMIUM',
      LineOfBusiness: 'E-commerce', EndOfYearLockDate: '2024-12-31', PeriodLockDate: '2025-03-31',
    },
    // US sellers rarely charge sales tax themselves on Amazon (the marketplace collects it).
    accounts: chart(tenantId, 'USD', {
      sales: 'NONE', purchases: 'NONE', outOfScope: 'NONE', exemptExpenses: 'NONE',
    }),
    taxRates: taxRates('Sales Tax', [
      { taxType: 'NONE', name: 'Tax Exempt', rate: '0', report: 'NONE', applies: 'everything' },
      { taxType: 'TAX001', name: 'California Sales Tax', rate: '7.25', report: 'USSALESTAX', applies: 'everything' },
      { taxType: 'TAX002', name: 'New York Sales Tax', rate: '8.875', report: 'USSALESTAX', applies: 'everything' },
      { taxType: 'GSTONIMPORTS', name: 'Sales Tax on Imports', rate: '0', report: 'GSTONIMPORTS', applies: 'liabilities' },
    ]),
    currencies: currencies(['USD', 'CAD', 'EUR']),
    currencyRates: { CAD: '1.3600', EUR: '0.9200' },
    // The two active categories an organisation may have, an archived option (the seller left
    // Amazon.de) and an archived category, so tests can prove archived ones are refused.
    trackingCategories: [
      trackingCategory(tenantId, 'Marketplace', ['Amazon.com', 'Amazon.ca', 'Amazon.com.mx', 'Non-Amazon US', ['Amazon.de', 'ARCHIVED']]),
      trackingCategory(tenantId, 'Fulfilment', ['FBA', 'Merchant Fulfilled', 'Multi-channel']),
      trackingCategory(tenantId, 'Region', ['East', 'West'], 'ARCHIVED'),
    ],
  };
}

function auSeed(): OrganisationSeed {
  const tenantId = TENANT_IDS.au;
  return {
    tenantId,
    profile: {
      Name: 'Wattle Creek Supplies Pty Ltd', LegalName: 'Wattle Creek Supplies Pty Ltd',
      PaysTax: true, Version: 'AU', OrganisationType: 'COMPANY', BaseCurrency: 'AUD',
      CountryCode: 'AU', TaxNumber: '53004085616', FinancialYearEndDay: 30,
      FinancialYearEndMonth: 6, SalesTaxBasis: 'ACCRUALS', SalesTaxPeriod: 'QUARTERLY1',
      DefaultSalesTax: 'Tax Inclusive', DefaultPurchasesTax: 'Tax Inclusive',
      CreatedDateUTC: Date.UTC(2021, 6, 1, 0, 0), Timezone: 'AUSEASTERNSTANDARDTIME',
      ShortCode: '!wC9pz', Class: 'STANDARD', LineOfBusiness: 'Online retail',
      EndOfYearLockDate: '2025-06-30',
    },
    accounts: chart(tenantId, 'AUD', {
      sales: 'OUTPUT', purchases: 'INPUT', outOfScope: 'BASEXCLUDED', exemptExpenses: 'EXEMPTEXPENSES',
    }),
    taxRates: taxRates('GST', [
      { taxType: 'OUTPUT', name: 'GST on Income', rate: '10', report: 'OUTPUT', applies: 'revenue' },
      { taxType: 'INPUT', name: 'GST on Expenses', rate: '10', report: 'INPUT', applies: 'expenses' },
      { taxType: 'BASEXCLUDED', name: 'BAS Excluded', rate: '0', report: 'BASEXCLUDED', applies: 'everything' },
      { taxType: 'EXEMPTOUTPUT', name: 'GST Free Income', rate: '0', report: 'EXEMPTOUTPUT', applies: 'revenue' },
      { taxType: 'EXEMPTEXPENSES', name: 'GST Free Expenses', rate: '0', report: 'EXEMPTEXPENSES', applies: 'expenses' },
      { taxType: 'INPUTTAXED', name: 'Input Taxed', rate: '0', report: 'INPUTTAXED', applies: 'everything' },
    ]),
    currencies: currencies(['AUD']),
    currencyRates: {},
  };
}

/**
 * Xero's Demo Company (UK): the organisation any developer can connect to and reset, where the
 * in-product self-check may post (and delete) a test invoice. Not among the default organisations;
 * pass it in `organisations` where a test needs it.
 */
export function demoCompanySeed(): OrganisationSeed {
  const uk = ukSeed();
  const tenantId = TENANT_IDS.demo;
  return {
    ...uk,
    tenantId,
    profile: { ...uk.profile, Name: 'Demo Company (UK)', LegalName: 'Demo Company (UK)', ShortCode: '!dC3uk', TaxNumber: 'GB987654321' },
    accounts: chart(tenantId, 'GBP', { sales: 'OUTPUT2', purchases: 'INPUT2', outOfScope: 'NONE', exemptExpenses: 'EXEMPTINPUT' }),
  };
}

/**
 * Fresh, independent copies of the three seeded organisations (UK, US, AU). The Canadian, New
 * Zealand, German and Japanese ones of the regional templates are in seed-regions.ts
 * (`regionalOrganisations()`), for the tests that ask for them.
 */
export function seedOrganisations(): OrganisationSeed[] {
  return [ukSeed(), usSeed(), auSeed()];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}

/** The seeded organisations, frozen, for code that only lists them (sandboxes get fresh copies). */
export const SEEDED_ORGANISATIONS: readonly OrganisationSeed[] = deepFreeze(seedOrganisations());

/**
 * An organisation without lock dates: for tests about something else (tax, currencies) whose files
 * are dated in periods the seeded organisations have locked.
 */
export function unlocked(seed: OrganisationSeed): OrganisationSeed {
  const { PeriodLockDate: _period, EndOfYearLockDate: _year, ...profile } = seed.profile;
  return { ...seed, profile };
}
