// What an import may and may not do to a shared workbook, on the built bundle (issue 9 §1, issue
// 12 §3): the server holds the browser to the lines it stored, an abandoned import does not block
// anyone for long, one set of limits speaks the same words in the browser and on the server, an
// import adds a bounded number of Mapping rows and a preview returns a bounded answer, and an
// unbalanced file is imported only when the person keeps it for inspection.
import { importPayload } from '../../../src/api/import-payload';
import type { BeginImportResult, Envelope, PreviewResult, SettlementListItem } from '../../../src/api/types';
import { SettlementReader } from '../../../sidebar/reading/reader';
import type { Settlement } from '../../../src/core/settlement/types';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleSession, importSettlement, useBuiltBundle, type BundleSession } from '../../support/bundle-session';
import { settlementOf } from '../../support/settlements';
import { settlementRecords, workbookProblems } from '../../support/workbook-invariants';
import { BOOKKEEPER, SELLER } from '../../support/xero-apps-script';
import { LINE_FACTS_KEPT } from '../../../src/server/registry';

const code = useBuiltBundle();
const MINUTE = 60_000;

const LINES: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemPrice', 'Shipping', '2025-08-02', '5.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-03', '-4.10'],
  ['Refund', 'ItemPrice', 'Principal', '2025-08-05', '-20.00'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-05', '-3.00', ''],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount', '2025-08-06', '-10.00', ''],
  ['ServiceFee', 'Cost of Advertising', 'TransactionTotalAmount', '2025-08-07', '-8.00', ''],
];
const ID = '30000000011';
const settlement = () => settlementOf(LINES, { settlementId: ID });

const visibleRows = (s: BundleSession, tab: string) => s.x.world.inspect.grid(tab).values.slice(1).filter((r) => r.some((v) => v !== ''));

/** Begin and every chunk, as the sidebar sends them; returns the import id and the payload. */
function staged(s: BundleSession, parsed: Settlement, user = SELLER) {
  const payload = importPayload(parsed);
  const begun = s.run<BeginImportResult>(user, 'beginImport', payload.begin);
  if (begun.status !== 'ready') throw new Error(begun.status);
  s.run(user, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines });
  return { importId: begun.importId, payload };
}

describe('the server holds the browser to the lines it stored', () => {
  it('refuses an aggregate that is not the sum of the staged lines, even with the same total and line count', () => {
    const s = bundleSession(code());
    const { importId, payload } = staged(s, settlement());
    const total = payload.begin.header.totalAmount;
    // A modified client: honest lines, one aggregate row with the same total and count: all "Sales".
    const forged = [['2025-08-02', 'Order', 'ItemPrice', 'Principal', 'Amazon.com', total, LINES.length, '']];
    const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', { importId, aggregate: forged, units: payload.units });
    expect(finished.ok).toBe(false);
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements')).toEqual([]);
    expect(settlementRecords(s.x.world).size).toBe(0);
  });

  it('refuses a made-up entry of no lines, which would add a Mapping row for a line type no file contains', () => {
    const s = bundleSession(code());
    const { importId, payload } = staged(s, settlement());
    const forged = [...payload.aggregate, ['2025-08-02', 'Order', 'ItemFees', 'Made Up Fee', 'Amazon.com', '0.00', 0, '']];
    const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', { importId, aggregate: forged, units: payload.units });
    expect(finished).toMatchObject({ ok: false, message: expect.stringMatching(/Reload the sidebar and import the file again/) });
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements')).toEqual([]);
    expect(visibleRows(s, 'Mapping').filter((r) => r.includes('Made Up Fee'))).toEqual([]);
  });

  it('refuses one line type sent as two entries, even when they add up to the lines', () => {
    const s = bundleSession(code());
    const twice = settlementOf([...LINES, ['Order', 'ItemFees', 'Commission', '2025-08-02', '-1.50']], { settlementId: ID });
    const { importId, payload } = staged(s, twice);
    const at = payload.aggregate.findIndex((e) => e[3] === 'Commission' && e[6] === 2);
    expect(at).toBeGreaterThanOrEqual(0);
    const entry = payload.aggregate[at]!;
    const split = [[...entry.slice(0, 5), '-19.50', 1, ...entry.slice(7)], [...entry.slice(0, 5), '-1.50', 1, ...entry.slice(7)]];
    const forged = [...payload.aggregate.slice(0, at), ...split, ...payload.aggregate.slice(at + 1)];
    const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', { importId, aggregate: forged, units: payload.units });
    expect(finished).toMatchObject({ ok: false, message: expect.stringMatching(/Reload the sidebar and import the file again/) });
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements')).toEqual([]);
  });

  it('refuses units that are not those of the staged lines', () => {
    const s = bundleSession(code());
    const { importId, payload } = staged(s, settlement());
    const units = payload.units.map((u) => [u[0], u[1], u[2], (u[3] as number) + 5, u[4], u[5]]);
    const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', { importId, aggregate: payload.aggregate, units });
    expect(finished.ok).toBe(false);
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements')).toEqual([]);
  });

  it('takes the honest aggregate, and the preview’s categories are those of Transactions', () => {
    const s = bundleSession(code());
    const { importId, payload } = staged(s, settlement());
    s.run(SELLER, 'finishImport', { importId, aggregate: payload.aggregate, units: payload.units });
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: ID });
    const categories = new Set(preview.parts.flatMap((p) => p.lines.flatMap((l) => l.categories)));
    const tx = s.x.world.inspect.grid('Transactions');
    const column = tx.values[0]!.indexOf('Category');
    expect(new Set(tx.values.slice(1).map((r) => r[column]).filter((c) => c !== ''))).toEqual(categories);
    expect(workbookProblems(s.x.world)).toEqual([]);
  });
});

describe('the tax role the browser gives each line', () => {
  const order = (spec: LineSpec) => ({ spec, orderId: '111-2223334-5556667' });
  const TAXED = [
    order(['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00']),
    order(['Order', 'ItemPrice', 'Tax', '2025-08-02', '8.00']),
    order(['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '2025-08-02', '-8.00']),
    order(['Order', 'ItemFees', 'Commission', '2025-08-02', '-15.00']),
    { spec: ['other-transaction', 'other-transaction', 'TaxAmount', '2025-08-05', '-1.20', ''] as LineSpec, orderId: '' },
  ];
  const taxed = () => settlementOf(TAXED, { settlementId: '30000000051', total: '83.80' });

  /** Sends the file's lines with line `at` given `role`; the server's answer. */
  function sendWithRole(at: number, role: string): Envelope<unknown> {
    const s = bundleSession(code());
    const payload = importPayload(taxed());
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    const lines = payload.lines.map((l, i) => (i === at ? Object.assign([...l], { 9: role }) : l));
    return s.bundle.call<Envelope<unknown>>(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines });
  }

  it('is what the honest sidebar sends: Amazon’s collected and withheld tax and the sale they are on, the seller’s stated tax', () => {
    expect(importPayload(taxed()).lines.map((l) => l[9])).toEqual(['amazon', 'amazon', 'amazon', '', 'seller']);
    expect(sendWithRole(-1, '')).toMatchObject({ ok: true });
  });

  it.each([
    ['a withheld-tax line as the seller’s', 2, 'seller', /MarketplaceFacilitatorTax-Principal.*tax the seller accounts for.*can only be tax Amazon remits/],
    ['a withheld-tax line as no tax at all', 2, '', /can only be tax Amazon remits/],
    ['tax stated on a fee as Amazon’s', 4, 'amazon', /TaxAmount.*can only be tax the seller accounts for/],
    ['a fee as a tax line', 3, 'seller', /Commission.*can only be not a tax line/],
  ])('refuses %s, in words, before writing the chunk', (_what, at, role, words) => {
    expect(sendWithRole(at, role)).toMatchObject({ ok: false, message: expect.stringMatching(words) });
  });

  it('refuses a split line whose Amazon share is not a part of it', () => {
    // GST the seller owes and PST Amazon remits, charged as one Tax line: the line is split.
    const split = settlementOf([order(['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00']), order(['Order', 'ItemPrice', 'Tax', '2025-08-02', '12.00']), order(['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '2025-08-02', '-7.00'])], { settlementId: '30000000052', total: '105.00' });
    const payload = importPayload(split);
    expect(payload.lines[1]!.slice(9)).toEqual(['amazon+seller', null, '', '7.00']);
    for (const [share, ok] of [['7.00', true], ['12.00', false], ['0.00', false], ['-7.00', false]] as const) {
      const s = bundleSession(code());
      const begun = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
      if (begun.status !== 'ready') throw new Error(begun.status);
      const lines = payload.lines.map((l, i) => (i === 1 ? Object.assign([...l], { 12: share }) : l));
      const sent = s.bundle.call<Envelope<unknown>>(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines });
      expect(sent).toMatchObject(ok ? { ok: true } : { ok: false, message: expect.stringContaining(`Amazon's share "${share}" of its tax 12.00 is not a part of it`) });
    }
  });

  it('leaves to the browser what the order decides: collected tax as the seller’s, a sale line of such an order as not Amazon’s', () => {
    expect(sendWithRole(1, 'seller')).toMatchObject({ ok: true });
    expect(sendWithRole(0, '')).toMatchObject({ ok: true });
  });
});

describe('an import someone left', () => {
  function leftBy(user: string): { s: BundleSession; importId: string } {
    const s = bundleSession(code());
    const payload = importPayload(settlement());
    const begun = s.run<BeginImportResult>(user, 'beginImport', payload.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(user, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines.slice(0, 3) });
    return { s, importId: begun.importId };
  }

  it('the person who started it can take it over at once, and it continues where it stopped', () => {
    const { s, importId } = leftBy(SELLER);
    const payload = importPayload(settlement());
    const again = s.run<BeginImportResult & { stalled?: { canTakeOver: boolean; importId: string } }>(SELLER, 'beginImport', payload.begin);
    expect(again).toMatchObject({ status: 'busy', stalled: { canTakeOver: true, importId } });
    const taken = s.run<BeginImportResult & { received?: number }>(SELLER, 'beginImport', { ...payload.begin, takeOver: importId });
    expect(taken).toMatchObject({ status: 'ready', importId, received: 3 });
    s.run(SELLER, 'appendImportLines', { importId, offset: 3, lines: payload.lines.slice(3) });
    s.run(SELLER, 'finishImport', { importId, aggregate: payload.aggregate, units: payload.units });
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements').map((l) => l.lines)).toEqual([LINES.length]);
    expect(workbookProblems(s.x.world)).toEqual([]);
  });

  it('anyone else may take it over or cancel it once it has been idle a short while, not before', () => {
    const { s, importId } = leftBy(SELLER);
    const other = settlementOf(LINES.slice(0, 4), { settlementId: '30000000012' });
    const begin = importPayload(other).begin;
    const busy = s.run<BeginImportResult & { stalled?: { canTakeOver: boolean } }>(BOOKKEEPER, 'beginImport', begin);
    expect(busy).toMatchObject({ status: 'busy', stalled: { canTakeOver: false } });
    expect((busy as { message: string }).message).toContain(SELLER);
    expect(s.bundle.call<Envelope<unknown>>(BOOKKEEPER, 'cancelImport', { importId })).toMatchObject({ ok: true, value: { cancelled: false } });
    s.x.world.advanceClock(3 * MINUTE);
    const idle = s.run<BeginImportResult & { stalled?: { canTakeOver: boolean } }>(BOOKKEEPER, 'beginImport', begin);
    expect(idle).toMatchObject({ status: 'busy', stalled: { canTakeOver: true } });
    expect(s.run(BOOKKEEPER, 'cancelImport', { importId })).toMatchObject({ cancelled: true });
    expect(s.x.world.inspect.sheet('Transactions').hiddenRows).toEqual([]);
    expect(importSettlement(s, other, { user: BOOKKEEPER }).finished?.lines).toBe(4);
    expect(workbookProblems(s.x.world)).toEqual([]);
  });
});

describe('one set of limits, the same words in the browser and on the server', () => {
  /** What the browser's reader says about a file, and what the server says about the same import. */
  function bothSides(parsed: Settlement, text: string): { browser: string[]; server: string } {
    const read = new SettlementReader().read(text, 'settlement.txt', () => undefined);
    const browser = read.ok ? [] : read.problems;
    const s = bundleSession(code());
    const payload = importPayload(parsed);
    let server = '';
    const begun = s.bundle.call<Envelope<BeginImportResult>>(SELLER, 'beginImport', payload.begin);
    if (!begun.ok) server = begun.message;
    else if (begun.value.status === 'ready') {
      const appended = s.bundle.call<Envelope<unknown>>(SELLER, 'appendImportLines', { importId: begun.value.importId, offset: 0, lines: payload.lines });
      if (!appended.ok) server = appended.message;
      else {
        const finished = s.bundle.call<Envelope<unknown>>(SELLER, 'finishImport', { importId: begun.value.importId, aggregate: payload.aggregate, units: payload.units });
        if (!finished.ok) server = finished.message;
      }
    }
    return { browser, server };
  }

  /** A Flat File V2 text for lines given as [type, amount type, description, amount, sku]. */
  function fileOf(id: string, rows: [string, string, string, string, string][], total: string): string {
    const header = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\tpromotion-id';
    const summary = [id, '2025-08-01 00:00:00 UTC', '2025-08-14 00:00:00 UTC', '2025-08-16 00:00:00 UTC', total, 'USD', ...new Array<string>(18).fill('')].join('\t');
    const lines = rows.map(([t, a, d, amount, sku], i) => `${id}\t\t\t\t\t\t${t}\t111-${1000000 + i}-7654321\t\t\t\tAmazon.com\t${a}\t${d}\t${amount}\tAFN\t2025-08-02\t2025-08-02 10:00:00 UTC\t\t\t\t${sku}\t1\t`);
    return [header, summary, ...lines].join('\n');
  }

  it('a text over 500 characters: the same message on both sides, naming the file, line and column', () => {
    const sku = 'S'.repeat(600);
    const text = fileOf('30000000021', [['Order', 'ItemPrice', 'Principal', '10.00', sku]], '10.00');
    const parsed = settlementOf([{ spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '10.00'], sku }], { settlementId: '30000000021' });
    parsed.lines[0]!.line = 3;
    const { browser, server } = bothSides(parsed, text);
    expect(browser).toHaveLength(1);
    expect(browser[0]).toMatch(/^settlement\.txt, line 3, column sku: .*500 characters/);
    expect(server).toBe(browser[0]);
  });

  it('a settlement id that is not one (=1+1): the same message on both sides', () => {
    const text = fileOf('=1+1', [['Order', 'ItemPrice', 'Principal', '10.00', 'A']], '10.00');
    const parsed = settlementOf([['Order', 'ItemPrice', 'Principal', '2025-08-02', '10.00']], { settlementId: '=1+1' });
    const { browser, server } = bothSides(parsed, text);
    expect(browser).toHaveLength(1);
    expect(browser[0]).toMatch(/^settlement\.txt, line 2, column settlement-id: /);
    expect(server).toBe(browser[0]);
  });

  it('amounts whose sum passes what can be added exactly: refused with the same words, never a frozen "Checking…"', () => {
    const rows: [string, string, string, string, string][] = [
      ['Order', 'ItemPrice', 'Principal', '60000000000000.00', 'A'],
      ['Order', 'ItemPrice', 'Shipping', '60000000000000.00', 'A'],
    ];
    const text = fileOf('30000000022', rows, '10.00');
    const parsed = settlementOf(rows.map(([t, a, d, amount]) => ({ spec: [t, a, d, '2025-08-02', amount] as LineSpec, sku: 'A' })), { settlementId: '30000000022', total: '10.00' });
    parsed.lines.forEach((l, i) => (l.line = i + 3));
    const { browser, server } = bothSides(parsed, text);
    expect(browser).toHaveLength(1);
    expect(browser[0]).toMatch(/^settlement\.txt, line 4, column amount: .*add/);
    expect(server).toBe(browser[0]);
  });
});

describe('bounded growth', () => {
  it('an import of 10,000 new line types adds a bounded number of Mapping rows and says how many more; each of two previews adds no more, and stays small', () => {
    const s = bundleSession(code());
    const lines: LineSpec[] = Array.from({ length: 10_000 }, (_, i) => [`Program ${i}`, 'ItemFees', `Fee number ${i}`, '2025-08-03', '-0.01']);
    s.run(SELLER, 'listSettlements');
    const before = visibleRows(s, 'Mapping').length;
    importSettlement(s, settlementOf([['Order', 'ItemPrice', 'Principal', '2025-08-02', '200.00'], ...lines], { settlementId: '30000000031' }));
    const added = visibleRows(s, 'Mapping').length - before;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(150);
    const log = visibleRows(s, 'Log').find((r) => r[2] === 'Import')!;
    expect(String(log[5])).toMatch(/more/);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: '30000000031' });
    expect(JSON.stringify(preview).length).toBeLessThan(200_000);
    // Each preview lists the next line types within the same cap as the import, never all of them at once.
    const afterFirst = visibleRows(s, 'Mapping').length;
    const firstAdded = afterFirst - before - added;
    expect(firstAdded).toBeGreaterThan(0);
    expect(firstAdded).toBeLessThanOrEqual(added);
    s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: '30000000031' });
    const secondAdded = visibleRows(s, 'Mapping').length - afterFirst;
    expect(secondAdded).toBeGreaterThan(0);
    expect(secondAdded).toBeLessThanOrEqual(firstAdded);
  });

  it('a preview of 10,000 line types that map to one category, over 10,000 SKUs, stays small and within Google’s cell and call limits', () => {
    const s = bundleSession(code());
    // Any promotion is a promotion (a wildcard rule): every one of these lands on one summary line.
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ spec: ['Order', 'Promotion', `Promotion number ${i}`, '2025-08-03', '-0.01'] as LineSpec, sku: `SKU-${i}` }));
    const sales = Array.from({ length: 10_000 }, (_, i) => ({ spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '1.00'] as LineSpec, sku: `SKU-${i}`, quantity: 1 }));
    importSettlement(s, settlementOf([...sales, ...lines], { settlementId: '30000000032' }));
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: '30000000032' });
    expect(JSON.stringify(preview).length).toBeLessThan(200_000);
    const promotions = preview.parts.flatMap((p) => p.lines).find((l) => l.categories.includes('Promotions'))!;
    expect(promotions.sources.length).toBeLessThanOrEqual(50);
    expect(promotions.sourcesMore).toBe(10_000 - promotions.sources.length);
    expect(preview.cogs!.parts[0]!.skus.length).toBeLessThanOrEqual(50);
    expect(preview.cogs!.notes.join(' ')).toMatch(/more/);
    expect(s.x.world.calls.largestCall().cells).toBeLessThanOrEqual(100_000);
  });
});

describe('an unbalanced file (issue 12 §3)', () => {
  const unbalanced = () => settlementOf(LINES, { settlementId: '30000000041', total: '71.37' });

  it('is not imported unless the person keeps it for inspection', () => {
    const s = bundleSession(code());
    const payload = importPayload(unbalanced());
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
    let refused = '';
    if (begun.status === 'ready') {
      s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines });
      const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units });
      refused = finished.ok ? '' : finished.message;
    }
    expect(refused).toContain('the lines come to 0.01 USD more than the total');
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements')).toEqual([]);
    expect(visibleRows(s, 'Transactions')).toEqual([]);

    const kept = importSettlement(s, unbalanced(), { keepUnbalanced: true });
    expect(kept.finished).toMatchObject({ balanced: false, status: 'Imported' });
  });
});

describe('a settlement an earlier SettleSheet imported', () => {
  it('is imported again from the same file on request, so it gains what it did not keep (tax roles, channels, units); then the same file changes nothing', () => {
    const s = bundleSession(code());
    importSettlement(s, settlement());
    // What the first version wrote: a record without `linesKept` (the file's fingerprint is the same).
    s.x.run(SELLER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet records')!;
      const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
      const row = rows.findIndex((r) => String(r[0]) === `settlesheet.settlement.${ID}`);
      const { linesKept: _kept, ...older } = JSON.parse(String(rows[row]![1])) as Record<string, unknown>;
      sheet.getRange(row + 2, 2).setValue(JSON.stringify(older));
    });
    const payload = importPayload(settlement());
    const asked = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
    expect(asked).toMatchObject({ status: 'needs-confirmation', message: expect.stringContaining('was imported by an earlier SettleSheet') });

    const again = importSettlement(s, settlement(), { confirmReissue: true });
    expect(again.finished).toMatchObject({ settlementId: ID, lines: LINES.length });
    expect(settlementRecords(s.x.world).get(ID)).toMatchObject({ linesKept: LINE_FACTS_KEPT });
    expect(visibleRows(s, 'Transactions')).toHaveLength(LINES.length);
    expect(workbookProblems(s.x.world)).toEqual([]);
    expect(s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin)).toMatchObject({ status: 'unchanged' });
  });
});
