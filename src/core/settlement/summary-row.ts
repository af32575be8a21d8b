/**
 * Row 2 of a settlement: its id, period, deposit date, total and currency. It is never data.
 */
import { currencyDecimals, isCurrencyCode, parseAmount } from '../money';
import type { Layout } from './columns';
import { isAmbiguous, parseSettlementDate, slashReadings } from './dates';
import { DOWNLOAD_AGAIN, amountProblemText, dateProblemText, settlementProblem } from './problems';
import type { RowCells } from './scan';
import { detach } from './slice-cache';
import type { SettlementHeader, SettlementProblem } from './types';

/**
 * Reads the summary row from the cells of the first row after the header, or says why it cannot:
 * the row is a data row (`missing-summary`) or a value is unreadable (`bad-summary`, one problem
 * per value).
 */
export function readSummaryRow(
  cells: RowCells,
  layout: Layout,
  source: string,
  line: number,
): SettlementHeader | SettlementProblem[] {
  const summaryBlank = [layout.start, layout.end, layout.depositDate, layout.totalAmount, layout.currency]
    .every((index) => cells.isBlank(index));
  const isDataRow = !cells.isBlank(layout.transactionType) || layout.amounts.some((column) => !cells.isBlank(column.amount));
  if (summaryBlank || isDataRow) {
    return [settlementProblem(
      'missing-summary', source,
      'This row should be the summary row (settlement id, period, deposit date, total and currency), but it is a data row.',
      DOWNLOAD_AGAIN, line,
    )];
  }

  const problems: SettlementProblem[] = [];
  const bad = (column: string, what: string): void => {
    problems.push(settlementProblem('bad-summary', source, what, DOWNLOAD_AGAIN, line, column));
  };

  const settlementId = detach(cells.cell(layout.settlementId));
  if (settlementId === '') bad('settlement-id', 'The summary row has no settlement id.');

  const currencyText = cells.cell(layout.currency);
  const currency = currencyText.toUpperCase();
  if (!isCurrencyCode(currency)) {
    bad('currency', currencyText === ''
      ? 'The summary row has no currency.'
      : `"${currencyText}" is not a currency code (three letters such as USD).`);
  }
  const decimals = currencyDecimals(currency);

  const totalText = cells.cell(layout.totalAmount);
  const totalAmount = parseAmount(totalText, decimals);
  if (typeof totalAmount === 'string') bad('total-amount', amountProblemText(totalText, totalAmount, currency, decimals));

  const instant = (index: number, column: string): string => {
    const text = cells.cell(index);
    const readings = slashReadings(text);
    if (readings && isAmbiguous(readings)) {
      bad(column, `${JSON.stringify(text)} could be ${readings.monthFirst!.day} or ${readings.dayFirst!.day}: a spreadsheet program may have re-saved the file with your computer's date format.`);
      return '';
    }
    const date = parseSettlementDate(text);
    if (typeof date !== 'string') return date.instant;
    bad(column, dateProblemText(text, date));
    return '';
  };
  const start = instant(layout.start, 'settlement-start-date');
  const end = instant(layout.end, 'settlement-end-date');
  const depositDate = instant(layout.depositDate, 'deposit-date');

  if (problems.length > 0 || typeof totalAmount === 'string') return problems;
  return { settlementId, start, end, depositDate, totalAmount, currency, decimals };
}
