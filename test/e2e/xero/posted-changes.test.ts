// A posted settlement whose tabs change afterwards (issue 12, §2), on the BUILT add-on: the edit
// itself says which posted settlements it changes (the onEdit simple trigger, as Sheets runs it:
// AuthMode LIMITED, 30 seconds, no UrlFetch, nothing written), and the preview shows what changed,
// line by line, from what each document said when it was posted; a settlement posted before
// SettleSheet kept those lines says they are not known.
import type { PostResultDto, PreviewResult, SettingsDto } from '../../../src/api/types';
import { TENANT_IDS } from '../../fakes/xero';
import { builtBundle, bundleWorld, connectThroughBundle, importThroughBundle, PERSON, type BundleWorld } from '../../support/bundle-xero';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { HEADERS } from '../../support/xero-apps-script';

const US = TENANT_IDS.us;
const bundle = builtBundle();
const LINES: DetailedLineSpec[] = [
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-07-28', '60.00'], sku: 'MUG', quantity: 3 },
  { spec: ['Order', 'ItemFees', 'Commission', '2025-07-28', '-9.00'], sku: 'MUG', quantity: 3 },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '40.00'], sku: 'MUG', quantity: 2 },
  { spec: ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-05', '-4.00', ''] },
];
const ID = HEADERS.monthSplit.settlementId;
const SETTINGS: SettingsDto = { split: 'carry', documentStatus: 'DRAFT', contactName: '', template: '' };

const preview = (b: BundleWorld) => b.run<PreviewResult>('previewSettlement', { settlementId: ID });
// Post carries the fingerprint of the preview the person looked at (issue 9).
const post = (b: BundleWorld, mode: 'post' | 'void-and-repost' = 'post', seenRevision?: number) =>
  b.run<PostResultDto>('postSettlement', { settlementId: ID, mode, fingerprint: preview(b).fingerprint, ...(seenRevision === undefined ? {} : { seenRevision }) });

/** The row (1-based) of the first row of `tab` whose column `match` holds `value`, and the column of `header`. */
function cellOf(b: BundleWorld, tab: string, match: { column: string; value: string }, header: string): { row: number; column: number } {
  const values = b.world.inspect.grid(tab).values;
  const row = values.findIndex((r) => r[values[0]!.indexOf(match.column)] === match.value) + 1;
  if (row < 2) throw new Error(`No ${tab} row with ${match.column} ${match.value}`);
  return { row, column: values[0]!.indexOf(header) + 1 };
}

/** A person types into a cell; returns the toasts the edit made. */
function edit(b: BundleWorld, tab: string, match: { column: string; value: string }, header: string, value: string): string[] {
  const outcome = b.bundle.edit(PERSON, { sheet: tab, ...cellOf(b, tab, match, header), value });
  expect(outcome.triggerError).toBeUndefined();
  return outcome.toasts.map((t) => `${t.title}: ${t.message}`);
}

/** Imported, costed and posted with its journals, as a person does it in the sidebar. */
function posted(): BundleWorld {
  const b = bundleWorld(bundle());
  connectThroughBundle(b, [US]);
  b.run('saveSettings', SETTINGS);
  importThroughBundle(b, settlementOf(LINES, HEADERS.monthSplit));
  preview(b);
  edit(b, 'Costs', { column: 'SKU', value: 'MUG' }, 'Unit cost', '4.10');
  expect(post(b).outcome).toBe('posted');
  expect(b.sandbox.journals(US)).toHaveLength(2);
  return b;
}

describe('a posted settlement whose tabs change', () => {
  it('says at the Accounts edit which posted settlement it changes, without writing or fetching, and when an edit brings it back', () => {
    const b = posted();
    b.world.calls.reset();
    const requests = b.world.inspect.requests().length;
    expect(edit(b, 'Accounts', { column: 'Category', value: 'Seller fees' }, 'Account code', '406')).toEqual([
      `SettleSheet: This edit changes posted settlement ${ID} (Seller fees): it no longer matches what is in Xero. Open it in SettleSheet to see what changed and to void and re-post, or undo the edit.`,
    ]);
    // The trigger only read: the one write is the person's own typing.
    const writes = Object.entries(b.world.calls.counts()).filter(([name]) => /setValue|appendRow|setProperty|insertRows|clear/.test(name));
    expect(writes).toEqual([['Range.setValue', 1]]);
    expect(b.world.inspect.requests()).toHaveLength(requests);

    // An edit no posted settlement uses says nothing; the edit undone says it matches again.
    expect(edit(b, 'Accounts', { column: 'Category', value: 'Loans' }, 'Account code', '2301')).toEqual([]);
    expect(edit(b, 'Accounts', { column: 'Category', value: 'Seller fees' }, 'Account code', '405')).toEqual([`SettleSheet: Settlement ${ID} matches what is in Xero again.`]);
    expect(preview(b).changedSincePosting).toBe(false);
  });

  it('after a paste (no value before is given), names every posted settlement that no longer matches', () => {
    const b = posted();
    const { row, column } = cellOf(b, 'Accounts', { column: 'Category', value: 'Sales' }, 'Account code');
    b.world.run(PERSON, (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!.getRange(row, column, 2, 1).setValues([['200'], ['202']]));
    const shown = b.world.inspect.ui().toasts.length;
    const answer = b.bundle.trigger(PERSON, 'onEdit', (scope) => {
      const source = (scope as unknown as typeof globalThis).SpreadsheetApp.getActiveSpreadsheet();
      return { range: source.getSheetByName('Accounts')!.getRange(row, column, 2, 1), source };
    });
    expect(answer.thrown).toBeUndefined();
    expect(b.world.inspect.ui().toasts.slice(shown).map((t) => t.message)).toEqual([
      `Posted settlement ${ID} (Sales): it no longer matches what is in Xero. Open it in SettleSheet to see what changed and to void and re-post, or undo the edit.`,
    ]);
  });

  it('shows what changed line by line, in Xero and now, and Void and re-post replaces it', () => {
    const b = posted();
    edit(b, 'Accounts', { column: 'Category', value: 'Seller fees' }, 'Account code', '406');
    const seen = preview(b);
    expect(seen.changedSincePosting).toBe(true);
    expect(seen.changes).toEqual({
      linesKnown: true,
      journalsKnown: true,
      journals: [],
      documents: [{
        part: '2025-07',
        invoiceNumber: 'AMZ-24288684723-2025-07',
        before: { type: 'ACCREC', date: '2025-07-31', total: '0.00' },
        after: { type: 'ACCREC', date: '2025-07-31', total: '0.00' },
        lines: [{
          category: 'Seller fees',
          before: { accountCode: '405', accountName: 'Amazon Seller Fees', taxType: 'NONE', amount: '-9.00' },
          after: { accountCode: '406', accountName: 'Amazon FBA Fees', taxType: 'NONE', amount: '-9.00' },
        }],
        unchanged: 2,
        moves: [],
      }],
    });
    expect(post(b, 'void-and-repost', seen.revision).outcome).toBe('posted');
    const after = preview(b);
    expect(after.changedSincePosting).toBe(false);
    expect(after.changes).toBeUndefined();
  });

  it('says at the Mapping edit which categories it moves a line type between, and the preview lists the move', () => {
    const b = posted();
    expect(edit(b, 'Mapping', { column: 'Amount description', value: 'Storage Fee' }, 'Category', 'FBA fees')).toEqual([
      `SettleSheet: This edit changes posted settlement ${ID} (Storage, FBA fees): it no longer matches what is in Xero. Open it in SettleSheet to see what changed and to void and re-post, or undo the edit.`,
    ]);
    const august = preview(b).changes!.documents.find((d) => d.part === '2025-08')!;
    expect(august.moves).toEqual([{ transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Storage Fee', marketplace: 'Amazon.com', remittedBy: '', from: 'Storage', to: 'FBA fees', amount: '-4.00' }]);
    expect(august.lines.map((l) => [l.category, l.before?.amount ?? null, l.after?.amount ?? null])).toEqual([['FBA fees', null, '-4.00'], ['Storage', '-4.00', null]]);
  });

  it('says at the Costs edit which SKU changes a posted journal, and the preview shows the journal and the SKU before and after', () => {
    const b = posted();
    expect(edit(b, 'Costs', { column: 'SKU', value: 'MUG' }, 'Unit cost', '4.50')).toEqual([
      `SettleSheet: This edit changes posted settlement ${ID} (MUG): it no longer matches what is in Xero. Open it in SettleSheet to see what changed and to void and re-post, or undo the edit.`,
    ]);
    const changes = preview(b).changes!;
    expect(changes.documents).toEqual([]);
    expect(changes.journals.map((j) => [j.part, j.before!.total, j.after!.total, j.skus])).toEqual([
      ['2025-07', '12.30', '13.50', [{ sku: 'MUG', before: { net: 3, unitCost: '4.10' }, after: { net: 3, unitCost: '4.50' } }]],
      ['2025-08', '8.20', '9.00', [{ sku: 'MUG', before: { net: 2, unitCost: '4.10' }, after: { net: 2, unitCost: '4.50' } }]],
    ]);
    expect(changes.journals[0]!.lines.map((l) => [l.category, l.before!.amount, l.after!.amount])).toEqual([['Cost of goods sold', '12.30', '13.50'], ['Inventory', '-12.30', '-13.50']]);
  });

  it('for a settlement posted before its lines were kept: the preview says they are not known and shows what it would post now; the edit names nothing', () => {
    const b = posted();
    forgetPostedLines(b);
    expect(edit(b, 'Accounts', { column: 'Category', value: 'Seller fees' }, 'Account code', '406')).toEqual([]);
    const changes = preview(b).changes!;
    expect(changes.linesKnown).toBe(false);
    expect(changes.documents.map((d) => [d.part, d.before ?? null, d.lines.map((l) => `${l.category} ${l.before ? 'before' : ''}${l.after ? `after ${l.after.accountCode} ${l.after.amount}` : ''}`)])).toEqual([
      ['2025-07', null, ['Sales after 201 60.00', 'Seller fees after 406 -9.00', 'Carried forward after 2010 -51.00']],
      ['2025-08', null, ['Sales after 201 40.00', 'Storage after 407 -4.00', 'Carried forward after 2010 51.00']],
    ]);
  });
});

/** Removes what the posted record kept of the documents' lines, as a record written by an older SettleSheet. */
function forgetPostedLines(b: BundleWorld): void {
  b.world.run(PERSON, (g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet records')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === `xero.posted.${ID}`) + 1;
    const record = JSON.parse(values[row - 1]!.slice(1).join('')) as Record<string, unknown>;
    delete record.lines;
    delete record.journalLines;
    sheet.getRange(row, 2, 1, values[0]!.length - 1).setValues([[`'${JSON.stringify(record)}`, ...new Array<string>(values[0]!.length - 2).fill('')]]);
  });
}
