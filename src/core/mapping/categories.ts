/**
 * The categories SettleSheet ships with, and where each one sits in the walk from gross sales to
 * the net deposit. People may add their own categories; those fall in the `other` group.
 */

/** A step of the reconciliation from gross sales to the deposit, in display order. */
export type ReconciliationGroup =
  | 'sales'
  | 'refunds'
  | 'promotions'
  | 'fees'
  | 'advertising'
  | 'reimbursements'
  | 'tax'
  | 'ownTax'
  | 'reserves'
  | 'transfers'
  | 'other'
  | 'unmapped';

/** Labels of the reconciliation steps, in the order they are shown. */
export const RECONCILIATION_STEPS: readonly { group: ReconciliationGroup; label: string }[] = [
  { group: 'sales', label: 'Gross sales' },
  { group: 'refunds', label: 'Refunds' },
  { group: 'promotions', label: 'Promotions' },
  { group: 'fees', label: 'Amazon fees' },
  { group: 'advertising', label: 'Advertising' },
  { group: 'reimbursements', label: 'Reimbursements' },
  { group: 'ownTax', label: 'Tax on your own return' },
  { group: 'tax', label: 'Sales tax collected by Amazon' },
  { group: 'reserves', label: 'Reserves' },
  { group: 'transfers', label: 'Transfers and loans' },
  { group: 'other', label: 'Other categories' },
  { group: 'unmapped', label: 'Not mapped yet' },
];

/** A built-in category. */
export interface CategoryInfo {
  name: string;
  group: ReconciliationGroup;
  /**
   * Money that is not income or expense (reserves, transfers, loans, tax held for the
   * authorities): it must post to a balance-sheet account, never to profit and loss.
   */
  balanceSheet: boolean;
  /** What belongs here, for the Accounts tab. */
  description: string;
}

/** The category every earlier month part moves its net into when the split mode is `carry`. */
export const CARRIED_FORWARD = 'Carried forward';

/**
 * The clearing category of tax Amazon collects and remits itself: what it collected from buyers
 * and what it withheld again must net to zero (summary/clearing.ts checks it).
 */
export const FACILITATOR_TAX = 'Marketplace facilitator tax';

/**
 * Sales, refunds and promotions of orders whose tax Amazon remits entirely (core/tax): the seller
 * owes no output tax on them, so a template codes them without it. The market tools keep them in
 * a group of their own (Link My Books: "Sales shipped to UK - Marketplace Responsible for VAT").
 */
export const REMITTED_SALES = 'Sales, tax remitted by Amazon';
/** Refunds of orders whose tax Amazon remitted. */
export const REMITTED_REFUNDS = 'Refunds, tax remitted by Amazon';
/** Promotions on orders whose tax Amazon remits: they discount a sale that carries no output tax. */
export const REMITTED_PROMOTIONS = 'Promotions, tax remitted by Amazon';

/** Cost of goods sold (profit and loss): the cost of the units a settlement sold (see core/cogs). */
export const COGS_CATEGORY = 'Cost of goods sold';
/** Inventory (balance sheet): what the units sold are taken out of. */
export const INVENTORY_CATEGORY = 'Inventory';

/** The built-in categories, in reconciliation order. */
export const CATEGORIES: readonly CategoryInfo[] = [
  { name: 'Sales', group: 'sales', balanceSheet: false, description: 'Item price, shipping and gift wrap charged to buyers' },
  { name: REMITTED_SALES, group: 'sales', balanceSheet: false, description: 'Sales of orders whose tax Amazon collects and remits itself (US sales tax, UK/EU deemed-supplier VAT, AU low-value goods GST): no output tax is yours' },
  { name: 'Refunds', group: 'refunds', balanceSheet: false, description: 'Item price, shipping and gift wrap given back to buyers' },
  { name: REMITTED_REFUNDS, group: 'refunds', balanceSheet: false, description: 'Refunds of orders whose tax Amazon remitted' },
  { name: 'Promotions', group: 'promotions', balanceSheet: false, description: 'Promotion and coupon discounts funded by the seller' },
  { name: REMITTED_PROMOTIONS, group: 'promotions', balanceSheet: false, description: 'Promotions on orders whose tax Amazon remits' },
  { name: 'Seller fees', group: 'fees', balanceSheet: false, description: 'Referral commission, closing fees, subscription and other selling fees' },
  { name: 'FBA fees', group: 'fees', balanceSheet: false, description: 'Fulfilment, inbound transport, removal and disposal fees' },
  { name: 'Storage', group: 'fees', balanceSheet: false, description: 'FBA monthly, long-term and low-inventory storage fees' },
  { name: 'Postage', group: 'fees', balanceSheet: false, description: 'Buy Shipping labels bought through Amazon (postage is often VAT-exempt)' },
  { name: 'Advertising', group: 'advertising', balanceSheet: false, description: 'Sponsored products, coupon and deal fees and other advertising charges' },
  { name: 'Reimbursements', group: 'reimbursements', balanceSheet: false, description: 'Amazon paying back lost, damaged or mis-charged inventory and fees' },
  // Tax the seller accounts for: mapped into the sales (or fee) account with a tax rate, Xero
  // records it as that line's tax (the document states it exactly); mapped to a liability, it
  // waits there for the return (North America).
  { name: 'Tax on sales', group: 'ownTax', balanceSheet: false, description: 'Sales tax, GST/HST or VAT charged to buyers that you report and pay (no withheld line: Amazon did not remit it)' },
  { name: 'Tax on refunds', group: 'ownTax', balanceSheet: false, description: 'The same tax given back to buyers on refunds' },
  { name: 'Tax on fees', group: 'ownTax', balanceSheet: false, description: 'Tax Amazon charged on its fees or advertising where the file states it (e.g. GST/HST on Amazon.ca ads)' },
  { name: FACILITATOR_TAX, group: 'tax', balanceSheet: true, description: 'Sales tax / VAT Amazon collects and remits: the collected and withheld lines net to zero in a clearing account' },
  { name: 'Reserved balances', group: 'reserves', balanceSheet: true, description: 'Amounts Amazon holds back and later releases' },
  { name: 'Transfers', group: 'transfers', balanceSheet: true, description: 'Card charges, payable to Amazon, failed disbursements and other money moving between you and Amazon' },
  { name: 'Loans', group: 'transfers', balanceSheet: true, description: 'Amazon Lending repayments' },
  { name: CARRIED_FORWARD, group: 'reserves', balanceSheet: true, description: 'Month-end carry of a settlement that spans months (split mode "carry")' },
  // The cost of goods sold journal's two sides; no Amazon line maps to them.
  { name: COGS_CATEGORY, group: 'other', balanceSheet: false, description: 'The cost of the units sold (the journal\'s debit): an expense or direct costs account' },
  { name: INVENTORY_CATEGORY, group: 'other', balanceSheet: true, description: 'Stock the units sold are taken out of (the journal\'s credit): an inventory or current asset account' },
];

const BY_NAME = new Map(CATEGORIES.map((c) => [c.name.toLowerCase(), c]));

/** The built-in category with this name (any case), or undefined for a user's own category. */
export function builtInCategory(name: string): CategoryInfo | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** The reconciliation group a category belongs to (`other` for a user's own category). */
export function categoryGroup(name: string): ReconciliationGroup {
  return builtInCategory(name)?.group ?? 'other';
}

const REMITTED_BASES = new Map<string, string>([
  [REMITTED_SALES.toLowerCase(), 'Sales'],
  [REMITTED_REFUNDS.toLowerCase(), 'Refunds'],
  [REMITTED_PROMOTIONS.toLowerCase(), 'Promotions'],
]);

/** The plain category of a tax-remitted-by-Amazon one (`Sales, tax remitted by Amazon` → `Sales`), else undefined. */
export function remittedBase(category: string): string | undefined {
  return REMITTED_BASES.get(category.trim().toLowerCase());
}
