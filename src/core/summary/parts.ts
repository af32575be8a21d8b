/**
 * Month parts. Posted dates are UTC calendar dates (`YYYY-MM-DD`), so the month of a line is its
 * first seven characters. A settlement's documents stay inside its own period: a line posted
 * before its start is posted in its first part, one after its end in its last, so there is never
 * a part for a month outside the period nor a document dated outside it (the preview lists those
 * lines, see `outsidePeriodOf`).
 */
import { addMinor } from '../money';
import type { SettlementHeader } from '../settlement/types';
import type { AggregateEntry, SettlementAggregate } from './aggregate';
import { linesOf, type MappedEntry } from './lines';
import type { OutsidePeriod, SplitMode, SummaryPart } from './types';

/** The `YYYY-MM` month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The UTC calendar date of an ISO instant. */
export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** The day a line counts on for parts: its posted date, moved into the settlement's period. */
export function periodDay(postedDate: string, header: SettlementHeader): string {
  return min(max(postedDate, dayOf(header.start)), dayOf(header.end));
}

/** The part a line belongs to: its month within the period, or the end month when not split. */
export function partKeyOf(postedDate: string, header: SettlementHeader, split: SplitMode): string {
  return monthOf(split === 'off' ? dayOf(header.end) : periodDay(postedDate, header));
}

/** The days a part covers: its month clipped to the settlement period (the whole period unsplit). */
export function partRange(header: SettlementHeader, month: string | undefined): { from: string; to: string } {
  const from = dayOf(header.start);
  const to = dayOf(header.end);
  if (month === undefined) return { from, to };
  return { from: max(`${month}-01`, from), to: min(lastDayOfMonth(month), to) };
}

/** Groups mapped entries into parts and, within a part, into lines per account and tax type. */
export function buildParts(aggregate: SettlementAggregate, mapped: MappedEntry[], split: SplitMode): SummaryPart[] {
  const { header } = aggregate;
  const byPart = new Map<string, MappedEntry[]>();
  for (const m of mapped) {
    const key = partKeyOf(m.entry.postedDate, header, split);
    const list = byPart.get(key);
    if (list) list.push(m);
    else byPart.set(key, [m]);
  }
  const keys = [...byPart.keys()].sort();
  return keys.map((key, i) => {
    const range = partRange(header, split === 'off' ? undefined : key);
    const lines = linesOf(byPart.get(key)!);
    let total = 0;
    for (const l of lines) total = addMinor(total, l.amount);
    const documentDate = i === keys.length - 1 ? dayOf(header.end) : range.to;
    return { key, ...range, documentDate, lines, total };
  });
}

/** The lines posted before the period's start and after its end, with the part each side went to. */
export function outsidePeriodOf(entries: readonly AggregateEntry[], header: SettlementHeader, split: SplitMode): OutsidePeriod[] {
  const start = dayOf(header.start);
  const end = dayOf(header.end);
  const sides = new Map<'before' | 'after', OutsidePeriod>();
  for (const e of entries) {
    const side = e.postedDate < start ? 'before' : e.postedDate > end ? 'after' : undefined;
    if (side === undefined) continue;
    const found = sides.get(side);
    if (found) {
      found.rows += e.rows;
      found.amount = addMinor(found.amount, e.amount);
      found.first = min(found.first, e.postedDate);
      found.last = max(found.last, e.postedDate);
    } else {
      sides.set(side, { side, rows: e.rows, amount: e.amount, first: e.postedDate, last: e.postedDate, part: partKeyOf(e.postedDate, header, split) });
    }
  }
  return (['before', 'after'] as const).flatMap((side) => sides.get(side) ?? []);
}
