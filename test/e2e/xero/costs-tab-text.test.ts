// The Costs tab keeps text as text on the BUILT add-on (issue 14 §1), in both of the undocumented
// ways Sheets may treat an apostrophe written into a plain-text cell: a SKU a person types
// (`00123`, `=1+1`, or `'=1+1` as people quote a formula) stays exactly that SKU, and a SKU an
// older layout let Sheets turn into a number or a formula is named, row by row, instead of
// silently costing some other SKU.
import type { PreviewResult, SettingsDto } from '../../../src/api/types';
import { TENANT_IDS } from '../../fakes/xero';
import { builtBundle, bundleWorld, connectThroughBundle, importThroughBundle, PERSON, type BundleWorld } from '../../support/bundle-xero';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { HEADERS } from '../../support/xero-apps-script';

const US = TENANT_IDS.us;
const bundle = builtBundle();

// MUG: 3 sold in July, 2 sold and 1 refunded in August; "00123": 2 sold in August; "=1+1": 1 in August.
const LINES: DetailedLineSpec[] = [
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-07-28', '60.00'], sku: 'MUG', quantity: 3 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '40.00'], sku: 'MUG', quantity: 2 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '30.00'], sku: '00123', quantity: 2 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-04', '15.00'], sku: '=1+1', quantity: 1 },
  { spec: ['Refund', 'ItemPrice', 'Principal', '2025-08-05', '-20.00'], sku: 'MUG', quantity: 1 },
];
const ID = HEADERS.monthSplit.settlementId;
const SETTINGS: SettingsDto = { split: 'carry', documentStatus: 'AUTHORISED', contactName: '', template: '' };

function imported(mode: 'strip' | 'keep'): BundleWorld {
  const b = bundleWorld(bundle(), {}, { apostropheInTextCells: mode });
  connectThroughBundle(b, [US]);
  b.run('saveSettings', SETTINGS);
  importThroughBundle(b, settlementOf(LINES, HEADERS.monthSplit));
  b.run('previewSettlement', { settlementId: ID });
  return b;
}

const preview = (b: BundleWorld) => b.run<PreviewResult>('previewSettlement', { settlementId: ID });
const costsTab = (b: BundleWorld) => b.world.inspect.grid('Costs');
/** A person typing into the Costs tab, as the Sheets UI writes what is typed. */
function typeInto(b: BundleWorld, row: number, cells: string[]): void {
  b.world.run(PERSON, (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!.getRange(row, 1, 1, cells.length).setValues([cells]));
}
const rowOf = (b: BundleWorld, sku: string) => costsTab(b).values.findIndex((r) => r[0] === sku) + 1;
/** A person typing a unit cost next to a SKU SettleSheet listed. */
function typeCost(b: BundleWorld, sku: string, cost: string): void {
  b.world.run(PERSON, (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!.getRange(rowOf(b, sku), 2).setValue(cost));
}
const journalTotals = (p: PreviewResult) => p.cogs!.journals.map((j) => [j.key, j.total]);

describe.each(['strip', 'keep'] as const)('the Costs tab keeps SKUs as typed (apostrophe in plain-text cells: %s)', (mode) => {
  it('lists the SKUs it saw as plain text without an apostrophe; SKUs a person types stay exactly as typed, and a new cost row from August is used for August', () => {
    const b = imported(mode);
    const grid = costsTab(b);
    expect(grid.values.slice(1).map((r) => [r[0], r[2]])).toEqual([['00123', 'USD'], ['=1+1', 'USD'], ['MUG', 'USD']]);
    expect(grid.numberFormats.slice(1, 4).map((r) => [r[0], r[2]])).toEqual([['@', '@'], ['@', '@'], ['@', '@']]);
    expect(grid.formulas.flat().filter((f) => f !== '')).toEqual([]);

    // The costs known before, on the rows SettleSheet listed; then, below, a new price from August
    // for 00123 and a cost for the formula-looking SKU, quoted the way people keep formulas out.
    typeCost(b, 'MUG', '4.10');
    typeCost(b, '00123', '2.35');
    const next = costsTab(b).values.length + 1;
    typeInto(b, next, ['00123', '9.99', 'USD', '2025-08-01']);
    typeInto(b, next + 1, ["'=1+1", '1.05', 'USD']);
    const typed = costsTab(b);
    expect(typed.values[next - 1]!.slice(0, 4)).toEqual(['00123', 9.99, 'USD', '2025-08-01']);
    expect(typed.formulas.flat().filter((f) => f !== '')).toEqual([]);

    const shown = preview(b);
    expect(shown.cogs!.problems).toEqual([]);
    // July: 3 MUG × 4.10. August: 2 × 9.99 (the new row) + 1 × 1.05 + (2 − 1) MUG × 4.10.
    expect(journalTotals(shown)).toEqual([
      ['AMZ-24288684723-2025-07-COGS', '12.30'],
      ['AMZ-24288684723-2025-08-COGS', '25.13'],
    ]);
  });

  it("an older workbook's Costs tab becomes plain text for SKU and Currency, and a SKU Sheets had turned into a number or a formula is named by its row", () => {
    const b = imported(mode);
    // What layout 4 left: a General SKU column, where a person's 00123 became 123 and =1+1 a formula.
    b.world.run(PERSON, (g) => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!;
      sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).clearFormat();
      sheet.getRange(2, 3, sheet.getMaxRows() - 1, 1).clearFormat();
      g.PropertiesService.getDocumentProperties().setProperty('settlesheet.layout', '4');
    });
    typeCost(b, 'MUG', '4.10');
    typeCost(b, '00123', '2.35');
    const next = costsTab(b).values.length + 1;
    typeInto(b, next, ['00123', '9.99', 'USD', '2025-08-01']);
    typeInto(b, next + 1, ['=1+1', '1.05', 'USD']);
    expect(costsTab(b).values[next - 1]![0]).toBe(123);

    const shown = preview(b);
    expect(costsTab(b).numberFormats.slice(1).map((r) => [r[0], r[2]]).every(([sku, currency]) => sku === '@' && currency === '@')).toBe(true);
    expect(shown.cogs!.problems.slice(0, 2)).toEqual([
      `Costs row ${next}, column SKU: Sheets turned the SKU into the number 123 (leading zeros and long digits are lost that way). Type the SKU again: the column now keeps what is typed as text.`,
      `Costs row ${next + 1}, column SKU: the cell holds a formula (=1+1), so its SKU is whatever that calculates. Type the SKU itself: the column keeps what is typed as text.`,
    ]);
    expect(shown.cogs!.journals).toEqual([]);

    // Typed again into what is now a plain-text column: the SKUs are as typed and the journals are ready.
    typeInto(b, next, ['00123']);
    typeInto(b, next + 1, ['=1+1']);
    const fixed = preview(b);
    expect(fixed.cogs!.problems).toEqual([]);
    expect(journalTotals(fixed)).toEqual([
      ['AMZ-24288684723-2025-07-COGS', '12.30'],
      ['AMZ-24288684723-2025-08-COGS', '25.13'],
    ]);
  });
});
