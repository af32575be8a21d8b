/**
 * The Sheets side of the self-check, in a scratch hidden tab that is deleted afterwards: what an
 * apostrophe does in a General cell and in a plain-text (`@`) cell, and how long what an import
 * does to one chunk takes: writing its lines (CHUNK_SIZE rows of Transactions' columns, the
 * largest write SettleSheet makes), and inserting, hiding, showing and deleting that many rows.
 * The test fakes' cost model (test/fakes/google/cost.ts) assumes 30 ms a call and 0.03 ms a cell
 * (rows × columns for a change to rows); these are the real figures.
 */
import { CHUNK_SIZE } from '../api/schemas';
import { TRANSACTION_COLUMNS } from '../workbook/layout';
import { check, timed, type CheckResult } from './report';

const CHUNK_ROWS = CHUNK_SIZE;
const WIDTH = TRANSACTION_COLUMNS.length;
const CELL_LIMIT = 10_000_000;
/** The longest one chunk's write may take for an import call to stay well inside six minutes. */
const CHUNK_WRITE_LIMIT_MS = 30_000;
const TRICKY = ['=1+1', '00123', '+1-2', '2025-08-01'];

function modelMs(cells: number): number {
  return Math.round(30 + cells * 0.03);
}

/** Runs work in a new hidden tab that is deleted afterwards, leaving the person where they were. */
function inScratchTab<T>(work: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => T): T {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const before = book.getActiveSheet();
  const sheet = book.insertSheet(`_SettleSheet check ${Utilities.getUuid().slice(0, 8)}`);
  try {
    book.setActiveSheet(before);
    sheet.hideSheet();
    return work(sheet);
  } finally {
    book.deleteSheet(sheet);
    book.setActiveSheet(before);
  }
}

function apostropheChecks(sheet: GoogleAppsScript.Spreadsheet.Sheet): CheckResult[] {
  const range = sheet.getRange(1, 1, TRICKY.length, 2);
  // Column A stays as a new tab's cells are (General); column B is plain text.
  sheet.getRange(1, 2, TRICKY.length, 1).setNumberFormat('@');
  range.setValues(TRICKY.map((text) => [`'${text}`, `'${text}`]));
  const values = range.getValues().map((row) => row.map(String));
  const formulas = range.getFormulas().flat().filter(Boolean);
  const general = values.map((row) => row[0]);
  const plain = values.map((row) => row[1]);
  const generalRight = general.every((v, i) => v === TRICKY[i]) && formulas.length === 0;
  const kept = plain.every((v, i) => v === `'${TRICKY[i]}`);
  const stripped = plain.every((v, i) => v === TRICKY[i]);
  return [
    {
      name: 'Apostrophe in a General cell (how SettleSheet writes file text)',
      outcome: generalRight ? 'pass' : 'fail',
      figure: generalRight ? 'the apostrophe is dropped and the rest stays text (no formula, number or date)' : `read back as ${JSON.stringify(general)}`,
      ...(generalRight ? {} : { detail: 'File text could become formulas or numbers: do not use SettleSheet here, and report this.' }),
    },
    {
      name: 'Apostrophe in a plain-text (@) cell (undocumented)',
      outcome: 'pass',
      figure: kept ? 'the apostrophe is KEPT as part of the text' : stripped ? 'the apostrophe is dropped' : `mixed: ${JSON.stringify(plain)}`,
      detail: 'SettleSheet never writes an apostrophe into an @ cell, so it is right either way.',
    },
  ];
}

/** One line of a chunk as Transactions holds it (transactions.ts), one cell per column. */
function chunkRow(i: number): (string | number)[] {
  return ["'24288684721", i + 3, "'2025-08-01", "'Order", "'ItemPrice", "'Principal", `'111-${1000000 + i}-7654321`, `'SKU-${i}`, "'Amazon.com", 25.5, "'USD", "'Sales", "'2025-08", 1, "'AFN"];
}

function chunkChecks(sheet: GoogleAppsScript.Spreadsheet.Sheet): CheckResult[] {
  // As many columns as Transactions, so each change to rows touches what it touches there.
  if (sheet.getMaxColumns() < WIDTH) sheet.insertColumnsAfter(sheet.getMaxColumns(), WIDTH - sheet.getMaxColumns());
  if (sheet.getMaxColumns() > WIDTH) sheet.deleteColumns(WIDTH + 1, sheet.getMaxColumns() - WIDTH);
  const missing = CHUNK_ROWS - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const rows = Array.from({ length: CHUNK_ROWS }, (_, i) => chunkRow(i).slice(0, WIDTH));
  const cells = CHUNK_ROWS * WIDTH;
  const lines = CHUNK_ROWS.toLocaleString('en-US');
  const results: CheckResult[] = [];
  results.push(check(`Writing one ${lines}-line import chunk (${cells.toLocaleString('en-US')} cells)`, () => {
    const write = timed(() => sheet.getRange(1, 1, CHUNK_ROWS, WIDTH).setValues(rows));
    const back = sheet.getRange(CHUNK_ROWS, 1, 1, WIDTH).getValues()[0]!;
    const right = back[7] === `SKU-${CHUNK_ROWS - 1}` && back[9] === 25.5;
    const fast = write.ms <= CHUNK_WRITE_LIMIT_MS;
    return {
      outcome: right && fast ? 'pass' : 'fail',
      figure: `${write.ms} ms (the test fakes assume ${modelMs(cells)} ms)${right ? '' : '; the values did not arrive as written'}`,
      ...(fast ? {} : { detail: `Imports write up to ${lines} lines a call: this spreadsheet is too slow for them to be safe.` }),
    };
  }));
  results.push(check(`Inserting, hiding, showing and deleting ${lines} rows (what an import does to its lines' rows)`, () => {
    const columns = sheet.getMaxColumns();
    const last = sheet.getMaxRows();
    const insert = timed(() => sheet.insertRowsAfter(last, CHUNK_ROWS));
    const hide = timed(() => sheet.hideRows(last + 1, CHUNK_ROWS));
    const show = timed(() => sheet.showRows(last + 1, CHUNK_ROWS));
    const remove = timed(() => sheet.deleteRows(last + 1, CHUNK_ROWS));
    const each = `insert ${insert.ms} ms, hide ${hide.ms} ms, show ${show.ms} ms, delete ${remove.ms} ms`;
    return { outcome: 'pass', figure: `${each} (the test fakes assume ${modelMs(CHUNK_ROWS * columns)} ms each)` };
  }));
  return results;
}

/** The Sheets checks, in a scratch tab (skipped when the spreadsheet has no room for one). */
export function sheetChecks(): CheckResult[] {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const used = book.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  if (used + 2 * CHUNK_ROWS * Math.max(26, WIDTH) > CELL_LIMIT) {
    return [{ name: 'Cells and timing', outcome: 'skipped', figure: 'no room for a scratch tab', detail: 'The spreadsheet is close to 10 million cells.' }];
  }
  try {
    return inScratchTab((sheet) => [...apostropheChecks(sheet), ...chunkChecks(sheet)]);
  } catch (error) {
    return [{ name: 'Cells and timing', outcome: 'fail', figure: 'error', detail: error instanceof Error ? error.message : String(error) }];
  }
}
