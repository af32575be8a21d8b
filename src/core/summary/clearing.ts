/**
 * The clearing of tax Amazon collects and remits itself: what it collected from buyers and what it
 * withheld again must cancel in every part, or the clearing account keeps a balance nobody owes.
 * A balance is reported (with the lines that make it) and blocks posting; it is never absorbed.
 */
import { addMinor, formatAmount, type Minor } from '../money';
import { FACILITATOR_TAX } from '../mapping/categories';
import { remitterText } from '../tax/classify';
import type { SettlementHeader } from '../settlement/types';
import { compareSource, type MappedEntry } from './lines';
import { partKeyOf } from './parts';
import type { ClearingBalance, LineSource, SplitMode } from './types';

const CLEARING = FACILITATOR_TAX.toLowerCase();

/** The parts (the whole settlement when it is not split) whose facilitator tax does not net to zero. */
export function clearingBalances(mapped: readonly MappedEntry[], header: SettlementHeader, split: SplitMode): ClearingBalance[] {
  const byPart = new Map<string, { amount: Minor; sources: Map<string, LineSource> }>();
  for (const m of mapped) {
    if (m.category.toLowerCase() !== CLEARING) continue;
    const key = partKeyOf(m.entry.postedDate, header, split);
    let part = byPart.get(key);
    if (!part) {
      part = { amount: 0, sources: new Map() };
      byPart.set(key, part);
    }
    part.amount = addMinor(part.amount, m.entry.amount);
    const { transactionType, amountType, amountDescription, remittedBy } = m.entry;
    const sourceKey = [transactionType, amountType, amountDescription, remittedBy].join('\t');
    const source = part.sources.get(sourceKey) ?? { transactionType, amountType, amountDescription, marketplace: '', remittedBy, category: m.category, rows: 0, amount: 0 };
    source.rows += m.entry.rows;
    source.amount = addMinor(source.amount, m.entry.amount);
    part.sources.set(sourceKey, source);
  }
  return [...byPart.entries()]
    .filter(([, part]) => part.amount !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, part]) => ({ part: key, amount: part.amount, sources: [...part.sources.values()].sort(compareSource) }));
}

/** Says what is left in the clearing account of a part, which lines make it, and what to do. */
export function clearingProblemText(balance: ClearingBalance, header: SettlementHeader, parts: number): string {
  const money = (m: Minor) => `${formatAmount(m, header.decimals)} ${header.currency}`;
  const where = parts > 1 ? ` in part ${balance.part}` : '';
  const lines = balance.sources
    .map((s) => `${s.transactionType} / ${s.amountType} / ${s.amountDescription}${s.remittedBy ? ` (tax remitted by ${remitterText(s.remittedBy)})` : ''}: ${money(s.amount)}`)
    .join('; ');
  return (
    `${FACILITATOR_TAX} does not net to zero${where}: ${money(balance.amount)} is left (${lines}). ` +
    'Tax Amazon collects and the tax it withholds again should cancel order by order. A withheld line with no tax line to cancel, ' +
    `or a Mapping row that sends other lines to ${FACILITATOR_TAX}, leaves a balance: check those rows, or map the odd lines ` +
    '(a Mapping row with effective dates can single out one day) to the category they belong to.'
  );
}
