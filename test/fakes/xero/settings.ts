/**
 * The settings reads: GET /Organisation, /Accounts, /TaxRates and /Currencies, in the shapes of
 * Xero's spec examples (rates written with 4 decimals, e.g. `20.0000`).
 */
import type { Account, Currency, OrganisationState, TaxRate } from './model';
import { dayToMs, envelopeDate, fixed, msDate } from './wire';

/** GET /Organisation's single organisation. */
export function renderOrganisation(org: OrganisationState): Record<string, unknown> {
  const p = org.profile;
  return {
    Name: p.Name,
    LegalName: p.LegalName,
    PaysTax: p.PaysTax,
    Version: p.Version,
    OrganisationType: p.OrganisationType,
    BaseCurrency: p.BaseCurrency,
    CountryCode: p.CountryCode,
    IsDemoCompany: false,
    OrganisationStatus: 'ACTIVE',
    TaxNumber: p.TaxNumber,
    FinancialYearEndDay: p.FinancialYearEndDay,
    FinancialYearEndMonth: p.FinancialYearEndMonth,
    SalesTaxBasis: p.SalesTaxBasis,
    SalesTaxPeriod: p.SalesTaxPeriod,
    DefaultSalesTax: p.DefaultSalesTax,
    DefaultPurchasesTax: p.DefaultPurchasesTax,
    // As the spec's example writes them: `/Date(1546214400000+0000)/`, and only when set.
    PeriodLockDate: p.PeriodLockDate === undefined ? undefined : msDate(dayToMs(p.PeriodLockDate)),
    EndOfYearLockDate: p.EndOfYearLockDate === undefined ? undefined : msDate(dayToMs(p.EndOfYearLockDate)),
    CreatedDateUTC: envelopeDate(p.CreatedDateUTC),
    OrganisationEntityType: p.OrganisationType,
    Timezone: p.Timezone,
    ShortCode: p.ShortCode,
    OrganisationID: org.tenantId,
    Edition: 'BUSINESS',
    Class: p.Class,
    LineOfBusiness: p.LineOfBusiness,
    Addresses: [],
    Phones: [],
    ExternalLinks: [],
    PaymentTerms: {},
  };
}

/** One account of GET /Accounts. */
export function renderAccount(account: Account, org: OrganisationState): Record<string, unknown> {
  return {
    AccountID: account.AccountID,
    Code: account.Code,
    Name: account.Name,
    Status: account.Status,
    Type: account.Type,
    TaxType: account.TaxType,
    Description: account.Description,
    Class: account.Class,
    SystemAccount: account.SystemAccount,
    EnablePaymentsToAccount: account.EnablePaymentsToAccount,
    ShowInExpenseClaims: account.ShowInExpenseClaims,
    BankAccountNumber: account.BankAccountNumber,
    BankAccountType: account.BankAccountType,
    CurrencyCode: account.CurrencyCode,
    ReportingCode: undefined,
    HasAttachments: false,
    UpdatedDateUTC: msDate(org.profile.CreatedDateUTC),
    AddToWatchlist: false,
  };
}

/** One rate of GET /TaxRates. */
export function renderTaxRate(rate: TaxRate): Record<string, unknown> {
  return {
    Name: rate.Name,
    TaxType: rate.TaxType,
    ReportTaxType: rate.ReportTaxType,
    CanApplyToAssets: rate.CanApplyToAssets,
    CanApplyToEquity: rate.CanApplyToEquity,
    CanApplyToExpenses: rate.CanApplyToExpenses,
    CanApplyToLiabilities: rate.CanApplyToLiabilities,
    CanApplyToRevenue: rate.CanApplyToRevenue,
    DisplayTaxRate: fixed(rate.EffectiveRate, 4),
    EffectiveRate: fixed(rate.EffectiveRate, 4),
    Status: rate.Status,
    TaxComponents: [
      { Name: rate.ComponentName, Rate: fixed(rate.EffectiveRate, 4), IsCompound: false, IsNonRecoverable: false },
    ],
  };
}

/** One currency of GET /Currencies. */
export function renderCurrency(currency: Currency): Record<string, unknown> {
  return { Code: currency.Code, Description: currency.Description };
}
