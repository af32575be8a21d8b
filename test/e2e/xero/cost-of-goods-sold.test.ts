// Cost of goods sold on the BUILT add-on (issue 14's "Done when"): a settlement with known units
// per SKU imported, its SKUs listed in the Costs tab, costs filled in, the preview showing units
// and the journal, Post creating the invoices and one balanced journal per part and nothing the
// second time, a changed cost replaced by Void and re-post, a missing cost blocking only the
// journal, and a lost answer never making a second journal. The Costs tab keeps text as text
// (issue 14 §1) in both undocumented ways Sheets may treat an apostrophe written into a
// plain-text cell: a SKU a person types stays exactly that SKU, and a SKU an older layout let
// Sheets turn into a number or a formula is named by its row instead of costing another SKU.
import { importPayload } from '../../../src/api/import-payload';
import type { BeginImportResult, PostResultDto, PreviewResult, SettingsDto } from '../../../src/api/types';
import { TENANT_IDS } from '../../fakes/xero';
import { builtBundle, bundleWorld, connectThroughBundle, importThroughBundle, PERSON, type BundleWorld } from '../../support/bundle-xero';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { HEADERS } from '../../support/xero-apps-script';

const US = TENANT_IDS.us;
const bundle = builtBundle();

// A settlement spanning July and August: MUG 3 sold in July; in August 2 MUG, 2 of "00123" and one
// "=1+1" sold, one MUG refunded (its refund line carries no quantity: one unit).
const LINES: DetailedLineSpec[] = [
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-07-28', '60.00'], sku: 'MUG', quantity: 3 },
  { spec: ['Order', 'ItemFees', 'Commission', '2025-07-28', '-9.00'], sku: 'MUG', quantity: 3 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '40.00'], sku: 'MUG', quantity: 2 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '30.00'], sku: '00123', quantity: 2 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-04', '15.00'], sku: '=1+1', quantity: 1 },
  { spec: ['Refund', 'ItemPrice', 'Principal', '2025-08-05', '-20.00'], sku: 'MUG' },
];
const ID = HEADERS.monthSplit.settlementId;
const SETTINGS: SettingsDto = { split: 'carry', documentStatus: 'AUTHORISED', contactName: '', template: '' };

/** Imported as the sidebar does it: the detail (a preview) opens as soon as the import ends. */
function imported(apostropheInTextCells?: 'strip' | 'keep'): BundleWorld {
  const b = bundleWorld(bundle(), {}, apostropheInTextCells ? { apostropheInTextCells } : {});
  connectThroughBundle(b, [US]);
  b.run('saveSettings', SETTINGS);
  importThroughBundle(b, settlementOf(LINES, HEADERS.monthSplit));
  b.run('previewSettlement', { settlementId: ID });
  return b;
}

const preview = (b: BundleWorld) => b.run<PreviewResult>('previewSettlement', { settlementId: ID });
// As the sidebar does: the press carries the fingerprint of the preview shown.
const post = (b: BundleWorld, mode: 'post' | 'void-and-repost' | 'void' = 'post', seenRevision?: number) =>
  b.run<PostResultDto>('postSettlement', { settlementId: ID, mode, fingerprint: preview(b).fingerprint, ...(seenRevision === undefined ? {} : { seenRevision }) });
const costsTab = (b: BundleWorld) => b.world.inspect.grid('Costs');
/** A person typing a unit cost next to a SKU in the Costs tab. */
function typeCost(b: BundleWorld, sku: string, cost: string): void {
  const row = costsTab(b).values.findIndex((r) => r[0] === sku) + 1;
  if (row === 0) throw new Error(`No Costs row for ${sku}`);
  b.world.run(PERSON, (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!.getRange(row, 2).setValue(cost));
}
/** A person typing cells into a row of the Costs tab, from its first column, as the Sheets UI writes what is typed. */
function typeRow(b: BundleWorld, row: number, cells: string[]): void {
  b.world.run(PERSON, (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!.getRange(row, 1, 1, cells.length).setValues([cells]));
}
const journalTotals = (p: PreviewResult) => p.cogs!.journals.map((j) => [j.key, j.total]);
const journals = (b: BundleWorld) => b.sandbox.journals(US).map((j) => `${j.narration.split(' ')[0]} ${j.date} ${j.status} ${j.lines.map((l) => `${l.accountCode}:${l.lineAmount}`).join(' ')}`);
const invoices = (b: BundleWorld) => b.sandbox.documents(US).map((d) => `${d.invoiceNumber} ${d.status}`);

describe('cost of goods sold on the built add-on', () => {
  it('lists each SKU of an imported settlement in the Costs tab, exactly as written, with its units, for a cost to be filled in', () => {
    const b = imported();
    const grid = costsTab(b);
    expect(grid.values[0]).toEqual(['SKU', 'Unit cost', 'Currency', 'Effective from', 'Effective to', 'Note', 'Units seen', 'Seen in']);
    expect(grid.values.slice(1)).toEqual([
      ['00123', '', 'USD', '', '', '', '2 sold', `settlement ${ID}`],
      ['=1+1', '', 'USD', '', '', '', '1 sold', `settlement ${ID}`],
      ['MUG', '', 'USD', '', '', '', '5 sold, 1 returned', `settlement ${ID}`],
    ]);
    expect(grid.formulas.flat().filter((f) => f !== '')).toEqual([]);
    // The Accounts tab has the journal's two categories.
    expect(b.world.inspect.grid('Accounts').values.filter((r) => ['Cost of goods sold', 'Inventory'].includes(String(r[0]))).map((r) => r.slice(0, 6))).toEqual([
      ['Cost of goods sold', '', '', '', '310', 'NONE'],
      ['Inventory', '', '', '', '630', 'NONE'],
    ]);
  });

  it('previews units by SKU per part and the journal; posts the invoices and one balanced journal per part; posting again creates nothing', () => {
    const b = imported();
    const waiting = preview(b);
    expect(waiting.canPost).toBe(true);
    expect(waiting.cogs!.onlyJournals).toBe(false);
    expect(waiting.cogs!.parts.map((p) => [p.key, p.skus.map((s) => `${s.sku} ${s.sold}/${s.returned}`)])).toEqual([
      ['2025-07', ['MUG 3/0']],
      ['2025-08', ['00123 2/0', '=1+1 1/0', 'MUG 2/1']],
    ]);
    expect(waiting.cogs!.journals).toEqual([]);
    expect(waiting.cogs!.missing.map((m) => m.sku)).toEqual(['MUG', '00123', '=1+1']);

    typeCost(b, 'MUG', '4.10');
    typeCost(b, '00123', '2.35');
    typeCost(b, '=1+1', '1.05');
    const ready = preview(b);
    expect(ready.cogs!.problems).toEqual([]);
    expect(ready.cogs!.notes).toEqual(['1 order or refund line carried no quantity (the old V1 format never writes one on refunds): each was counted as one unit.']);
    expect(ready.cogs!.journals.map((j) => [j.key, j.date, j.status, j.total, j.lines.map((l) => `${l.category} ${l.accountCode} ${l.accountName} ${l.amount}`)])).toEqual([
      ['AMZ-24288684723-2025-07-COGS', '2025-07-31', 'POSTED', '12.30', ['Cost of goods sold 310 Cost of Goods Sold 12.30', 'Inventory 630 Inventory -12.30']],
      ['AMZ-24288684723-2025-08-COGS', '2025-08-08', 'POSTED', '9.85', ['Cost of goods sold 310 Cost of Goods Sold 9.85', 'Inventory 630 Inventory -9.85']],
    ]);
    const summaryTab = b.world.inspect.grid('Summary').values.map((r) => r.join('|'));
    expect(summaryTab).toContain('August 2025|=1+1|1|0|1.05|1.05|1|3');
    expect(summaryTab.some((r) => r.startsWith('July 2025|Journal AMZ-24288684723-2025-07-COGS dated 2025-07-31|Cost of goods sold|310|No tax|12.3|debit|'))).toBe(true);

    const posted = post(b);
    expect(posted.outcome).toBe('posted');
    expect(posted.message).toContain('Its cost of goods sold (22.15 USD) is in Xero: AMZ-24288684723-2025-07-COGS (Posted), AMZ-24288684723-2025-08-COGS (Posted).');
    expect(invoices(b)).toEqual(['AMZ-24288684723-2025-07 AUTHORISED', 'AMZ-24288684723-2025-08 AUTHORISED']);
    expect(journals(b)).toEqual([
      'AMZ-24288684723-2025-07-COGS 2025-07-31 POSTED 310:12.30 630:-12.30',
      'AMZ-24288684723-2025-08-COGS 2025-08-08 POSTED 310:9.85 630:-9.85',
    ]);
    expect(preview(b).cogs!.posted.map((j) => [j.part, j.status, j.total, j.url])).toEqual([
      ['2025-07', 'POSTED', '12.30', expect.stringContaining('/Journal/View.aspx?invoiceID=')],
      ['2025-08', 'POSTED', '9.85', expect.stringContaining('shortcode=!hL2mw')],
    ]);

    const calls = b.sandbox.calls();
    expect(post(b).outcome).toBe('already-posted');
    expect(b.sandbox.calls()).toEqual(calls);
    expect(b.sandbox.journals(US)).toHaveLength(2);
  });

  it('a changed cost marks the settlement changed; Void and re-post replaces the journal and leaves the invoices', () => {
    const b = imported();
    for (const [sku, cost] of [['MUG', '4.10'], ['00123', '2.35'], ['=1+1', '1.05']] as const) typeCost(b, sku, cost);
    post(b);
    typeCost(b, 'MUG', '4.50');
    const changed = preview(b);
    expect(changed.changedSincePosting).toBe(true);
    expect(changed.cogs!.changedSincePosting).toBe(true);
    expect(changed.cogs!.onlyJournals).toBe(true);
    expect(changed.canPost).toBe(false);
    expect(changed.cogs!.journals.map((j) => [j.key, j.total])).toEqual([['AMZ-24288684723-2025-07-COGS-R2', '13.50'], ['AMZ-24288684723-2025-08-COGS-R2', '10.25']]);
    expect(b.world.inspect.grid('Settlements').values.find((r) => r[0] === ID)![10]).toBe('Changed since posting');
    expect(post(b).outcome).toBe('refused');

    const replaced = post(b, 'void-and-repost', changed.revision);
    expect(replaced.outcome).toBe('posted');
    expect(invoices(b)).toEqual(['AMZ-24288684723-2025-07 AUTHORISED', 'AMZ-24288684723-2025-08 AUTHORISED']);
    expect(journals(b)).toEqual([
      'AMZ-24288684723-2025-07-COGS 2025-07-31 VOIDED 310:12.30 630:-12.30',
      'AMZ-24288684723-2025-08-COGS 2025-08-08 VOIDED 310:9.85 630:-9.85',
      'AMZ-24288684723-2025-07-COGS-R2 2025-07-31 POSTED 310:13.50 630:-13.50',
      'AMZ-24288684723-2025-08-COGS-R2 2025-08-08 POSTED 310:10.25 630:-10.25',
    ]);
    const after = preview(b);
    expect([after.changedSincePosting, after.canPost]).toEqual([false, false]);
    expect(b.world.inspect.grid('Settlements').values.find((r) => r[0] === ID)![10]).toBe('Posted');
  });

  it('a missing cost blocks only the journal: the invoices post, the journal follows once the cost is there', () => {
    const b = imported();
    typeCost(b, 'MUG', '4.10');
    const result = post(b);
    expect(result.outcome).toBe('posted');
    expect(result.message).toContain('Its cost of goods sold journals were not posted: No cost yet for 2 SKUs (00123 and =1+1). Add their unit costs in the Costs tab, where their rows are highlighted.');
    expect(invoices(b)).toHaveLength(2);
    expect(b.sandbox.journals(US)).toEqual([]);
    expect(preview(b).canPost).toBe(false);

    typeCost(b, '00123', '2.35');
    typeCost(b, '=1+1', '1.05');
    expect(preview(b).canPost).toBe(true);
    expect(post(b).outcome).toBe('posted');
    expect(invoices(b)).toHaveLength(2);
    expect(b.sandbox.journals(US)).toHaveLength(2);
  });

  it('every answer to the journal create lost: the next press finds the journals and creates no second one', () => {
    const b = imported();
    for (const [sku, cost] of [['MUG', '4.10'], ['00123', '2.35'], ['=1+1', '1.05']] as const) typeCost(b, sku, cost);
    b.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/ManualJournals' }, times: 3, kind: { dropAfterCommit: true } });
    const first = post(b);
    expect(first.message).toContain('Xero may have created some of them: press Post again');
    expect(preview(b).canPost).toBe(true);
    const again = post(b);
    expect(again.message).toContain('Its cost of goods sold is in Xero: AMZ-24288684723-2025-07-COGS (Posted), AMZ-24288684723-2025-08-COGS (Posted).');
    expect(b.sandbox.journals(US)).toHaveLength(2);
    expect(invoices(b)).toHaveLength(2);
  });

  it('a re-issued file’s units replace the earlier ones; a settlement imported without units says how to count them', () => {
    const b = imported();
    // Amazon re-issued the settlement: the July order was for 4 mugs, not 3.
    const reissued = settlementOf([{ spec: ['Order', 'ItemPrice', 'Principal', '2025-07-28', '80.00'], sku: 'MUG', quantity: 4 }, ...LINES.slice(1)], HEADERS.monthSplit);
    const payload = importPayload(reissued);
    const begun = b.run<BeginImportResult>('beginImport', { ...payload.begin, confirmReissue: true });
    if (begun.status !== 'ready') throw new Error(begun.status);
    b.run('appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines });
    b.run('finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units });
    expect(preview(b).cogs!.parts[0]!.skus).toMatchObject([{ sku: 'MUG', sold: 4 }]);

    // A settlement an older SettleSheet imported, before it counted units, has no units rows.
    importThroughBundle(b, settlementOf(LINES, { ...HEADERS.monthSplit, settlementId: '24288684799' }));
    b.world.run(PERSON, (g) => {
      const units = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet units')!;
      const ids = units.getRange(1, 1, units.getLastRow(), 1).getValues().map((r) => String(r[0]));
      const first = ids.findIndex((id) => id.includes('24288684799'));
      units.deleteRows(first + 1, ids.filter((id) => id.includes('24288684799')).length);
    });
    const shown = b.run<PreviewResult>('previewSettlement', { settlementId: '24288684799' });
    expect(shown.cogs!.problems).toEqual(['SettleSheet does not know this settlement’s units per SKU: it was imported before cost of goods sold was counted. Import its file again (a re-downloaded copy) to count them.']);
    expect(shown.canPost).toBe(true);
  });

  it('with cost of goods sold turned off, no SKU is listed, nothing is costed and no journal is posted', () => {
    const b = bundleWorld(bundle());
    connectThroughBundle(b, [US]);
    b.run('saveSettings', { ...SETTINGS, cogs: 'off' });
    // A settings form that does not know the setting keeps it.
    expect(b.run<SettingsDto>('saveSettings', SETTINGS).cogs).toBe('off');
    importThroughBundle(b, settlementOf(LINES, HEADERS.monthSplit));
    expect(costsTab(b).values.slice(1).filter((r) => r[0] !== '')).toEqual([]);
    expect(preview(b).cogs).toMatchObject({ enabled: false, journals: [], problems: [] });
    expect(post(b).outcome).toBe('posted');
    expect(b.sandbox.journals(US)).toEqual([]);
    expect(b.sandbox.calls()['GET api.xero.com/api.xro/2.0/manualjournals']).toBeUndefined();
  });
});

describe.each(['strip', 'keep'] as const)('the Costs tab keeps SKUs as typed (apostrophe in plain-text cells: %s)', (mode) => {
  it('lists the SKUs it saw as plain text without an apostrophe; SKUs a person types stay exactly as typed, and a new cost row from August is used for August', () => {
    const b = imported(mode);
    const grid = costsTab(b);
    expect(grid.values.slice(1).map((r) => [r[0], r[2]])).toEqual([['00123', 'USD'], ['=1+1', 'USD'], ['MUG', 'USD']]);
    expect(grid.numberFormats.slice(1, 4).map((r) => [r[0], r[2]])).toEqual([['@', '@'], ['@', '@'], ['@', '@']]);

    // The costs known before, on the rows SettleSheet listed; then, below, a new price from August
    // for 00123 and a cost for the formula-looking SKU, quoted the way people keep formulas out.
    typeCost(b, 'MUG', '4.10');
    typeCost(b, '00123', '2.35');
    const next = costsTab(b).values.length + 1;
    typeRow(b, next, ['00123', '9.99', 'USD', '2025-08-01']);
    typeRow(b, next + 1, ["'=1+1", '1.05', 'USD']);
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
    typeRow(b, next, ['00123', '9.99', 'USD', '2025-08-01']);
    typeRow(b, next + 1, ['=1+1', '1.05', 'USD']);
    expect(costsTab(b).values[next - 1]![0]).toBe(123);

    const shown = preview(b);
    expect(costsTab(b).numberFormats.slice(1).every((r) => r[0] === '@' && r[2] === '@')).toBe(true);
    expect(shown.cogs!.problems.slice(0, 2)).toEqual([
      `Costs row ${next}, column SKU: Sheets turned the SKU into the number 123 (leading zeros and long digits are lost that way). Type the SKU again: the column now keeps what is typed as text.`,
      `Costs row ${next + 1}, column SKU: the cell holds a formula (=1+1), so its SKU is whatever that calculates. Type the SKU itself: the column keeps what is typed as text.`,
    ]);
    expect(shown.cogs!.journals).toEqual([]);

    // Typed again into what is now a plain-text column: the SKUs are as typed and the journals are ready.
    typeRow(b, next, ['00123']);
    typeRow(b, next + 1, ['=1+1']);
    const fixed = preview(b);
    expect(fixed.cogs!.problems).toEqual([]);
    expect(journalTotals(fixed)).toEqual([
      ['AMZ-24288684723-2025-07-COGS', '12.30'],
      ['AMZ-24288684723-2025-08-COGS', '25.13'],
    ]);
  });
});
