/**
 * What a regional template is: the Accounts rows a seller in one place, registered (or not) for
 * that place's sales tax, starts with. The Mapping rules are the same everywhere (defaults.ts);
 * what differs between regions is which account and tax rate each category posts to, and when.
 */
import type { CategoryAccount } from '../types';

/** Where an Accounts row applies beyond its category: a marketplace and a period, both optional. */
export interface RowScope {
  marketplace?: string;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive. */
  to?: string;
}

/** One Accounts row: category → account code and tax type, optionally for a marketplace or period. */
export type TemplateRow = readonly [category: string, accountCode: string, taxType: string, scope?: RowScope];

/** A template: its rows (the notes that explain them are in notes.ts). */
export interface RegionalTemplate {
  /** What people type: `--template uk-vat`. */
  id: string;
  /** What the settings list shows: `United Kingdom, VAT registered`. */
  name: string;
  /** The Xero edition whose tax types the rows use (Xero's Organisation.Version). */
  edition: 'US' | 'UK' | 'AU' | 'NZ' | 'GLOBAL';
  /** ISO country of the seller, to tell the templates apart in tests and lists. */
  country: string;
  /** The settlement's main marketplace makes this the default template (first match wins). */
  marketplaces: readonly string[];
  rows: readonly TemplateRow[];
}

/** The template's rows as Accounts-tab rows. */
export function accountsOf(template: RegionalTemplate): CategoryAccount[] {
  return template.rows.map(([category, accountCode, taxType, scope = {}]) => ({
    category,
    marketplace: scope.marketplace ?? '',
    effectiveFrom: scope.from ?? '',
    effectiveTo: scope.to ?? '',
    accountCode,
    taxType,
    origin: `template ${template.id}`,
  }));
}

/**
 * The balance-sheet rows every template has: reserves, transfers, loans, the month carry and the
 * clearing of tax Amazon remits, all outside the tax return (`none` is the edition's no-tax code).
 */
export function balanceSheetRows(none: string): TemplateRow[] {
  return [
    ['Marketplace facilitator tax', '2150', none],
    ['Reserved balances', '1210', none],
    ['Transfers', '1220', none],
    ['Loans', '2300', none],
    // A current asset: the earlier months' net waits there until the part with the deposit.
    ['Carried forward', '2010', none],
  ];
}

/** Every category on one account code and tax type (templates for sellers outside the tax). */
export function untaxedRows(none: string): TemplateRow[] {
  return [
    ['Sales', '201', none],
    ['Refunds', '202', none],
    ['Promotions', '203', none],
    ['Reimbursements', '205', none],
    ['Seller fees', '405', none],
    ['FBA fees', '406', none],
    ['Storage', '407', none],
    ['Postage', '425', none],
    ['Advertising', '408', none],
    // Tax a seller outside the tax nevertheless sees in the file: kept apart, never income.
    ['Tax on sales', '2160', none],
    ['Tax on refunds', '2160', none],
    // Tax charged on a fee is part of what the fee cost.
    ['Tax on fees', '408', none],
    ...balanceSheetRows(none),
  ];
}
