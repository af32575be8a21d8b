// What people typing in the tabs by hand while an import runs may and may not do to it, on the
// built bundle (issue 9 review): a note typed below Transactions is never taken for the import's
// lines (between chunks or just before the finish), rows inserted above them by hand stop the
// import in words without losing a line, and a rule typed in Mapping meanwhile is not listed twice.
import { importPayload } from '../../../src/api/import-payload';
import type { BeginImportResult, Envelope, PreviewResult, SettlementListItem } from '../../../src/api/types';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleSession, importSettlement, useBuiltBundle, type BundleSession } from '../../support/bundle-session';
import { settlementOf } from '../../support/settlements';
import { settlementRecords, workbookProblems } from '../../support/workbook-invariants';
import { BOOKKEEPER, SELLER } from '../../support/xero-apps-script';

const code = useBuiltBundle();

const LINES: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-09', '49.99'],
  ['Order', 'ItemPrice', 'Shipping', '2025-08-09', '3.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-09', '-7.50'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-10', '-3.22'],
];
const ID = '30000000061';

/** Rows of a tab below its header with anything in them, hidden or not. */
const filledRows = (s: BundleSession, tab: string) => s.x.world.inspect.grid(tab).values.slice(1).filter((r) => r.some((v) => v !== ''));

describe('something typed below Transactions during a re-issued file’s import', () => {
  const two = () => settlementOf(LINES.slice(0, 2), { settlementId: ID });
  const four = () => settlementOf(LINES.slice(0, 4), { settlementId: ID });

  /** A person types a note three rows below everything in Transactions (beside the settlement-id column). */
  function typeNote(s: BundleSession): number {
    const row = s.x.world.inspect.sheet('Transactions').lastRow + 3;
    s.x.run(BOOKKEEPER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Transactions')!.getRange(row, 2).setValue('checked by J'));
    return row;
  }

  /** Imports the re-issued file in chunks of two lines, the note typed after chunk `noteAfter` (0: before the first). */
  function reissueWithNote(noteAfter: number): BundleSession {
    const s = bundleSession(code());
    importSettlement(s, two());
    const payload = importPayload(four());
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', { ...payload.begin, confirmReissue: true });
    if (begun.status !== 'ready') throw new Error(begun.status);
    const chunks = [payload.lines.slice(0, 2), payload.lines.slice(2)];
    chunks.forEach((lines, i) => {
      if (i === noteAfter) typeNote(s);
      s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: i * 2, lines });
    });
    if (noteAfter === chunks.length) typeNote(s);
    expect(s.run<SettlementListItem>(SELLER, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units }).lines).toBe(4);
    return s;
  }

  function expectKeptAll(s: BundleSession): void {
    const rows = filledRows(s, 'Transactions');
    expect(rows.filter((r) => r[0] === ID).map((r) => r[5])).toEqual(LINES.slice(0, 4).map((l) => l[2]));
    expect(rows.filter((r) => r[1] === 'checked by J')).toHaveLength(1);
    expect(settlementRecords(s.x.world).get(ID)!.lines).toBe(4);
    expect(s.x.world.inspect.sheet('Transactions').hiddenRows).toEqual([]);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: ID }).settlement.lines).toBe(4);
    expect(workbookProblems(s.x.world)).toEqual([]);
  }

  it('a row inserted above the import’s lines by hand as well: refused in words, and no line of the imported file is lost', () => {
    const s = bundleSession(code());
    importSettlement(s, two());
    const payload = importPayload(four());
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', { ...payload.begin, confirmReissue: true });
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines.slice(0, 2) });
    typeNote(s);
    s.x.run(BOOKKEEPER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Transactions')!.insertRowsBefore(2, 1));
    const next = s.bundle.call<Envelope<unknown>>(SELLER, 'appendImportLines', { importId: begun.importId, offset: 2, lines: payload.lines.slice(2) });
    expect(next).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`Rows were inserted, deleted or moved in the Transactions tab while settlement ${ID} was being imported.*no line was lost`)) });
    s.run(SELLER, 'cancelImport', { importId: begun.importId });
    // The imported file's lines are shown and whole (the import's own lines it could no longer place stay hidden).
    const hidden = new Set(s.x.world.inspect.sheet('Transactions').hiddenRows);
    const shown = s.x.world.inspect.grid('Transactions').values.filter((r, i) => !hidden.has(i + 1) && r[0] === ID);
    expect(shown.map((r) => r[5])).toEqual(['Principal', 'Shipping']);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: ID }).settlement.lines).toBe(2);
  });

  it('between chunks: every new line is kept, the old file’s lines go, the note stays', () => {
    expectKeptAll(reissueWithNote(1));
  });

  it('just before finish: every new line is kept, the old file’s lines go, the note stays', () => {
    expectKeptAll(reissueWithNote(2));
  });
});


describe('a rule a person types in Mapping while an import runs', () => {
  it('is read at the finish: the line type it maps is not listed a second time', () => {
    const s = bundleSession(code());
    s.run(SELLER, 'listSettlements');
    const fee: LineSpec = ['other-transaction', 'other-transaction', 'Brand New Fee', '2025-08-05', '-1.00', ''];
    const payload = importPayload(settlementOf([...LINES, fee], { settlementId: ID }));
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines.slice(0, 4) });
    // The accountant adds a rule for the new fee below the Mapping table, by hand.
    s.x.run(BOOKKEEPER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
      const row = new Array<string>(header.length).fill('');
      row[header.indexOf('Transaction type')] = 'other-transaction';
      row[header.indexOf('Amount type')] = 'other-transaction';
      row[header.indexOf('Amount description')] = 'Brand New Fee';
      row[header.indexOf('Category')] = 'Seller fees';
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    });
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 4, lines: payload.lines.slice(4) });
    s.run(SELLER, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units });
    expect(filledRows(s, 'Mapping').filter((r) => r.includes('Brand New Fee'))).toHaveLength(1);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: ID }).unmapped).toEqual([]);
  });
});

