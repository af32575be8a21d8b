/**
 * Organisations for the regional templates beyond the UK, US and AU seeds: a Canadian, a German
 * and a Japanese company on Xero's global edition, and a New Zealand company. Tests that check a
 * template's codes against "its" organisation ask for them with `regionalOrganisations()`; the
 * default sandbox keeps its three (the workbench's consent page lists those).
 *
 * Sources: Xero's OpenAPI spec (xero_accounting.yaml) gives the New Zealand rates in its GET
 * /TaxRates example (15% GST on Income OUTPUT2, 15% GST on Expenses INPUT2, GST on Imports
 * GSTONIMPORTS, No GST NONE, Zero Rated ZERORATED, with their CanApplyTo flags). The global
 * edition's defaults are "Tax on Sales" (OUTPUT), "Tax on Purchases" (INPUT), "Tax Exempt" (NONE)
 * and "Sales Tax on Imports" (GSTONIMPORTS), all 0% until the organisation sets them
 * (help.xero.com/us/Tax-SetDefaults); rates an organisation adds are TAX001, TAX002… (Xero's
 * TaxRates docs). ASSUMPTION: each global-edition seed has set Tax on Sales and Tax on Purchases
 * to its country's standard rate (13% HST Ontario, 19% Germany, 10% Japan), as their help pages
 * tell Canadian organisations to do (help.xero.com/int/SalesTax-Canada).
 */
import type { OrganisationProfile, OrganisationSeed, TaxRate } from './model';
import { chart, currencies, taxRates, type RateLine } from './seed';
import { trackingCategory } from './tracking-categories';

/** The regional organisations' tenant ids (also their OrganisationIDs). */
export const REGIONAL_TENANT_IDS = {
  ca: 'e5a7b3c1-2d84-4f69-9b1e-3c7d5a9e1f04',
  nz: 'f1c9d7e5-3b62-4a08-8d4f-7e2a6c0b9d05',
  de: 'a3e5c7b9-4f16-4d2a-9c8e-1b5d7f3a6e06',
  jp: 'b8d2f4a6-5c39-4e71-8a0d-2f6c9e4b7a07',
} as const;

function profile(name: string, fields: Pick<OrganisationProfile, 'Version' | 'BaseCurrency' | 'CountryCode' | 'Timezone' | 'ShortCode'> & Partial<OrganisationProfile>): OrganisationProfile {
  return {
    Name: name, LegalName: name, PaysTax: true, OrganisationType: 'COMPANY', FinancialYearEndDay: 31,
    FinancialYearEndMonth: 12, SalesTaxBasis: 'ACCRUAL', SalesTaxPeriod: 'QUARTERLY1', DefaultSalesTax: 'Tax Inclusive',
    DefaultPurchasesTax: 'Tax Inclusive', CreatedDateUTC: Date.UTC(2023, 0, 2, 9, 0), Class: 'STANDARD',
    LineOfBusiness: 'Online retail', ...fields,
  };
}

/** The global edition's four default rates, Tax on Sales and Purchases set to `rate`. */
function globalRates(rate: string, extra: RateLine[] = []): TaxRate[] {
  return taxRates('Sales Tax', [
    { taxType: 'OUTPUT', name: 'Tax on Sales', rate, report: 'OUTPUT', applies: 'everything' },
    { taxType: 'INPUT', name: 'Tax on Purchases', rate, report: 'INPUT', applies: 'everything' },
    { taxType: 'NONE', name: 'Tax Exempt', rate: '0', report: 'NONE', applies: 'everything' },
    { taxType: 'GSTONIMPORTS', name: 'Sales Tax on Imports', rate: '0', report: 'GSTONIMPORTS', applies: 'liabilities' },
    ...extra,
  ]);
}

const GLOBAL_TAXES = { sales: 'OUTPUT', purchases: 'INPUT', outOfScope: 'NONE', exemptExpenses: 'NONE' } as const;

function caSeed(): OrganisationSeed {
  const tenantId = REGIONAL_TENANT_IDS.ca;
  return {
    tenantId,
    profile: profile('Maple Ridge Trading Inc', { Version: 'GLOBAL', BaseCurrency: 'CAD', CountryCode: 'CA', TaxNumber: '123456789RT0001', Timezone: 'EASTERNSTANDARDTIME', ShortCode: '!mR4ca' }),
    accounts: chart(tenantId, 'CAD', GLOBAL_TAXES),
    // A seller in Ontario: HST 13% on both sides, and a GST-only rate it added for other provinces.
    taxRates: globalRates('13', [{ taxType: 'TAX001', name: 'GST on Sales (5%)', rate: '5', report: 'OUTPUT', applies: 'everything' }]),
    currencies: currencies(['CAD', 'USD']),
    currencyRates: { USD: '0.7300' },
  };
}

function nzSeed(): OrganisationSeed {
  const tenantId = REGIONAL_TENANT_IDS.nz;
  const rates = taxRates('GST', [
    { taxType: 'INPUT2', name: '15% GST on Expenses', rate: '15', report: 'INPUT', applies: 'expenses' },
    { taxType: 'OUTPUT2', name: '15% GST on Income', rate: '15', report: 'OUTPUT', applies: 'revenue' },
    { taxType: 'GSTONIMPORTS', name: 'GST on Imports', rate: '0', report: 'GSTONIMPORTS', applies: 'liabilities' },
    { taxType: 'NONE', name: 'No GST', rate: '0', report: 'NONE', applies: 'everything' },
    { taxType: 'ZERORATED', name: 'Zero Rated', rate: '0', report: 'OUTPUT', applies: 'revenue' },
  ]);
  // The spec's example: Zero Rated applies to revenue and liabilities only.
  const zero = rates.find((r) => r.TaxType === 'ZERORATED')!;
  zero.CanApplyToAssets = false;
  zero.CanApplyToEquity = false;
  return {
    tenantId,
    profile: profile('Kowhai Lane Goods Ltd', { Version: 'NZ', BaseCurrency: 'NZD', CountryCode: 'NZ', TaxNumber: '123-456-789', Timezone: 'NEWZEALANDSTANDARDTIME', ShortCode: '!kL8nz', SalesTaxBasis: 'INVOICE', SalesTaxPeriod: 'TWOMONTHS' }),
    accounts: chart(tenantId, 'NZD', { sales: 'OUTPUT2', purchases: 'INPUT2', outOfScope: 'NONE', exemptExpenses: 'NONE' }),
    taxRates: rates,
    currencies: currencies(['NZD', 'AUD', 'USD']),
    currencyRates: { AUD: '0.9100', USD: '0.5900' },
  };
}

function deSeed(): OrganisationSeed {
  const tenantId = REGIONAL_TENANT_IDS.de;
  return {
    tenantId,
    profile: profile('Lindenhof Handel GmbH', { Version: 'GLOBAL', BaseCurrency: 'EUR', CountryCode: 'DE', TaxNumber: 'DE123456789', Timezone: 'WEUROPESTANDARDTIME', ShortCode: '!lH2de' }),
    accounts: chart(tenantId, 'EUR', GLOBAL_TAXES),
    taxRates: globalRates('19'),
    currencies: currencies(['EUR', 'GBP']),
    currencyRates: { GBP: '0.8500' },
    // A pan-European seller tracks its EUR marketplaces and its channels.
    trackingCategories: [
      trackingCategory(tenantId, 'Marketplace', ['Amazon.de', 'Amazon.fr', 'Amazon.it', 'Amazon.es', ['Amazon.nl', 'ARCHIVED']]),
      trackingCategory(tenantId, 'Fulfilment', ['FBA', 'Merchant Fulfilled', 'Multi-channel']),
    ],
  };
}

function jpSeed(): OrganisationSeed {
  const tenantId = REGIONAL_TENANT_IDS.jp;
  return {
    tenantId,
    profile: profile('Sakura Goods KK', { Version: 'GLOBAL', BaseCurrency: 'JPY', CountryCode: 'JP', Timezone: 'TOKYOSTANDARDTIME', ShortCode: '!sG5jp', FinancialYearEndMonth: 3 }),
    accounts: chart(tenantId, 'JPY', GLOBAL_TAXES),
    taxRates: globalRates('10'),
    currencies: currencies(['JPY']),
    currencyRates: {},
  };
}

/** Fresh copies of the Canadian, New Zealand, German and Japanese organisations. */
export function regionalOrganisations(): OrganisationSeed[] {
  return [caSeed(), nzSeed(), deSeed(), jpSeed()];
}
