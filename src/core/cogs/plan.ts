/**
 * Cost of goods sold for a summarised settlement: units by SKU in each part, each SKU's cost from
 * the Costs table, and one balanced manual journal per part (debit Cost of goods sold, credit
 * Inventory) dated like the part's document. Nothing is rounded: units × a cost exact in the
 * currency's decimals is exact. A SKU without a cost, a cost in another currency, a Costs row
 * that cannot be read or a missing account stops the journals (never the invoices), each said in
 * words a seller can act on.
 */
import { COGS_CATEGORY, INVENTORY_CATEGORY } from '../mapping/categories';
import { createMatcher, type Matcher } from '../mapping/match';
import type { Mapping } from '../mapping/types';
import { addMinor, amountToNumber, formatAmount, type Minor } from '../money';
import { dayOf, partKeyOf, partRange } from '../summary/parts';
import type { SettlementSummary } from '../summary/types';
import type { DocumentStatus } from '../xero/invoice';
import { invoiceNumberFor } from '../xero/documents';
import { costBook, type CostBook, type CostsReading, type SkuCost } from './costs';
import { journalStatusFor, XeroManualJournalSchema, type XeroJournalLine, type XeroManualJournal } from './journal';
import type { UnitsEntry } from './units';

export { COGS_CATEGORY, INVENTORY_CATEGORY };

/** One SKU in a part: its units and, when its cost is known, what they cost. */
export interface CogsSku {
  sku: string;
  sold: number;
  returned: number;
  /** Sold minus returned: what leaves the inventory. */
  net: number;
  /** Counted lines whose quantity was blank (each one unit). */
  assumed: number;
  /** The unit cost, when one cost applies to every unit in the part. */
  unitCost?: Minor;
  /** The Costs rows used, for tracing. */
  costRows: number[];
  /** net × cost, summed over the days; undefined while a cost is missing. */
  amount?: Minor;
}

/** A part's units and cost. */
export interface CogsPart {
  key: string;
  from: string;
  to: string;
  /** The date of the part's document, and of its journal. */
  documentDate: string;
  skus: CogsSku[];
  sold: number;
  returned: number;
  net: number;
  /** Σ of the SKUs' amounts; undefined while a cost is missing. */
  amount?: Minor;
}

/** A journal ready to send, with the part it came from. */
export interface PlannedJournal {
  part: string;
  /** Names the journal and starts its narration (`AMZ-123-2025-06-COGS`); Xero finds it by narration. */
  key: string;
  /** Moved from inventory to cost of goods sold (negative when returns exceed sales). */
  total: Minor;
  journal: XeroManualJournal;
  /** Each journal line's Accounts tab category and exact amount, in the order of JournalLines. */
  lines: { category: string; amount: Minor }[];
}

/** A SKU whose units have no cost on a day they were posted. */
export interface MissingCost {
  sku: string;
  /** Net units without a cost. */
  units: number;
  /** The first day one was posted without a cost. */
  date: string;
}

/** The cost of goods sold of a settlement. */
export interface CogsPlan {
  parts: CogsPart[];
  /** One per part whose units cost something; empty whenever `problems` is not. */
  journals: PlannedJournal[];
  missing: MissingCost[];
  /** Why no journal can be posted; empty when the journals are ready. */
  problems: string[];
  /** Worth knowing, not blocking (quantities taken as one, units without a SKU). */
  notes: string[];
}

/** What shapes the journals but not the numbers. */
export interface CogsSettings {
  status: DocumentStatus;
  /** A link Xero shows on the journal (the workbook), when there is one. */
  sourceUrl?: string;
}

/** Units of one part, before costing, with the days and marketplaces they came on. */
interface PartUnits {
  key: string;
  entries: UnitsEntry[];
}

/** Works out the cost of goods sold of a summarised settlement (see the module comment). */
export function planCogs(summary: SettlementSummary, units: readonly UnitsEntry[], costs: CostsReading, mapping: Mapping, settings: CogsSettings): CogsPlan {
  const { header } = summary;
  const plan: CogsPlan = { parts: [], journals: [], missing: [], problems: costs.problems.map((p) => p.message), notes: [] };
  const book = costBook(costs.rows);
  const matcher = createMatcher(mapping);
  const foreign = new Map<string, SkuCost>();
  const missing = new Map<string, MissingCost>();
  const grouped = partsOf(summary, units.filter((u) => u.sku !== ''));
  const keys = grouped.map((g) => g.key);
  const reported = new Set<string>();
  const report = (key: string, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    plan.problems.push(message);
  };

  for (const group of grouped) {
    const range = rangeOf(summary, group, keys);
    const bySku = new Map<string, CogsSku>();
    const lines = new JournalLines(matcher, report);
    for (const entry of group.entries) {
      let sku = bySku.get(entry.sku);
      if (!sku) bySku.set(entry.sku, (sku = { sku: entry.sku, sold: 0, returned: 0, net: 0, assumed: 0, costRows: [], amount: 0 }));
      const net = entry.sold - entry.returned;
      sku.sold += entry.sold;
      sku.returned += entry.returned;
      sku.net += net;
      sku.assumed += entry.assumed;
      if (net === 0) continue;
      const cost = book.costOf(entry.sku, entry.postedDate);
      if (!cost || cost.currency !== header.currency) {
        if (cost) foreign.set(entry.sku, cost);
        else noteMissing(missing, entry, net);
        delete sku.amount;
        continue;
      }
      if (!sku.costRows.includes(cost.row)) sku.costRows.push(cost.row);
      const amount = net * cost.unitCost;
      if (!Number.isSafeInteger(amount)) throw new RangeError('Amount too large to multiply exactly');
      if (sku.amount !== undefined) sku.amount = addMinor(sku.amount, amount);
      lines.add(entry, amount);
    }
    const skus = [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    for (const s of skus) {
      const rows = costs.rows.filter((r) => s.costRows.includes(r.row));
      if (rows.length > 0 && rows.every((r) => r.unitCost === rows[0]!.unitCost)) s.unitCost = rows[0]!.unitCost;
    }
    const part: CogsPart = { key: group.key, ...range, skus, sold: sum(skus, 'sold'), returned: sum(skus, 'returned'), net: sum(skus, 'net') };
    if (skus.every((s) => s.amount !== undefined)) part.amount = skus.reduce<Minor>((t, s) => addMinor(t, s.amount!), 0);
    plan.parts.push(part);
    const journal = lines.journal(summary, part, settings);
    if (journal) plan.journals.push(journal);
  }

  plan.missing = [...missing.values()];
  // A SKU with cost rows for other days is not highlighted (its rows have costs): it is told apart.
  const costed = new Set(costs.rows.map((r) => r.sku));
  const unlisted = plan.missing.filter((m) => !costed.has(m.sku));
  const undated = plan.missing.filter((m) => costed.has(m.sku));
  if (unlisted.length > 0) plan.problems.push(missingCostsText(unlisted));
  if (undated.length > 0) plan.problems.push(uncoveredDaysText(undated));
  for (const [sku, cost] of foreign) {
    plan.problems.push(
      `SKU ${sku} costs ${formatAmount(cost.unitCost, cost.decimals)} ${cost.currency} (Costs row ${cost.row}), but settlement ${header.settlementId} is in ${header.currency}. ` +
        `Add a row with its cost in ${header.currency}: SettleSheet does not convert costs between currencies.`,
    );
  }
  plan.problems = [...new Set(plan.problems)];
  if (plan.problems.length > 0) plan.journals = [];
  addNotes(plan, units);
  return plan;
}

function sum(skus: CogsSku[], field: 'sold' | 'returned' | 'net'): number {
  return skus.reduce((t, s) => t + s[field], 0);
}

function noteMissing(missing: Map<string, MissingCost>, entry: UnitsEntry, net: number): void {
  const known = missing.get(entry.sku);
  if (known) {
    known.units += net;
    if (entry.postedDate < known.date) known.date = entry.postedDate;
  } else {
    missing.set(entry.sku, { sku: entry.sku, units: net, date: entry.postedDate });
  }
}

/**
 * Units grouped into the parts the summary splits the settlement into (by month, or one), the way
 * the summary places lines: one posted outside the period counts in its first or last part.
 */
function partsOf(summary: SettlementSummary, units: readonly UnitsEntry[]): PartUnits[] {
  const byKey = new Map<string, UnitsEntry[]>();
  for (const u of units) {
    const key = partKeyOf(u.postedDate, summary.header, summary.split);
    const list = byKey.get(key);
    if (list) list.push(u);
    else byKey.set(key, [u]);
  }
  return [...byKey.keys()].sort().map((key) => ({ key, entries: byKey.get(key)! }));
}

/** A part's days and document date: the summary's own when it has the part, else by its rules. */
function rangeOf(summary: SettlementSummary, group: PartUnits, keys: string[]): { from: string; to: string; documentDate: string } {
  const known = summary.parts.find((p) => p.key === group.key);
  if (known) return { from: known.from, to: known.to, documentDate: known.documentDate };
  const range = partRange(summary.header, summary.split === 'off' ? undefined : group.key);
  const last = [...keys, ...summary.parts.map((p) => p.key)].sort().pop() === group.key;
  return { ...range, documentDate: last ? dayOf(summary.header.end) : range.to };
}

/** The journal lines of one part: per account and tax type, debits for the cost, credits for the inventory. */
interface LineTotal {
  accountCode: string;
  taxType: string;
  amount: Minor;
  sold: number;
  returned: number;
}

/** `3 units sold, 1 returned`, `1 unit returned`. */
function unitWords(sold: number, returned: number): string {
  const units = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;
  if (returned === 0) return `${units(sold)} sold`;
  return sold === 0 ? `${units(returned)} returned` : `${units(sold)} sold, ${returned} returned`;
}

class JournalLines {
  private readonly cogs = new Map<string, LineTotal>();
  private readonly inventory = new Map<string, LineTotal>();

  constructor(
    private readonly matcher: Matcher,
    /** Notes a problem once per key (the same missing account on many days is one question). */
    private readonly report: (key: string, message: string) => void,
  ) {}

  add(entry: UnitsEntry, amount: Minor): void {
    this.post(this.cogs, COGS_CATEGORY, entry, amount);
    this.post(this.inventory, INVENTORY_CATEGORY, entry, -amount);
  }

  private post(into: Map<string, LineTotal>, category: string, entry: UnitsEntry, amount: Minor): void {
    const answer = this.matcher.accountFor(category, entry.marketplace, entry.postedDate);
    if (answer.kind === 'missing') {
      const where = entry.marketplace ? ` on ${entry.marketplace}` : '';
      this.report(`${category}\t${entry.marketplace}`.toLowerCase(), `The category "${category}"${where} has no account for ${entry.postedDate}. Add a row for it in the Accounts tab.`);
      return;
    }
    if (answer.kind === 'conflict') {
      const rows = answer.conflict.candidates.map((k) => `${k.origin} says ${k.answer}`).join('; ');
      this.report(rows, `Accounts disagrees for ${answer.conflict.subject}: ${rows}. Make one row more specific or delete one.`);
      return;
    }
    const { accountCode, taxType } = answer.account;
    const k = `${accountCode}\t${taxType}`;
    const line = into.get(k);
    if (line) {
      line.amount = addMinor(line.amount, amount);
      line.sold += entry.sold;
      line.returned += entry.returned;
    } else {
      into.set(k, { accountCode, taxType, amount, sold: entry.sold, returned: entry.returned });
    }
  }

  /** The part's journal, or undefined when its units cost nothing. */
  journal(summary: SettlementSummary, part: CogsPart, settings: CogsSettings): PlannedJournal | undefined {
    const { header } = summary;
    const id = header.settlementId;
    const when = `${part.from} to ${part.to}`;
    const key = `${invoiceNumberFor(id, part.key, summary.parts.length)}-COGS`;
    const skuCount = part.skus.filter((s) => s.net !== 0).length;
    const describe = (lead: string, l: LineTotal) => `${lead}: ${unitWords(l.sold, l.returned)} (Amazon settlement ${id}, ${when})`;
    const kept = [
      ...[...this.cogs.values()].map((l) => ({ l, lead: 'Cost of goods sold', category: COGS_CATEGORY })),
      ...[...this.inventory.values()].map((l) => ({ l, lead: 'Inventory sold', category: INVENTORY_CATEGORY })),
    ].filter(({ l }) => l.amount !== 0);
    const journalLines: XeroJournalLine[] = kept
      .map(({ l, lead }) => ({
        Description: describe(lead, l),
        LineAmount: amountToNumber(l.amount, header.decimals),
        AccountCode: l.accountCode,
        TaxType: l.taxType,
      }));
    if (journalLines.length < 2) return undefined;
    let total: Minor = 0;
    let balance: Minor = 0;
    for (const l of this.cogs.values()) total = addMinor(total, l.amount);
    for (const l of [...this.cogs.values(), ...this.inventory.values()]) balance = addMinor(balance, l.amount);
    if (balance !== 0) throw new Error(`SettleSheet built an unbalanced journal for part ${part.key} (off by ${balance} minor units). This is a bug.`);
    const partWords = summary.parts.length > 1 ? `, part ${part.key}` : '';
    const journal: XeroManualJournal = {
      Narration: `${key} Cost of goods sold, Amazon settlement ${id}${partWords} (${when}): ${skuCount} SKU${skuCount === 1 ? '' : 's'}, ${unitWords(part.sold, part.returned)}`,
      Date: part.documentDate,
      Status: journalStatusFor(settings.status),
      LineAmountTypes: 'NoTax',
      ...(settings.sourceUrl ? { Url: settings.sourceUrl } : {}),
      JournalLines: journalLines,
    };
    const checked = XeroManualJournalSchema.safeParse(journal);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`SettleSheet built an invalid Xero journal for part ${part.key} (${where}). This is a bug.`);
    }
    return { part: part.key, key, total, journal, lines: kept.map((k) => ({ category: k.category, amount: k.l.amount })) };
  }
}

/** Notes on how units were counted: quantities the file left blank, units without a SKU. */
function addNotes(plan: CogsPlan, units: readonly UnitsEntry[]): void {
  const assumed = units.reduce((t, u) => t + u.assumed, 0);
  if (assumed > 0) {
    plan.notes.push(
      `${assumed} order or refund line${assumed === 1 ? '' : 's'} carried no quantity (the old V1 format never writes one on refunds): each was counted as one unit.`,
    );
  }
  const withoutSku = units.filter((u) => u.sku === '').reduce((t, u) => t + u.sold - u.returned, 0);
  if (withoutSku !== 0) plan.notes.push(`${withoutSku} unit${Math.abs(withoutSku) === 1 ? '' : 's'} on lines without a SKU cannot be costed and are left out.`);
}

/** SKUs named when costs are missing; the rest are counted (the preview lists each with its units). */
const MISSING_NAMED = 3;

/** A SKU list in one phrase: the first few named, the rest counted. */
function skuList(missing: readonly MissingCost[]): string {
  const named = missing.slice(0, MISSING_NAMED).map((m) => m.sku);
  return missing.length > MISSING_NAMED ? `${named.join(', ')} and ${missing.length - MISSING_NAMED} more` : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/** For SKUs whose Costs rows cover other days only: their rows are not highlighted, so the words say which days to add. */
function uncoveredDaysText(missing: readonly MissingCost[]): string {
  if (missing.length === 1) {
    const m = missing[0]!;
    return (
      `No cost for SKU ${m.sku} from ${m.date} (${m.units} unit${Math.abs(m.units) === 1 ? '' : 's'} net of returns): its rows in the Costs tab cover other days. ` +
      `Add a row with its unit cost from ${m.date} (Effective from).`
    );
  }
  return `No cost for ${missing.length} SKUs (${skuList(missing)}) on the days they were sold: their rows in the Costs tab cover other days. Add a row for each with its unit cost and the days it covers.`;
}

/** One short sentence for every SKU without a cost: a seller with a new catalogue reads it once, not once per SKU. */
function missingCostsText(missing: readonly MissingCost[]): string {
  if (missing.length === 1) {
    const m = missing[0]!;
    return `No cost yet for SKU ${m.sku} (${m.units} unit${Math.abs(m.units) === 1 ? '' : 's'} net of returns, from ${m.date}). Add its unit cost in the Costs tab, where its row is highlighted.`;
  }
  return `No cost yet for ${missing.length} SKUs (${skuList(missing)}). Add their unit costs in the Costs tab, where their rows are highlighted.`;
}
