/**
 * What SettleSheet takes from a settlement file, one set of limits for the browser and the server:
 * the sidebar checks a file against them before anything is sent, and the server checks every
 * request against the same ones, so a file is refused in the same words on both sides (naming the
 * file, line and column) whether the browser caught it or a modified page let it through.
 */
import { formatAmount, type Minor } from '../core/money';
import { DOWNLOAD_AGAIN, quoteCell, settlementProblem, UPLOAD_THE_SETTLEMENT } from '../core/settlement/problems';
import type { Settlement } from '../core/settlement/types';
import { finishSteps } from '../core/steps';

/** The most characters a text cell of a settlement line may hold (a SKU, a description…). */
export const MAX_TEXT_CHARACTERS = 500;
/** A settlement id as Amazon writes them (digits), with room to spare; it names records and rows. */
export const SETTLEMENT_ID = /^[A-Za-z0-9_-]{1,40}$/;
/** The most lines one settlement may have (a spreadsheet holds 10 million cells). */
export const MAX_LINES = 5_000_000;
/** The most a settlement's amounts may add up to, all taken as positive: what adds exactly (minor units). */
export const MAX_SUM_OF_AMOUNTS: Minor = Number.MAX_SAFE_INTEGER;

/** The text fields of a line, with the column Amazon names each by. */
export const LINE_TEXT_COLUMNS = {
  transactionType: 'transaction-type',
  amountType: 'amount-type',
  amountDescription: 'amount-description',
  orderId: 'order-id',
  sku: 'sku',
  marketplace: 'marketplace-name',
  fulfillmentId: 'fulfillment-id',
} as const;

/** A line's text fields, by name. */
export type LineText = Record<keyof typeof LINE_TEXT_COLUMNS, string>;

/** Why a settlement id cannot be taken (the summary row is the file's line 2), or undefined. */
export function settlementIdProblem(source: string, settlementId: string): string | undefined {
  if (SETTLEMENT_ID.test(settlementId)) return undefined;
  return settlementProblem(
    'bad-summary', source,
    `${quoteCell(settlementId)} is not a settlement id (Amazon's are digits: at most 40 letters, digits, - or _).`,
    UPLOAD_THE_SETTLEMENT, 2, 'settlement-id',
  ).message;
}

/** Why a line's text cannot be taken (a cell over the limit), or undefined. */
export function lineTextProblem(source: string, line: number, text: LineText): string | undefined {
  for (const [field, column] of Object.entries(LINE_TEXT_COLUMNS) as [keyof LineText, string][]) {
    const value = text[field];
    if (value.length <= MAX_TEXT_CHARACTERS) continue;
    return settlementProblem(
      'too-long', source,
      `This cell holds ${value.length.toLocaleString('en-US')} characters; SettleSheet takes at most ${MAX_TEXT_CHARACTERS} characters in a cell of a settlement line.`,
      DOWNLOAD_AGAIN, line, column,
    ).message;
  }
  return undefined;
}

/**
 * Adds a line's amount (taken as positive) to a running sum; the problem when the sum passes what
 * adds exactly, named at the line where it does.
 */
export function addToSumOfAmounts(sum: Minor, amount: Minor, source: string, line: number, currency: string, decimals: number): Minor | { problem: string } {
  const next = sum + Math.abs(amount);
  if (next <= MAX_SUM_OF_AMOUNTS) return next;
  return {
    problem: settlementProblem(
      'bad-amount', source,
      `The amounts up to this line add up past ${formatAmount(MAX_SUM_OF_AMOUNTS, decimals)} ${currency}, more than SettleSheet can add exactly: this is not a real settlement.`,
      DOWNLOAD_AGAIN, line, 'amount',
    ).message,
  };
}

/** Everything the limits find in a parsed settlement, first found first (at most `max`). */
export function settlementLimitProblems(settlement: Settlement, max = 20): string[] {
  return finishSteps(settlementLimitProblemsInSteps(settlement, max));
}

/** Lines checked between two steps of settlementLimitProblemsInSteps (a power of two minus one: about ten milliseconds). */
const LIMIT_STEP = 0x3fff;

/** settlementLimitProblems a slice at a time: yields the fraction checked every 16,384 lines. */
export function* settlementLimitProblemsInSteps(settlement: Settlement, max = 20): Generator<number, string[], void> {
  const { source, header } = settlement;
  const problems: string[] = [];
  const id = settlementIdProblem(source, header.settlementId);
  if (id) problems.push(id);
  if (settlement.lines.length > MAX_LINES) {
    problems.push(settlementProblem('truncated', source, `The file has ${settlement.lines.length.toLocaleString('en-US')} lines; SettleSheet takes at most ${MAX_LINES.toLocaleString('en-US')} in one settlement.`, DOWNLOAD_AGAIN).message);
  }
  let sum: Minor = 0;
  const { lines } = settlement;
  for (let i = 0; i < lines.length; i++) {
    if ((i & LIMIT_STEP) === LIMIT_STEP) yield i / lines.length;
    const l = lines[i]!;
    if (problems.length >= max) break;
    const text = lineTextProblem(source, l.line, l);
    if (text) problems.push(text);
    const added = addToSumOfAmounts(sum, l.amount, source, l.line, header.currency, header.decimals);
    if (typeof added === 'number') sum = added;
    else {
      problems.push(added.problem);
      break;
    }
  }
  return problems;
}
