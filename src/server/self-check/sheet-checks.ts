/**
 * The Sheets side of the self-check, in a scratch hidden tab that is deleted afterwards: what an
 * apostrophe does in a General cell and in a plain-text (`@`) cell, and how long one 5,000-line
 * chunk (65,000 cells) takes to write and to move, and 5,000 rows to insert, hide and delete.
 * The test fakes' cost model assumes 30 ms a call and 0.03 ms a cell; these are the real figures.
 */
import { check, timed, type CheckResult } from './report';

const CHUNK_ROWS = 5000;
const WIDTH = 13;
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

function chunkChecks(sheet: GoogleAppsScript.Spreadsheet.Sheet): CheckResult[] {
  const missing = 2 * CHUNK_ROWS - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const rows = Array.from({ length: CHUNK_ROWS }, (_, i) => [
    "'24288684721", i + 3, "'2025-08-01", "'Order", "'ItemPrice", "'Principal", `'111-${1000000 + i}-7654321`, `'SKU-${i}`, "'Amazon.com", 25.5, "'USD", "'Sales", "'2025-08",
  ]);
  const cells = CHUNK_ROWS * WIDTH;
  const results: CheckResult[] = [];
  const write = timed(() => sheet.getRange(1, 1, CHUNK_ROWS, WIDTH).setValues(rows));
  results.push({
    name: `Writing one ${CHUNK_ROWS.toLocaleString('en-US')}-line chunk (${cells.toLocaleString('en-US')} cells)`,
    outcome: write.ms <= CHUNK_WRITE_LIMIT_MS ? 'pass' : 'fail',
    figure: `${write.ms} ms (the test fakes assume ${modelMs(cells)} ms)`,
    ...(write.ms <= CHUNK_WRITE_LIMIT_MS ? {} : { detail: 'Imports write up to 7,500 lines a call: this spreadsheet is too slow for them to be safe.' }),
  });
  results.push(check('Range.moveTo of that chunk', () => {
    const move = timed(() => sheet.getRange(1, 1, CHUNK_ROWS, WIDTH).moveTo(sheet.getRange(CHUNK_ROWS + 1, 1, CHUNK_ROWS, WIDTH)));
    const moved = sheet.getRange(CHUNK_ROWS + 1, 1, 1, WIDTH).getValues()[0]!;
    const left = sheet.getRange(1, 1, 1, WIDTH).getValues()[0]!.filter((v) => v !== '');
    const right = moved[7] === 'SKU-0' && moved[9] === 25.5 && left.length === 0;
    return { outcome: right ? 'pass' : 'fail', figure: `${move.ms} ms (the test fakes assume ${modelMs(cells)} ms)${right ? '' : '; the values did not arrive as written'}` };
  }));
  results.push(check(`Inserting, hiding, showing and deleting ${CHUNK_ROWS.toLocaleString('en-US')} rows`, () => {
    const structure = timed(() => {
      sheet.insertRowsAfter(sheet.getMaxRows(), CHUNK_ROWS);
      const first = sheet.getMaxRows() - CHUNK_ROWS + 1;
      sheet.hideRows(first, CHUNK_ROWS);
      sheet.showRows(first, CHUNK_ROWS);
      sheet.deleteRows(first, CHUNK_ROWS);
    });
    return { outcome: 'pass', figure: `${structure.ms} ms for the four calls (the test fakes assume 120 ms)` };
  }));
  return results;
}

/** The Sheets checks, in a scratch tab (skipped when the spreadsheet has no room for one). */
export function sheetChecks(): CheckResult[] {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const used = book.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  if (used + 2 * CHUNK_ROWS * 26 > CELL_LIMIT) {
    return [{ name: 'Cells and timing', outcome: 'skipped', figure: 'no room for a scratch tab', detail: 'The spreadsheet is close to 10 million cells.' }];
  }
  try {
    return inScratchTab((sheet) => [...apostropheChecks(sheet), ...chunkChecks(sheet)]);
  } catch (error) {
    return [{ name: 'Cells and timing', outcome: 'fail', figure: 'error', detail: error instanceof Error ? error.message : String(error) }];
  }
}
