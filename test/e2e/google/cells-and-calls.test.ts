// How the built add-on uses cells: untrusted text is right whichever way Sheets treats an
// apostrophe in a plain-text cell, no Sheets call touches more than 100,000 cells, an import
// leaves no empty rows behind, and the room check counts exactly what an import adds.
import type { PreviewResult } from '../../../src/api/types';
import type { LineSpec } from '../../support/build-aggregate';
import { unitsOfLines } from '../../../src/core/cogs/units';
import type { Settlement } from '../../../src/core/settlement/types';
import { bundleSession, connect, importSettlement, mapInSheet, saveApp, useBuiltBundle, type BundleSession } from '../../support/bundle-session';
import { workbookProblems } from '../../support/workbook-invariants';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { SELLER } from '../../support/xero-apps-script';

const code = useBuiltBundle();

const TRICKY: DetailedLineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '10.00'], orderId: '1234567890123456789', sku: '=HYPERLINK("http://evil.example","x")' },
  { spec: ['Order', 'ItemFees', 'Commission', '2025-08-03', '-1.50'], sku: "'quoted" },
  { spec: ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-03', '-3.22'], sku: '-SKU' },
];

/** `count` lines over two weeks, one in every 1,000 of a fee the shipped mapping does not know. */
function manyLines(count: number, bump = 0): LineSpec[] {
  return Array.from({ length: count }, (_, i): LineSpec => {
    const day = `2025-08-${String(1 + (i % 14)).padStart(2, '0')}`;
    if (i % 1000 === 999) return ['other-transaction', 'other-transaction', 'Inventory Placement Service Fee', day, '-2.00', ''];
    return i % 2 === 0 ? ['Order', 'ItemPrice', 'Principal', day, i === 0 ? (25 + bump).toFixed(2) : '25.00'] : ['Order', 'ItemFees', 'Commission', day, '-3.75'];
  });
}

describe.each(['keep', 'strip'] as const)('with Sheets %s-ing an apostrophe written into a plain-text (@) cell', (mode) => {
  it('imports, previews and lists exactly, and the Accounts dropdowns show no apostrophes', () => {
    const s = bundleSession(code(), { google: { apostropheInTextCells: mode } });
    const { finished } = importSettlement(s, settlementOf(TRICKY));
    expect(finished).toMatchObject({ balanced: true, total: '135.27' });
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.check).toMatchObject({ sumOfRows: '135.27', difference: '0.00', balanced: true });
    const tx = s.x.world.inspect.grid('Transactions');
    expect(tx.values.slice(1, 5).map((r) => [r[0], r[2], r[6], r[7]])).toEqual([
      ['12345678901', '2025-08-02', '111-1000000-7654321', 'SKU-0'],
      ['12345678901', '2025-08-03', '1234567890123456789', '=HYPERLINK("http://evil.example","x")'],
      ['12345678901', '2025-08-03', '111-1000002-7654321', "'quoted"],
      ['12345678901', '2025-08-03', '111-1000003-7654321', '-SKU'],
    ]);
    expect(tx.formulas.flat().filter(Boolean)).toEqual([]);
    expect(s.x.world.inspect.grid('Settlements').values[1]![0]).toBe('12345678901');
    saveApp(s);
    connect(s, SELLER);
    s.run(SELLER, 'refreshXeroAccounts');
    const choices = s.x.world.inspect.grid('_SettleSheet Xero').values.slice(1).flatMap((r) => [r[0], r[3]]).filter((v) => v !== '');
    expect(choices.length).toBeGreaterThan(10);
    expect(choices.filter((v) => String(v).startsWith("'"))).toEqual([]);
  });

  it('brings an older workbook’s plain-text columns back to General, and still reads what it wrote there', () => {
    const s = bundleSession(code(), { google: { apostropheInTextCells: mode } });
    const { finished } = importSettlement(s, settlementOf(TRICKY));
    // What an older version left: `@` on the id columns, its apostrophe-prefixed ids in them.
    s.x.run(SELLER, () => {
      const book = SpreadsheetApp.getActiveSpreadsheet();
      for (const [tab, column] of [['Settlements', 1], ['Transactions', 1], ['_SettleSheet aggregates', 1]] as const) {
        const sheet = book.getSheetByName(tab)!;
        const rows = sheet.getLastRow() - 1;
        sheet.getRange(2, column, rows, 1).setNumberFormat('@');
        sheet.getRange(2, column, rows, 1).setValues(Array.from({ length: rows }, () => [`'${finished!.settlementId}`]));
      }
      PropertiesService.getDocumentProperties().setProperty('settlesheet.layout', '1');
    });
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.check.balanced).toBe(true);
    s.run(SELLER, 'listSettlements');
    expect(s.x.world.inspect.grid('Transactions', 'A2:A5').numberFormats.flat()).toEqual(new Array(4).fill('0.###############'));
  });

  it('gives an older workbook’s aggregates tab the columns for who remits a tax line’s tax and the fulfilment channel: a new import fits, the old rows still read', () => {
    const s = bundleSession(code(), { google: { apostropheInTextCells: mode } });
    const older = importSettlement(s, settlementOf(TRICKY, { settlementId: '111' })).finished!;
    // What a version before tax classification left: nine columns, and the layout it wrote.
    s.x.run(SELLER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet aggregates')!;
      sheet.deleteColumns(10, sheet.getMaxColumns() - 9);
      PropertiesService.getDocumentProperties().setProperty('settlesheet.layout', '2');
    });
    const newer = importSettlement(s, settlementOf([['Order', 'ItemPrice', 'Tax', '2025-08-04', '1.30']], { settlementId: '222' })).finished!;
    expect(s.x.world.inspect.grid('_SettleSheet aggregates').values[0]!.slice(-2)).toEqual(['Tax remitted by', 'Fulfilment channel']);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: older.settlementId }).check.balanced).toBe(true);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: newer.settlementId }).check.balanced).toBe(true);
  });
});

describe('an older workbook’s Transactions tab', () => {
  it('gains Quantity and Fulfillment: old lines read them as blank, a new import fills them, a re-issue replaces the old lines', () => {
    const s = bundleSession(code());
    const older = importSettlement(s, settlementOf(TRICKY, { settlementId: '111' })).finished!;
    // What a version before the server derived units from the lines left: thirteen columns.
    s.x.run(SELLER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Transactions')!;
      sheet.deleteColumns(14, sheet.getMaxColumns() - 13);
      PropertiesService.getDocumentProperties().setProperty('settlesheet.layout', '3');
    });
    const newer = importSettlement(s, settlementOf([{ spec: ['Order', 'ItemPrice', 'Principal', '2025-08-04', '10.00'], quantity: 2, fulfillmentId: 'MFN' }], { settlementId: '222' })).finished!;
    const tx = s.x.world.inspect.grid('Transactions').values;
    expect(tx[0]!.slice(12)).toEqual(['Month', 'Quantity', 'Fulfillment']);
    expect(tx.find((r) => r[0] === '222')!.slice(13)).toEqual([2, 'MFN']);
    expect(tx.filter((r) => r[0] === '111').map((r) => r.slice(13))).toEqual(TRICKY.map(() => ['', '']));
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: older.settlementId }).check.balanced).toBe(true);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: newer.settlementId }).check.balanced).toBe(true);
    importSettlement(s, settlementOf(TRICKY.slice(1), { settlementId: '111' }), { confirmReissue: true });
    expect(workbookProblems(s.x.world)).toEqual([]);
  });
});

describe('every Sheets call stays at or under 100,000 cells', () => {
  it('for a 10,000-line import, a preview that re-categorises its lines, and its re-issued file', () => {
    const s = bundleSession(code());
    s.run(SELLER, 'listSettlements');
    s.x.world.calls.reset();
    const { finished } = importSettlement(s, settlementOf(manyLines(10_000)));
    mapInSheet(s, 'Inventory Placement Service Fee', 'FBA fees');
    s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(s.x.world.inspect.grid('Transactions', 'L1001:L1001').values[0]![0]).toBe('FBA fees');
    const reissued = importSettlement(s, settlementOf(manyLines(10_000, 1)), { confirmReissue: true });
    expect(reissued.finished).toMatchObject({ lines: 10_000 });
    const largest = s.x.world.calls.largestCall();
    expect(largest.cells).toBeGreaterThan(50_000);
    expect(largest.cells).toBeLessThanOrEqual(100_000);
  });
});

/** The cells an import of `settlement` adds to the units tab (one row per SKU × marketplace and a separator), beyond its free rows. */
function unitsCells(s: BundleSession, settlement: Settlement): number {
  const units = s.x.world.inspect.sheet('_SettleSheet units');
  const rows = new Set(unitsOfLines(settlement.lines).map((u) => `${u.sku}\t${u.marketplace}`)).size + 1;
  return Math.max(0, rows - (units.maxRows - units.lastRow)) * units.maxColumns;
}

describe('the cells an import takes', () => {
  it('are exactly the rows it holds: nothing is left staged or empty afterwards', () => {
    const s = bundleSession(code());
    s.run(SELLER, 'listSettlements');
    const before = s.x.world.inspect.cellsInUse();
    const transactions = s.x.world.inspect.sheet('Transactions');
    const freeRows = transactions.maxRows - transactions.lastRow;
    const settlement = settlementOf(manyLines(3000));
    const units = unitsCells(s, settlement);
    expect(units).toBeGreaterThan(0);
    importSettlement(s, settlement);
    // Transactions grows by its lines; the units tab by exactly the rows the units take, never a step ahead.
    expect(s.x.world.inspect.cellsInUse() - before).toBe((3000 - freeRows) * transactions.maxColumns + units);
    expect(s.x.world.inspect.sheetNames().filter((n) => n.includes('import'))).toEqual([]);
  });

  it('count the Mapping rows a finish may add: an import with room for all but those is refused before anything is written', () => {
    const s = bundleSession(code());
    s.run(SELLER, 'listSettlements');
    // The Mapping tab without a free row (someone deleted its empty rows): new line types make it grow.
    s.x.run(SELLER, () => {
      const mapping = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!;
      mapping.deleteRows(mapping.getLastRow() + 1, mapping.getMaxRows() - mapping.getLastRow());
    });
    // Five line types nobody mapped: five Mapping rows, more cells than the 28 kept for the other tabs' rows.
    const fees = Array.from({ length: 5 }, (_, i): LineSpec => ['other-transaction', 'other-transaction', `Brand New Fee ${i}`, '2025-08-05', '-1.00', '']);
    const settlement = settlementOf([...manyLines(10), ...fees]);
    const transactions = s.x.world.inspect.sheet('Transactions');
    const needed = Math.max(0, 15 - (transactions.maxRows - transactions.lastRow)) * transactions.maxColumns + unitsCells(s, settlement);
    // Room for the lines, the units and the three rows of records, Settlements and Log: not for Mapping's.
    const filler = 10_000_000 - s.x.world.inspect.cellsInUse() - needed - 28;
    s.x.run(SELLER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other data');
      sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
      sheet.insertRowsAfter(sheet.getMaxRows(), filler - sheet.getMaxRows());
    });
    const cells = s.x.world.inspect.cellsInUse();
    expect(() => importSettlement(s, settlement)).toThrow('more than this spreadsheet has room for');
    expect(s.x.world.inspect.cellsInUse()).toBe(cells);
    expect(s.run<unknown[]>(SELLER, 'listSettlements')).toEqual([]);
  });

  it('are counted exactly by the room check: an import that just fits is taken, one cell short is refused before anything is written', () => {
    const lines = 3000;
    const attempt = (spare: number) => {
      const s = bundleSession(code());
      s.run(SELLER, 'listSettlements');
      const transactions = s.x.world.inspect.sheet('Transactions');
      const needed = (lines - (transactions.maxRows - transactions.lastRow)) * transactions.maxColumns + unitsCells(s, settlementOf(manyLines(lines)));
      // A person's own tab filling the spreadsheet to leave `needed + spare` cells free (an import
      // also keeps 28 cells for the rows it appends to the records, Settlements and Log tabs).
      const filler = 10_000_000 - s.x.world.inspect.cellsInUse() - needed - spare;
      s.x.run(SELLER, () => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other data');
        sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
        sheet.insertRowsAfter(sheet.getMaxRows(), filler - sheet.getMaxRows());
      });
      const cells = s.x.world.inspect.cellsInUse();
      try {
        return { result: importSettlement(s, settlementOf(manyLines(lines))), s, cells };
      } catch (error) {
        return { error: error as Error, s, cells };
      }
    };
    const fits = attempt(28);
    expect(fits.result?.finished).toMatchObject({ lines });
    expect(fits.s.x.world.inspect.cellsInUse()).toBeLessThanOrEqual(10_000_000);
    const tooBig = attempt(27);
    expect(tooBig.error?.message).toContain('more than this spreadsheet has room for');
    expect(tooBig.s.x.world.inspect.cellsInUse()).toBe(tooBig.cells);
    expect(tooBig.s.x.world.inspect.sheet('Transactions').hiddenRows).toEqual([]);
  });
});
