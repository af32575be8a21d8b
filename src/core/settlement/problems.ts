/**
 * The problems the parser reports, worded so the user knows which file, where, and what to do.
 */
import type { AmountProblem } from '../money';
import type { DateProblem } from './dates';
import type { SettlementProblem, SettlementProblemCode } from './types';

/** The way to get a clean copy of a settlement, the usual next step. */
export const DOWNLOAD_AGAIN =
  'Download the settlement again from Seller Central (Payments → All Statements → Download Flat File V2) ' +
  'and upload the original file.';

/** What to do when the file is some other report than a settlement. */
export const UPLOAD_THE_SETTLEMENT =
  'Upload the settlement itself: in Seller Central open Payments → All Statements and choose ' +
  '"Download Flat File V2" next to the settlement.';

/**
 * Builds a problem whose message starts with where it is (`settlement.txt, line 7, column
 * amount:`), then says what is wrong and what to do.
 */
export function settlementProblem(
  code: SettlementProblemCode,
  source: string,
  what: string,
  next: string,
  line?: number,
  column?: string,
): SettlementProblem {
  let where = source;
  if (line !== undefined) where += `, line ${line}`;
  if (column !== undefined) where += `, column ${column}`;
  const message = `${where}: ${what} ${next}`;
  const problem: SettlementProblem = { code, message };
  if (line !== undefined) problem.line = line;
  if (column !== undefined) problem.column = column;
  return problem;
}

/** Quotes a cell for a message, shortened so a runaway cell cannot flood the screen. */
export function quoteCell(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** Says why an amount cell cannot be read. */
export function amountProblemText(raw: string, problem: AmountProblem, currency: string, decimals: number): string {
  if (problem === 'too-many-decimals') {
    return `${quoteCell(raw)} has more decimals than ${currency} amounts have (${decimals}).`;
  }
  if (problem === 'too-large') return `${quoteCell(raw)} is too large to be an amount.`;
  return `${quoteCell(raw)} is not an amount.`;
}

/** Says why a date cell cannot be read. */
export function dateProblemText(raw: string, problem: DateProblem): string {
  if (raw === '') return 'The date is blank.';
  if (problem === 'no-such-date') return `${quoteCell(raw)} is not a real date and time.`;
  return `${quoteCell(raw)} is not a date in a form Amazon writes (such as 2025-06-05T22:07:18+00:00 or 14.03.2023).`;
}
