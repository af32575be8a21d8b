/**
 * How the sidebar says what a settlement is and what it posts, in a seller's words: a line type by
 * its description (the file's codes in small text), the deposit as money paid or taken, a summary
 * line by its category, a month carried forward in one sentence. Pure, so every sentence is tested.
 */
import type { PartDto, SummaryLineDto } from '../src/api/types';
import { monthWords as monthName } from '../src/core/words';
import { count, day, money } from './format';

/** Amazon's three words for a line type. */
export interface LineTypeWords {
  transactionType: string;
  amountType: string;
  amountDescription: string;
}

/** What a person calls a line type: its description, else the most specific word the file has. */
export function lineTypeName(t: LineTypeWords): string {
  return t.amountDescription || t.amountType || t.transactionType;
}

/** The file's own words for a line type, for the small print: `other-transaction / other-transaction / Storage Fee`. */
export function lineTypeCodes(t: LineTypeWords): string {
  return `${t.transactionType} / ${t.amountType} / ${t.amountDescription}`;
}

const negative = (amount: string) => amount.trim().startsWith('-');
const unsigned = (amount: string) => amount.trim().replace(/^-/, '');
const isZero = (amount: string) => /^-?0*(?:\.0*)?$/.test(amount.trim());

/** The settlement's total as money that moved: `866.41 USD paid`, `321.69 CAD taken`. */
export function settlementAmount(total: string, currency: string): string {
  if (isZero(total)) return money(unsigned(total), currency);
  return `${money(unsigned(total), currency)} ${negative(total) ? 'taken' : 'paid'}`;
}

/** Where the money went, in a sentence: paid into the bank, or taken from the seller's card. */
export function depositSentence(total: string, currency: string, depositDate: string): string {
  if (isZero(total)) return `Nothing was paid out: this settlement comes to ${money(unsigned(total), currency)}.`;
  return negative(total)
    ? `Amazon took ${money(unsigned(total), currency)} from your card on ${day(depositDate)}.`
    : `Amazon paid ${money(total, currency)} into your bank on ${day(depositDate)}.`;
}

/** `June 2025` from `2025-06` (said the same way in the Summary tab). */
export { monthWords as monthName } from '../src/core/words';

/** A summary line's heading: its categories, or where a carry goes. */
export function lineTitle(line: SummaryLineDto): string {
  if (line.kind === 'carry-out') return 'Carried forward to the next month';
  if (line.kind === 'carry-in') return 'Brought forward from the month before';
  return line.categories.join(' + ') || 'Not mapped';
}

/** The small print under a line: account, tax type (unless none), how many Amazon lines. */
export function lineDetails(line: SummaryLineDto): string {
  const account = line.accountName ? `${line.accountCode} ${line.accountName}` : `account ${line.accountCode}`;
  const tax = line.taxType && line.taxType.toUpperCase() !== 'NONE' ? ` · tax ${line.taxType}` : '';
  const rows = line.rows ? ` · ${count(line.rows, 'Amazon line')}` : '';
  return `${account}${tax}${rows}`;
}

/** The lines worth showing (not zero) and a note about the ones that are, if any. */
export function visibleLines(lines: readonly SummaryLineDto[], currency: string): { shown: SummaryLineDto[]; zeroNote: string | null } {
  const shown = lines.filter((l) => !isZero(l.amount));
  const zero = lines.filter((l) => isZero(l.amount));
  if (zero.length === 0) return { shown, zeroNote: null };
  const comes = zero.length === 1 ? 'comes' : 'come';
  return { shown, zeroNote: `Also ${count(zero.length, 'line')} that ${comes} to ${money(unsigned(zero[0]!.amount), currency)}: ${zero.map(lineTitle).join(', ')}.` };
}

/** The month before or after `YYYY-MM`. */
function monthBeside(key: string, step: 1 | -1): string {
  const m = /^(\d{4})-(\d{2})/.exec(key);
  if (!m) return key;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const negated = (amount: string) => (negative(amount) ? unsigned(amount) : `-${amount.trim()}`);

/**
 * One sentence for a month part of split mode `carry`: an earlier month whose net moves into the
 * next month (its document totals zero), or the last month that brings it in.
 */
export function carrySentence(part: PartDto, currency: string, status?: string): string | null {
  const out = part.lines.find((l) => l.kind === 'carry-out');
  const into = part.lines.find((l) => l.kind === 'carry-in');
  if (out) {
    const kind = negative(part.total) ? 'bill' : 'invoice';
    // The market tools approve a carried month at once: left as a draft, its sales and fees would be missing from the reports.
    const approved = status === 'AUTHORISED' ? ` It is created approved, as A2X and Link My Books do, so ${monthName(part.key)}'s sales and fees are in your reports.` : '';
    return (
      `The ${monthName(part.key)} lines come to ${money(negated(out.amount), currency)}. ` +
      `That is carried forward to ${monthName(monthBeside(part.key, 1))}, so this ${kind} totals ${money(unsigned(part.total), currency)}.${approved}`
    );
  }
  if (into) return `It includes ${money(into.amount, currency)} carried forward from ${monthName(monthBeside(part.key, -1))}, so it covers the whole settlement.`;
  return null;
}
