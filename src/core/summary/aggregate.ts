/**
 * The compact form of a settlement that everything after parsing works from: one entry per
 * (transaction type, amount type, description, marketplace, fulfilment channel, posted date, who
 * remits the tax) with its amount and row count. A 100,000-line settlement has a few hundred
 * entries, so previews and posts cost the same whatever the file's size, and the mapping can
 * change without re-reading the lines. Who remits a tax line's tax needs the line's order, so it
 * is decided over the lines (core/tax) and kept in the key; the channel is the line's own
 * (core/tracking/channel.ts), kept so tracking by channel costs nothing more at preview.
 */
import { addMinor, type Minor } from '../money';
import type { LineKey } from '../mapping/types';
import type { Settlement, SettlementFormat, SettlementHeader, SettlementLine } from '../settlement/types';
import { classifyTax, sharesOf, TaxRole, type TaxClassification, type TaxRemitter } from '../tax/classify';
import { channelOf, type Channel } from '../tracking/channel';

/** The amount and row count of one key. */
export interface AggregateEntry extends LineKey {
  /** Who remits the tax of the lines in this entry ('' when they are not tax lines). */
  remittedBy: TaxRemitter;
  /** The lines' fulfilment channel ('' for account-level lines, and for aggregates stored before channels were kept). */
  channel: Channel;
  amount: Minor;
  rows: number;
}

/** What `AggregateBuilder.add` takes: a line's key fields and amount, its channel when known. */
export type AggregatedAmount = Pick<SettlementLine, Exclude<keyof LineKey, 'remittedBy'> | 'amount'> & { channel?: Channel };

/** A settlement reduced to its aggregate, with the facts needed to summarise and check it. */
export interface SettlementAggregate {
  source: string;
  format: SettlementFormat;
  header: SettlementHeader;
  /** Sorted by posted date, then the triple, then marketplace, so the same file gives the same list. */
  entries: AggregateEntry[];
  /** Settlement lines (amounts) aggregated. */
  lines: number;
  /** Data rows in the file, including any without an amount. */
  dataRows: number;
  rowsWithoutAmount: number;
}

type Level<T> = Map<string, T>;

/**
 * Accumulates lines into entries. Nested maps keyed by the (interned) field strings avoid
 * building a composite key string per line, which dominated the cost at a million lines.
 */
export class AggregateBuilder {
  // One tree per remitter: most lines carry no tax, and a tax line costs no longer key.
  private readonly roots: Record<TaxRemitter, Level<Level<Level<Level<Level<Level<AggregateEntry>>>>>>> = { '': new Map(), amazon: new Map(), seller: new Map() };
  private count = 0;

  /**
   * Adds one line's amount (or one share of it) to its entry. `rows` is how many lines it counts
   * as: a line split between Amazon and the seller counts once, in its seller share.
   */
  add(line: AggregatedAmount, remittedBy: TaxRemitter = '', rows = 1): void {
    const channel = line.channel ?? '';
    const byDate = child(child(child(child(child(this.roots[remittedBy], line.transactionType), line.amountType), line.amountDescription), line.marketplace), channel);
    const entry = byDate.get(line.postedDate);
    if (entry) {
      entry.amount = addMinor(entry.amount, line.amount);
      entry.rows += rows;
    } else {
      byDate.set(line.postedDate, {
        transactionType: line.transactionType,
        amountType: line.amountType,
        amountDescription: line.amountDescription,
        marketplace: line.marketplace,
        postedDate: line.postedDate,
        remittedBy,
        channel,
        amount: line.amount,
        rows,
      });
    }
    this.count += rows;
  }

  /** Lines added so far. */
  get lines(): number {
    return this.count;
  }

  /** The entries in their stable order. */
  entries(): AggregateEntry[] {
    const out: AggregateEntry[] = [];
    for (const root of Object.values(this.roots))
      for (const a of root.values())
        for (const b of a.values())
          for (const c of b.values())
            for (const d of c.values())
              for (const e of d.values())
                for (const f of e.values()) out.push({ ...f });
    return out.sort(compareEntries);
  }
}

function child<T>(level: Level<Level<T>>, key: string): Level<T> {
  let next = level.get(key);
  if (!next) {
    next = new Map();
    level.set(key, next);
  }
  return next;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders entries by posted date, then the triple, then marketplace, then who remits the tax, then channel. */
export function compareEntries(a: LineKey & { channel?: Channel }, b: LineKey & { channel?: Channel }): number {
  return (
    compareText(a.postedDate, b.postedDate) ||
    compareText(a.transactionType, b.transactionType) ||
    compareText(a.amountType, b.amountType) ||
    compareText(a.amountDescription, b.amountDescription) ||
    compareText(a.marketplace, b.marketplace) ||
    compareText(a.remittedBy ?? '', b.remittedBy ?? '') ||
    compareText(a.channel ?? '', b.channel ?? '')
  );
}

/** The fields of a line the aggregate is made from (a parsed line, or a staged row read back). */
export type AggregatedLine = Pick<SettlementLine, Exclude<keyof LineKey, 'remittedBy'> | 'amount' | 'orderId' | 'fulfillmentId'>;

/**
 * Reduces lines (in file order) to their aggregate entries and line count, classifying their tax
 * first unless `tax` is given. A server holding a settlement's staged lines derives the same
 * aggregate with this as the browser does.
 */
export function aggregateLines(lines: readonly AggregatedLine[], tax: TaxClassification = classifyTax(lines)): { entries: AggregateEntry[]; lines: number } {
  const builder = new AggregateBuilder();
  addLines(builder, lines, tax, 0, lines.length);
  return { entries: builder.entries(), lines: builder.lines };
}

// Lines added between two steps of `aggregateLinesInSteps`: tens of milliseconds on a page.
const LINES_PER_STEP = 100_000;

/**
 * `aggregateLines` as steps (core/steps.ts), yielding the fraction done every 100,000 lines, for a
 * page's thread that must not hold on while a million lines are added up.
 */
export function* aggregateLinesInSteps(lines: readonly AggregatedLine[], tax: TaxClassification): Generator<number, { entries: AggregateEntry[]; lines: number }, void> {
  const builder = new AggregateBuilder();
  for (let from = 0; from < lines.length; from += LINES_PER_STEP) {
    addLines(builder, lines, tax, from, Math.min(lines.length, from + LINES_PER_STEP));
    yield Math.min(1, (from + LINES_PER_STEP) / lines.length);
  }
  return { entries: builder.entries(), lines: builder.lines };
}

/** Adds lines `from` (inclusive) to `to` (exclusive) to the builder, each under its tax role. */
function addLines(builder: AggregateBuilder, lines: readonly AggregatedLine[], tax: TaxClassification, from: number, to: number): void {
  const { roles } = tax;
  // One object reused for every line: a million lines allocate nothing more for their channel.
  const keyed: AggregatedAmount & { channel: Channel } = { postedDate: '', transactionType: '', amountType: '', amountDescription: '', marketplace: '', amount: 0, channel: '' };
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    keyed.postedDate = line.postedDate;
    keyed.transactionType = line.transactionType;
    keyed.amountType = line.amountType;
    keyed.amountDescription = line.amountDescription;
    keyed.marketplace = line.marketplace;
    keyed.amount = line.amount;
    keyed.channel = channelOf(line);
    const role = roles[i] as TaxRole;
    if (role === TaxRole.None) builder.add(keyed);
    else if (role === TaxRole.Amazon) builder.add(keyed, 'amazon');
    else if (role === TaxRole.Seller) builder.add(keyed, 'seller');
    else {
      const [amazon, seller] = sharesOf(tax, i, line.amount);
      builder.add({ ...keyed, amount: amazon!.amount }, 'amazon', 0);
      builder.add({ ...keyed, amount: seller!.amount }, 'seller', 1);
    }
  }
}

/** Reduces a parsed settlement to its aggregate (`tax`: its lines' classification, when already made). */
export function aggregateSettlement(settlement: Settlement, tax?: TaxClassification): SettlementAggregate {
  return aggregateOf(settlement, aggregateLines(settlement.lines, tax));
}

/** `aggregateSettlement` as steps (see aggregateLinesInSteps). */
export function* aggregateSettlementInSteps(settlement: Settlement, tax: TaxClassification): Generator<number, SettlementAggregate, void> {
  return aggregateOf(settlement, yield* aggregateLinesInSteps(settlement.lines, tax));
}

function aggregateOf(settlement: Settlement, { entries, lines }: { entries: AggregateEntry[]; lines: number }): SettlementAggregate {
  return {
    source: settlement.source,
    format: settlement.format,
    header: settlement.header,
    entries,
    lines,
    dataRows: settlement.dataRows,
    rowsWithoutAmount: settlement.rowsWithoutAmount,
  };
}
