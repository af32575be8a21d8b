// A workbook with a long history, on the BUILT add-on: a units tab and a Costs tab each past
// 100,000 cells. A preview and a post still make no Sheets call over 100,000 cells, and a preview
// reads the settlement's own units rows (the record says where), so its data calls do not grow
// with the units tab.
import type { PostResultDto, PreviewResult } from '../../../src/api/types';
import { TENANT_IDS } from '../../fakes/xero';
import { builtBundle, bundleWorld, connectThroughBundle, importThroughBundle, PERSON, type BundleWorld } from '../../support/bundle-xero';
import { sheetsCalls } from '../../support/sheets-calls';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { HEADERS } from '../../support/xero-apps-script';

const bundle = builtBundle();
const ID = HEADERS.monthSplit.settlementId;
const LINES: DetailedLineSpec[] = [
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-07-28', '60.00'], sku: 'MUG', quantity: 3 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '30.00'], sku: '00123', quantity: 2 },
];

/** Appends `rows` rows of other settlements' units (or, for Costs, SKUs) below a tab's last row, as years of imports leave them. */
function history(b: BundleWorld, tab: string, rows: number, row: (i: number) => (string | number)[]): void {
  b.world.run(PERSON, (g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!;
    const first = sheet.getLastRow() + 1;
    if (first + rows - 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), first + rows - 1 - sheet.getMaxRows());
    const values = Array.from({ length: rows }, (_, i) => row(i));
    for (let at = 0; at < rows; at += 10_000) {
      const block = values.slice(at, at + 10_000);
      sheet.getRange(first + at, 1, block.length, block[0]!.length).setValues(block);
    }
  });
}

/** The Sheets data calls and the largest call of `fn`. */
function measured(b: BundleWorld, fn: () => void): { data: number; largest: number } {
  b.world.calls.reset();
  fn();
  return { data: sheetsCalls(b.world.calls.counts()).data, largest: b.world.calls.largestCall().cells };
}

describe('a workbook with a long history', () => {
  it('previews and posts with no call over 100,000 cells, reading the same rows as before the units tab grew', () => {
    const b = bundleWorld(bundle());
    connectThroughBundle(b, [TENANT_IDS.us]);
    b.run('listSettlements');
    // Years of imports before this one: 120,000 units rows (7 columns each) of other settlements.
    history(b, '_SettleSheet units', 120_000, (i) => [String(9_000_000 + Math.floor(i / 100)), `SKU-${i % 100}`, 'Amazon.com', 1, 0, 0, '2024-01-02 1/0/0']);
    importThroughBundle(b, settlementOf(LINES, HEADERS.monthSplit));
    const preview = () => b.run<PreviewResult>('previewSettlement', { settlementId: ID });
    expect(preview().cogs?.parts.flatMap((p) => p.skus.map((s) => s.sku)).sort()).toEqual(['00123', 'MUG']);
    const first = measured(b, preview);
    // More history after it: another 120,000 units rows and 20,000 Costs rows (8 columns).
    history(b, '_SettleSheet units', 120_000, (i) => [String(8_000_000 + Math.floor(i / 100)), `SKU-${i % 100}`, 'Amazon.com', 1, 0, 0, '2024-01-02 1/0/0']);
    history(b, 'Costs', 20_000, (i) => [`OLD-${i}`, '1.00', 'USD', '', '', '', '1 sold', 'settlement 1']);
    const later = measured(b, preview);
    expect(later.largest).toBeLessThanOrEqual(100_000);
    // The Costs tab now takes two reads; the units tab, however long, none more.
    expect(later.data).toBe(first.data + 1);
    const post = measured(b, () => {
      const outcome = b.run<PostResultDto>('postSettlement', { settlementId: ID, mode: 'post', fingerprint: preview().fingerprint });
      expect(outcome.outcome).toBe('posted');
    });
    expect(post.largest).toBeLessThanOrEqual(100_000);
  });
});
