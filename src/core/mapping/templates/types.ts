/**
 * What a regional template is: the Accounts rows a seller in one place, registered (or not) for
 * that place's sales tax, starts with. The Mapping rules are the same everywhere (defaults.ts);
 * what differs between regions is which account and tax rate each category posts to, and when.
 */
import { REMITTED_PROMOTIONS, REMITTED_REFUNDS, REMITTED_SALES } from '../categories';
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

/** The codes of a template, by what they are for. */
export interface TemplateCodes {
  /** Sales, refunds and promotions. */
  sales: string;
  /** Sales, refunds and promotions of orders whose tax Amazon remits entirely (default: `sales`). */
  remitted?: string;
  /**
   * Where the tax the seller owes goes: `sales`, onto the sales and refunds lines with their rate
   * (the document states it as their tax); `liability`, to 2160 with the no-tax code.
   */
  ownTax: 'sales' | 'liability';
  reimbursements: string;
  /** Seller, FBA and storage fees: one code, or each category's own rows. */
  fees: string | ((category: string, code: string) => TemplateRow[]);
  /** Advertising, and the tax a file states on it (V1 ServiceFee TaxAmount). */
  advertising: string;
  postage: string;
  /** The edition's no-tax code, for the balance sheet. */
  none: string;
}

/**
 * A template's rows from its codes: every category once (the standard chart's codes: 201 sales,
 * 202 refunds, 203 promotions, 205 reimbursements, 405–408 fees, 425 postage), the balance-sheet
 * accounts outside the tax return, and any extra rows (a marketplace, a period).
 */
export function templateRows(codes: TemplateCodes, extra: readonly TemplateRow[] = []): TemplateRow[] {
  const fees = (category: string, code: string): TemplateRow[] =>
    typeof codes.fees === 'string' ? [[category, code, codes.fees]] : codes.fees(category, code);
  const ownTax: TemplateRow[] = codes.ownTax === 'sales'
    ? [['Tax on sales', '201', codes.sales], ['Tax on refunds', '202', codes.sales]]
    // Tax a seller outside the tax (or in North America) sees in the file: kept apart, never income.
    : [['Tax on sales', '2160', codes.none], ['Tax on refunds', '2160', codes.none]];
  return [
    ['Sales', '201', codes.sales],
    ['Refunds', '202', codes.sales],
    ['Promotions', '203', codes.sales],
    // Same accounts: where the code is the same as the sales code the lines merge into one.
    [REMITTED_SALES, '201', codes.remitted ?? codes.sales],
    [REMITTED_REFUNDS, '202', codes.remitted ?? codes.sales],
    [REMITTED_PROMOTIONS, '203', codes.remitted ?? codes.sales],
    ...ownTax,
    ['Reimbursements', '205', codes.reimbursements],
    ...fees('Seller fees', '405'),
    ...fees('FBA fees', '406'),
    ...fees('Storage', '407'),
    ['Advertising', '408', codes.advertising],
    // Tax charged on a fee is stated on the fee's line, or part of its cost without a rate.
    ['Tax on fees', '408', codes.advertising],
    ['Postage', '425', codes.postage],
    ...extra,
    ['Marketplace facilitator tax', '2150', codes.none],
    ['Reserved balances', '1210', codes.none],
    ['Transfers', '1220', codes.none],
    ['Loans', '2300', codes.none],
    // A current asset: the earlier months' net waits there until the part with the deposit.
    ['Carried forward', '2010', codes.none],
    // The cost of goods sold journal's two sides (core/cogs): moving stock carries no tax.
    ['Cost of goods sold', '310', codes.none],
    ['Inventory', '630', codes.none],
  ];
}

/** Every category on the no-tax code (templates for sellers outside the tax). */
export function untaxedRows(none: string): TemplateRow[] {
  return templateRows({ sales: none, ownTax: 'liability', reimbursements: none, fees: none, advertising: none, postage: none, none });
}
