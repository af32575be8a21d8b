/**
 * The tabs SettleSheet keeps in the workbook: their names, columns and looks. The tabs are where
 * sellers and accountants see how every number was made, so their columns are part of the product.
 *
 * Plain-text (`@`) formats go only on columns people type in and SettleSheet writes without an
 * apostrophe (Mapping's dates, Accounts' codes, Costs' SKUs and currencies). Wherever SettleSheet writes untrusted text it
 * writes it with a leading apostrophe into a General cell, where Sheets documents the apostrophe
 * as a quote prefix; whether Sheets also strips it in an `@` cell is not documented, so the two
 * never meet (see cells.ts).
 */
import { COSTS_COLUMNS } from '../../core/cogs/costs';
import { ACCOUNT_COLUMNS, MAPPING_COLUMNS } from '../../core/mapping/tables';
import { DATETIME_FORMAT as DATETIME } from './when';

/** The 1-based column of a Mapping tab header. */
const mappingColumn = (name: (typeof MAPPING_COLUMNS)[number]) => MAPPING_COLUMNS.indexOf(name) + 1;

/** What a tab is for. */
export type TabRole = 'settlements' | 'transactions' | 'mapping' | 'accounts' | 'summary' | 'log' | 'aggregates' | 'xero' | 'records' | 'costs' | 'units';

/** How a tab is created the first time. */
export interface TabLayout {
  role: TabRole;
  /** The name it gets, unless a user's own tab already has it. */
  name: string;
  /** Row 1; empty for tabs laid out freely (Summary). */
  header: readonly string[];
  /** Column number formats applied to whole columns at creation (1-based column → format). */
  formats?: Readonly<Record<number, string>>;
  widths?: Readonly<Record<number, number>>;
  /** Only the add-on writes here: people are warned before editing (but never blocked). */
  maintained: boolean;
  hidden: boolean;
  /** A note on the header's first cell, telling people what the tab is. */
  note: string;
}

/** The Transactions tab's columns, in order. */
export const TRANSACTION_COLUMNS = [
  'Settlement id',
  'Line',
  'Posted date',
  'Transaction type',
  'Amount type',
  'Amount description',
  'Order id',
  'SKU',
  'Marketplace',
  'Amount',
  'Currency',
  'Category',
  'Month',
  // `quantity-purchased` as the line carries it (blank when the file leaves it blank).
  'Quantity',
  // The raw `fulfillment-id` cell: AFN (Amazon shipped it) or MFN (the seller did).
  'Fulfillment',
] as const;

/** The Settlements tab's columns, in order. */
export const SETTLEMENT_COLUMNS = [
  'Settlement id',
  'Marketplaces',
  'Currency',
  'Period start',
  'Period end',
  'Deposit date',
  'Total',
  'Lines',
  'Balanced?',
  'Unmapped lines',
  'Status',
  'Xero documents',
  'Posted at',
  'Posted by',
  'Imported at',
  'Imported by',
  'File',
] as const;

/** The hidden aggregates tab: one row per settlement × triple × marketplace × channel × posted date. */
export const AGGREGATE_COLUMNS = [
  'Settlement id',
  'Posted date',
  'Transaction type',
  'Amount type',
  'Amount description',
  'Marketplace',
  // A whole number of the currency's minor units (cents): exact, and a number, never text.
  'Amount (minor units)',
  'Rows',
  'Category in Transactions',
  // Who remits the tax of the entry's lines (core/tax): Amazon, Seller, or blank.
  'Tax remitted by',
  // The lines' fulfilment channel (core/tracking/channel.ts): fba, merchant, mcf, or blank.
  'Fulfilment channel',
] as const;

/**
 * The hidden units tab: each settlement's units, one row per SKU × marketplace with its totals and
 * its days (`2025-08-01 3/0/0; …`: sold/returned/lines whose quantity was blank) (core/cogs).
 */
export const UNITS_COLUMNS = ['Settlement id', 'SKU', 'Marketplace', 'Sold', 'Returned', 'Quantity blank', 'Days (sold/returned/quantity blank)'] as const;

/** The Log tab's columns. */
export const LOG_COLUMNS = ['When', 'Who', 'What', 'Settlement id', 'Result', 'Details'] as const;

/** The hidden records tab: one row per record (settlement registry, posted records), its JSON in the value cells. */
export const RECORD_COLUMNS = ['Key', 'Value', 'Value (continued)', 'Value (continued)', 'Value (continued)'] as const;

/** The hidden list of the connected organisation's accounts and tax rates, for the Accounts dropdowns. */
export const XERO_LIST_COLUMNS = ['Account', 'Account status', 'Account class', 'Tax type', 'Tax status'] as const;

const DATE = 'yyyy-mm-dd';

const TEXT = '@';
const MONEY = '#,##0.00';

/** Every tab, in the order they are created. */
export const TABS: readonly TabLayout[] = [
  {
    role: 'settlements',
    name: 'Settlements',
    header: SETTLEMENT_COLUMNS,
    formats: { 7: MONEY },
    widths: { 1: 120, 2: 160, 11: 150, 12: 220 },
    maintained: true,
    hidden: false,
    note: 'One row per imported settlement. SettleSheet rewrites this tab: use the sidebar to import and post.',
  },
  {
    role: 'transactions',
    name: 'Transactions',
    header: TRANSACTION_COLUMNS,
    formats: { 2: '0', 3: DATE, 10: MONEY, 14: '0' },
    widths: { 1: 110, 4: 150, 6: 200, 7: 160, 8: 140 },
    maintained: true,
    hidden: false,
    note: 'Every settlement line, as imported. Filter (Data → Create a filter view) to trace a summary line to its orders. Category is refreshed when a preview finds the mapping changed.',
  },
  {
    role: 'mapping',
    name: 'Mapping',
    header: MAPPING_COLUMNS,
    formats: { [mappingColumn('Effective from')]: TEXT, [mappingColumn('Effective to')]: TEXT },
    widths: { 1: 160, 2: 150, 3: 230, [mappingColumn('Category')]: 170, [mappingColumn('Seen in')]: 180 },
    maintained: false,
    hidden: false,
    note: 'Which category each Amazon line belongs to. Blank (or *) matches anything; the most specific row wins. Tax remitted by: Amazon (it collects and remits that tax) or Seller (it goes on your return). Rows highlighted yellow were seen in an import and need a category. Dates: YYYY-MM-DD.',
  },
  {
    role: 'accounts',
    name: 'Accounts',
    header: ACCOUNT_COLUMNS,
    formats: { 3: TEXT, 4: TEXT, 5: TEXT, 6: TEXT },
    widths: { 1: 190, 5: 220, 6: 220, 7: 200, 8: 220 },
    maintained: false,
    hidden: false,
    note: 'Which Xero account and tax type each category posts to. Add a row with a marketplace or effective dates for exceptions (e.g. UK VAT on Amazon fees from 2024-08-01).',
  },
  {
    role: 'costs',
    name: 'Costs',
    header: COSTS_COLUMNS,
    // Plain text where people type (issue 14 §1: a typed `00123` or `=1+1` stays that SKU):
    // SettleSheet writes the SKUs and currencies it appends there WITHOUT an apostrophe; the units
    // and settlement it notes go apostrophe-written into General cells (cells.ts).
    formats: { 1: TEXT, 3: TEXT, 4: TEXT, 5: TEXT, 6: TEXT },
    widths: { 1: 170, 2: 90, 3: 70, 6: 220, 8: 180 },
    maintained: false,
    hidden: false,
    note: 'What one unit of each SKU cost you, for the cost of goods sold journal. A later row replaces an earlier one for its dates (YYYY-MM-DD). Rows highlighted yellow were seen in an import and need a unit cost. The cost must be in the currency of the settlements it is used for.',
  },
  {
    role: 'summary',
    name: 'Summary',
    header: [],
    widths: { 1: 200, 2: 140, 3: 200, 4: 110, 5: 110, 6: 80, 7: 420 },
    maintained: true,
    hidden: false,
    note: 'The summary of the settlement last previewed: what will be posted, line by line, and where each number comes from.',
  },
  {
    role: 'log',
    name: 'Log',
    header: LOG_COLUMNS,
    formats: { 1: DATETIME },
    widths: { 1: 140, 2: 180, 3: 120, 4: 120, 5: 90, 6: 520 },
    maintained: true,
    hidden: false,
    note: 'Every import and every post attempt.',
  },
  {
    role: 'aggregates',
    name: '_SettleSheet aggregates',
    header: AGGREGATE_COLUMNS,
    maintained: true,
    hidden: true,
    note: 'Internal: each settlement reduced to its totals per line type, so previews stay fast. Do not edit.',
  },
  {
    role: 'units',
    name: '_SettleSheet units',
    header: UNITS_COLUMNS,
    maintained: true,
    hidden: true,
    note: 'Internal: each settlement reduced to its units per SKU and day, for the cost of goods sold. Do not edit.',
  },
  {
    role: 'xero',
    name: '_SettleSheet Xero',
    header: XERO_LIST_COLUMNS,
    maintained: true,
    hidden: true,
    note: 'Internal: the connected organisation’s accounts and tax rates, for the Accounts dropdowns.',
  },
  {
    role: 'records',
    name: '_SettleSheet records',
    header: RECORD_COLUMNS,
    maintained: true,
    hidden: true,
    note: 'Internal: what SettleSheet knows about each settlement and what it posted to Xero. Do not edit.',
  },
];

/**
 * Columns older versions formatted `@` and wrote apostrophe-prefixed text into (role → 1-based
 * columns): the layout upgrade sets them back to General.
 */
export const FORMERLY_PLAIN_TEXT: Readonly<Partial<Record<TabRole, readonly number[]>>> = {
  settlements: [1],
  transactions: [1],
  log: [4],
  aggregates: [1, 2, 7],
  xero: [1, 4],
};

/** Costs columns that became plain text (`@`) in layout 5, found by header: people may have reordered them. */
export const COSTS_TEXT_COLUMNS = ['SKU', 'Currency'] as const;

/** The layout of a role. */
export function layoutOf(role: TabRole): TabLayout {
  return TABS.find((t) => t.role === role)!;
}

/** The number format for amounts in a currency with this many decimals. */
export function moneyFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}
