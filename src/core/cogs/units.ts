/**
 * Units per SKU from a settlement's lines: the compact aggregate cost of goods sold works from,
 * one entry per posted day × SKU × marketplace, so a preview costs the same whatever the file's size.
 *
 * Which lines count (what A2X and Link My Books do, from their help pages, in brackets; LMB's
 * "How to use the Cost of Goods Sold feature", help.linkmybooks.com/en/articles/2570701, and its
 * COGS FAQ, help.linkmybooks.com/en/articles/3780511; A2X's "Include refunds as returns",
 * support.a2xaccounting.com/en/articles/12065142):
 * - Sold: the item-price Principal line of an order (`Order × ItemPrice × Principal`), with its
 *   `quantity-purchased`. Only the Principal line counts, because the item's other lines (shipping,
 *   tax, fees) repeat the same quantity. (Both tools cost every SKU sold in the payout.)
 *   Liquidations (`Liquidations × ItemPrice × Principal`) count as sold too: SETTLESHEET'S OWN
 *   CHOICE, which neither tool's pages describe: the units leave the inventory for good, sold to
 *   the liquidator, so their cost moves to cost of goods sold with the liquidation's income.
 * - Returned: the item-price Principal line of a refund (`Refund × ItemPrice × Principal`): the
 *   unit is taken as back in stock, ALWAYS: SETTLESHEET'S DECISION. (A2X makes this opt-in: its
 *   "Include refunds as returns" setting, in beta, posts refund COGS on the refund date when a
 *   seller ticks it; Link My Books does not reverse COGS on refunds because the settlement cannot
 *   say whether a return was sellable.) SettleSheet counts them because most Amazon refunds are
 *   returns to sellable stock, and the reversal is shown per SKU so an unsellable return is one
 *   inventory adjustment the seller makes from Amazon's returns report. A-to-z and chargeback
 *   refunds are not returns: the buyer usually keeps the item.
 * - Not counted: replacements (Amazon ships them with no item price, so the settlement has no line
 *   for them), reimbursed lost or damaged units (FBA Inventory Reimbursement: the money is income,
 *   the unit left the inventory without a sale), removals and disposals (fees only). These are
 *   inventory adjustments from Amazon's inventory reports, as Link My Books advises for "lost,
 *   reimbursed, or disposed of inventory".
 * - A counted line whose quantity the file leaves blank (V1 never writes one on refunds) counts one
 *   unit, and is tallied in `assumed` so the preview can say so.
 */
import type { SettlementLine } from '../settlement/types';

/** Units of one SKU on one posted day in one marketplace. */
export interface UnitsEntry {
  /** `YYYY-MM-DD` */
  postedDate: string;
  /** As written in the file (blank when the line had none). */
  sku: string;
  marketplace: string;
  sold: number;
  returned: number;
  /** Counted lines whose quantity was blank, each taken as one unit. */
  assumed: number;
}

type Counted = 'sold' | 'returned';

const SOLD_TYPES = new Set(['order', 'liquidations']);

/** Whether a line counts units, and as what (see the module comment). */
export function unitsKindOf(line: Pick<SettlementLine, 'transactionType' | 'amountType' | 'amountDescription'>): Counted | undefined {
  if (line.amountType.toLowerCase() !== 'itemprice' || line.amountDescription.toLowerCase() !== 'principal') return undefined;
  const type = line.transactionType.toLowerCase();
  if (SOLD_TYPES.has(type)) return 'sold';
  return type === 'refund' ? 'returned' : undefined;
}

/** Accumulates lines into units entries (nested maps: no composite key string per line). */
export class UnitsBuilder {
  private readonly byDay = new Map<string, Map<string, Map<string, UnitsEntry>>>();

  /** Adds a line's units, if it counts any. */
  add(line: Pick<SettlementLine, 'transactionType' | 'amountType' | 'amountDescription' | 'postedDate' | 'sku' | 'marketplace' | 'quantity'>): void {
    const kind = unitsKindOf(line);
    if (!kind) return;
    let bySku = this.byDay.get(line.postedDate);
    if (!bySku) this.byDay.set(line.postedDate, (bySku = new Map()));
    let byMarketplace = bySku.get(line.sku);
    if (!byMarketplace) bySku.set(line.sku, (byMarketplace = new Map()));
    let entry = byMarketplace.get(line.marketplace);
    if (!entry) {
      entry = { postedDate: line.postedDate, sku: line.sku, marketplace: line.marketplace, sold: 0, returned: 0, assumed: 0 };
      byMarketplace.set(line.marketplace, entry);
    }
    const units = line.quantity ?? 1;
    if (line.quantity === undefined) entry.assumed++;
    entry[kind] += units;
  }

  /** The entries by posted date, then SKU, then marketplace. */
  entries(): UnitsEntry[] {
    const out: UnitsEntry[] = [];
    for (const bySku of this.byDay.values()) for (const byMarketplace of bySku.values()) for (const e of byMarketplace.values()) out.push({ ...e });
    return out.sort(compareUnits);
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders entries by posted date, SKU, then marketplace. */
export function compareUnits(a: UnitsEntry, b: UnitsEntry): number {
  return compareText(a.postedDate, b.postedDate) || compareText(a.sku, b.sku) || compareText(a.marketplace, b.marketplace);
}

/** The units aggregate of a settlement's lines. */
export function unitsOfLines(lines: Iterable<Pick<SettlementLine, 'transactionType' | 'amountType' | 'amountDescription' | 'postedDate' | 'sku' | 'marketplace' | 'quantity'>>): UnitsEntry[] {
  const builder = new UnitsBuilder();
  for (const line of lines) builder.add(line);
  return builder.entries();
}

/** The rows a settlement's units take in the units tab: one per SKU × marketplace. */
export function unitRowsOf(units: readonly { sku: string; marketplace: string }[]): number {
  return new Set(units.map((u) => `${u.sku}\t${u.marketplace}`)).size;
}
