/**
 * Tells a settlement flat file from the other files people upload by mistake, by content only:
 * the extension says nothing (settlements are `.txt`, often renamed `.csv`).
 */
import { looksLikeSettlementHeader } from './columns';
import { DOWNLOAD_AGAIN, UPLOAD_THE_SETTLEMENT, settlementProblem } from './problems';
import type { SettlementProblem } from './types';

/** A non-blank line near the start of the file, trimmed, with its 1-based line number. */
export interface LeadingLine {
  text: string;
  line: number;
}

/** How many leading lines are examined for another report's preamble. */
export const LEADING_LINES = 10;

/**
 * Reads the header names of a tab-separated settlement from its first non-blank line, or says
 * which other kind of file this is. `lines` are the first non-blank lines, header first.
 */
export function recogniseHeader(source: string, lines: LeadingLine[]): { names: string[] } | SettlementProblem {
  const header = lines[0] as LeadingLine;
  if (header.text.startsWith('<')) {
    return settlementProblem(
      'xml', source,
      'This is an XML (or web page) file, not the settlement flat file. SettleSheet does not read the XML settlement report, which Amazon has retired.',
      UPLOAD_THE_SETTLEMENT, header.line,
    );
  }
  for (const { text, line } of lines) {
    const plain = text.toLowerCase().replace(/"/g, '');
    if (
      (plain.includes('date/time') && plain.includes('settlement id')) ||
      plain.startsWith('includes amazon marketplace') || /^all amounts in [a-z]{3}\b/.test(plain)
    ) {
      return settlementProblem(
        'date-range-report', source,
        'This is a Date Range transaction report, not a settlement: it lacks the settlement total that the deposit is checked against.',
        UPLOAD_THE_SETTLEMENT, line,
      );
    }
  }
  const lower = header.text.toLowerCase();
  if (
    lower.includes('transaction type') && lower.includes('order id') &&
    (lower.includes('product details') || lower.includes('total product charges'))
  ) {
    return settlementProblem(
      'transaction-view', source,
      'This is the Payments "Transaction view" export, not a settlement: it lacks the settlement total and reserves.',
      UPLOAD_THE_SETTLEMENT, header.line,
    );
  }
  if (header.text.includes('\t')) {
    const names = header.text.split('\t').map((name) => name.trim().toLowerCase());
    if (looksLikeSettlementHeader(names)) return { names };
  } else if (lower.includes('settlement-id')) {
    const separator = count(lower, ';') > count(lower, ',') ? 'semicolons' : 'commas';
    return settlementProblem(
      'comma-separated', source,
      `This settlement was saved again with ${separator} between the columns (a spreadsheet program does this), which can change amounts and dates.`,
      `${DOWNLOAD_AGAIN} Do not open and save it in a spreadsheet program first.`, header.line,
    );
  }
  return settlementProblem(
    'not-a-settlement', source,
    'This is not an Amazon settlement report: its first line is not the settlement header (settlement-id, settlement-start-date, …).',
    UPLOAD_THE_SETTLEMENT, header.line,
  );
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}
