import { chunksOf, importPayload } from '../../../src/api/import-payload';
import type { BeginImportResult } from '../../../src/api/types';
import { appendImportLines, beginImport, cancelImport, finishImport } from '../../../src/server/api/import';
import { listSettlements } from '../../../src/server/api/settlements';
import { appsScript } from '../../support/apps-script';
import type { LineSpec } from '../../support/build-aggregate';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { sheetsCalls } from '../../support/sheets-calls';

const lines: DetailedLineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '10.00'], orderId: '1234567890123456789', sku: '=HYPERLINK("http://evil.example","click")' },
  { spec: ['Order', 'ItemPrice', 'Shipping', '2025-08-03', '4.99'], sku: '+1-2' },
  { spec: ['Order', 'ItemFees', 'Commission', '2025-08-03', '-1.50'], sku: '-SKU' },
  { spec: ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-03', '-3.22'], sku: '@home' },
  ['Mystery Type', 'ItemPrice', 'Principal', '2025-08-04', '2.00'],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount', '2025-08-14', '-20.00', ''],
];

function runImport(h: ReturnType<typeof appsScript>, specs = lines, options: { confirmReissue?: boolean; chunk?: number; header?: Parameters<typeof settlementOf>[1] } = {}) {
  const payload = importPayload(settlementOf(specs, options.header));
  const begun = h.run(() => beginImport({ ...payload.begin, ...(options.confirmReissue ? { confirmReissue: true } : {}) }));
  if (begun.status !== 'ready') return { begun };
  let offset = 0;
  for (const chunk of chunksOf(payload.lines, options.chunk ?? begun.chunkSize)) {
    h.run(() => appendImportLines({ importId: begun.importId, offset, lines: chunk }));
    offset += chunk.length;
  }
  const finished = h.run(() => finishImport({ importId: begun.importId, aggregate: payload.aggregate, units: payload.units }));
  return { begun, finished };
}

/** The rows of a tab a person sees with content (hidden rows left out). */
function visibleRows(h: ReturnType<typeof appsScript>, tab: string): unknown[][] {
  const hidden = new Set(h.world.inspect.sheet(tab).hiddenRows);
  return h.world.inspect.grid(tab).values.filter((r, i) => !hidden.has(i + 1) && r.some((v) => v !== ''));
}

const ready = (r: BeginImportResult) => {
  if (r.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(r)}`);
  return r;
};

describe('importing a settlement', () => {
  it('creates the tabs on first use and fills Transactions, Settlements, Mapping and Log', () => {
    const h = appsScript();
    const { finished } = runImport(h);
    const tabs = h.world.inspect.sheetNames();
    for (const name of ['Settlements', 'Transactions', 'Mapping', 'Accounts', 'Summary', 'Log']) expect(tabs).toContain(name);
    expect(h.world.inspect.sheet('_SettleSheet records').hidden).toBe(true);
    expect(tabs).not.toContain('_SettleSheet import');

    expect(finished).toMatchObject({ settlementId: '12345678901', lines: 8, balanced: true, unmapped: 1, status: 'Needs mapping' });
    const tx = h.world.inspect.grid('Transactions');
    expect(tx.values.length).toBeGreaterThanOrEqual(9);
    expect(tx.values[0]!.slice(0, 3)).toEqual(['Settlement id', 'Line', 'Posted date']);
    expect(tx.values[1]!.slice(0, 10)).toEqual(['12345678901', 3, '2025-08-02', 'Order', 'ItemPrice', 'Principal', '111-1000000-7654321', 'SKU-0', 'Amazon.com', 129.99]);
    expect(tx.values[1]![11]).toBe('Sales');
    expect(tx.values[7]![11]).toBe('Not mapped');

    const settlements = h.world.inspect.grid('Settlements');
    expect(settlements.values[1]!.slice(0, 11)).toEqual(['12345678901', 'Amazon.com', 'USD', '2025-08-01', '2025-08-14', '2025-08-16', 102.76, 8, 'Yes', 1, 'Needs mapping']);

    const mapping = h.world.inspect.grid('Mapping');
    const appended = mapping.values.find((r) => r[0] === 'Mystery Type');
    expect(appended?.slice(0, 11)).toEqual(['Mystery Type', 'ItemPrice', 'Principal', '', '', '', '', '', 1, '2.00', 'settlement 12345678901']);

    const log = h.world.inspect.grid('Log');
    expect(log.values[1]!.slice(1, 5)).toEqual(['seller@example.com', 'Import', '12345678901', 'OK']);
    expect(String(log.values[1]![5])).toBe("8 lines from settlement.txt. They add up to Amazon's total of 102.76 USD, to the cent. 1 kind of line has no category yet: Principal (Mystery Type / ItemPrice). Its row was added to the Mapping tab, highlighted.");
  });

  it('keeps file text as text: no formulas, no numbers from ids, no lost leading characters', () => {
    const h = appsScript();
    runImport(h);
    const tx = h.world.inspect.grid('Transactions');
    const row = (i: number) => tx.values[i]!;
    expect(row(3)[6]).toBe('1234567890123456789');
    expect(row(3)[7]).toBe('=HYPERLINK("http://evil.example","click")');
    expect(row(4)[7]).toBe('+1-2');
    expect(row(5)[7]).toBe('-SKU');
    expect(row(6)[7]).toBe('@home');
    expect(tx.formulas.flat().filter((f) => f !== '')).toEqual([]);
  });

  it('formats amounts for the currency: two decimals for dollars, none for yen', () => {
    const h = appsScript();
    runImport(h, [['Order', 'ItemPrice', 'Principal', '2025-08-02', '12800'], ['Order', 'ItemFees', 'Commission', '2025-08-02', '-1280']], { header: { currency: 'JPY' } });
    const tx = h.world.inspect.grid('Transactions');
    expect(tx.displayValues[1]![9]).toBe('12,800');
    expect(tx.displayValues[2]![9]).toBe('-1,280');
    runImport(h, lines.slice(0, 2), { header: { settlementId: '222' } });
    expect(h.world.inspect.grid('Transactions').displayValues[3]![9]).toBe('129.99');
  });

  it('shows nothing until finish: written lines wait in hidden rows, and a cancel leaves no trace', () => {
    const h = appsScript();
    h.run(() => listSettlements());
    const cellsBefore = h.world.inspect.cellsInUse();
    const payload = importPayload(settlementOf(lines));
    const begun = ready(h.run(() => beginImport(payload.begin)));
    h.run(() => appendImportLines({ importId: begun.importId, offset: 0, lines: payload.lines.slice(0, 4) }));
    expect(visibleRows(h, 'Transactions')).toHaveLength(1);
    expect(h.world.inspect.sheet('Transactions').hiddenRows).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(h.run(() => listSettlements())).toEqual([]);
    expect(h.run(() => cancelImport({ importId: begun.importId }))).toEqual({ cancelled: true });
    expect(h.world.inspect.grid('Transactions').values.filter((r) => r[0] !== '')).toHaveLength(1);
    expect(h.world.inspect.sheet('Transactions').hiddenRows).toEqual([]);
    expect(h.world.inspect.cellsInUse()).toBeLessThanOrEqual(cellsBefore);
    expect(h.world.inspect.grid('Settlements').values.filter((r) => r[0] !== '')).toHaveLength(1);
    // The cancelled import cannot be finished afterwards.
    expect(() => h.run(() => finishImport({ importId: begun.importId, aggregate: payload.aggregate }))).toThrow(/no longer in progress/);
  });

  it('refuses to finish when the lines or the aggregate do not add up, writing nothing', () => {
    const h = appsScript();
    const payload = importPayload(settlementOf(lines));
    const begun = ready(h.run(() => beginImport(payload.begin)));
    h.run(() => appendImportLines({ importId: begun.importId, offset: 0, lines: payload.lines }));
    const tampered = payload.aggregate.map((e, i) => (i === 0 ? ([...e.slice(0, 5), '999.99', e[6], e[7]] as unknown as typeof e) : e));
    expect(() => h.run(() => finishImport({ importId: begun.importId, aggregate: tampered }))).toThrow(/does not add up/);
    expect(visibleRows(h, 'Transactions')).toHaveLength(1);
    expect(h.run(() => listSettlements())).toEqual([]);
  });

  it('writes a chunk sent twice only once, and refuses chunks out of order', () => {
    const h = appsScript();
    const payload = importPayload(settlementOf(lines));
    const begun = ready(h.run(() => beginImport(payload.begin)));
    const [first, second] = chunksOf(payload.lines, 4);
    h.run(() => appendImportLines({ importId: begun.importId, offset: 0, lines: first! }));
    expect(h.run(() => appendImportLines({ importId: begun.importId, offset: 0, lines: first! }))).toEqual({ received: 4 });
    expect(() => h.run(() => appendImportLines({ importId: begun.importId, offset: 6, lines: second!.slice(2) }))).toThrow(/out of order/);
    h.run(() => appendImportLines({ importId: begun.importId, offset: 4, lines: second! }));
    expect(h.run(() => finishImport({ importId: begun.importId, aggregate: payload.aggregate, units: payload.units })).lines).toBe(8);
  });

  it('is idempotent: the same file again changes nothing', () => {
    const h = appsScript();
    runImport(h);
    const before = h.world.inspect.grid('Transactions').values;
    const again = runImport(h);
    expect(again.begun.status).toBe('unchanged');
    expect(h.world.inspect.grid('Transactions').values).toEqual(before);
  });

  it('asks before replacing a settlement with a re-issued file, then replaces its rows', () => {
    const h = appsScript();
    runImport(h);
    runImport(h, lines.slice(0, 2), { header: { settlementId: '999' } });
    const reissued: LineSpec[] = [['Order', 'ItemPrice', 'Principal', '2025-08-02', '50.00'], ['Order', 'ItemFees', 'Commission', '2025-08-02', '-5.00']];
    const asked = runImport(h, reissued);
    expect(asked.begun).toMatchObject({ status: 'needs-confirmation', posted: false });
    const replaced = runImport(h, reissued, { confirmReissue: true });
    expect(replaced.finished).toMatchObject({ lines: 2, unmapped: 0, status: 'Ready' });
    const ids = h.world.inspect.grid('Transactions').values.slice(1).map((r) => r[0]).filter((v) => v !== '');
    expect(ids).toEqual(['999', '999', '12345678901', '12345678901']);
    const settlements = h.world.inspect.grid('Settlements').values.slice(1).map((r) => r[0]).filter((v) => v !== '');
    expect(settlements.sort()).toEqual(['12345678901', '999']);
  });

  it('treats an import an older version left half-done (in its removed staging tab) as no import at all', () => {
    const h = appsScript();
    h.run(() => listSettlements());
    const old = { importId: 'old', user: 'someone@example.com', touchedAt: h.world.now(), request: {}, decimals: 2, received: 4, sum: '0' };
    h.run(() => PropertiesService.getDocumentProperties().setProperty('settlesheet.import', JSON.stringify(old)));
    expect(runImport(h).finished).toMatchObject({ lines: 8 });
  });

  it('tells a second person that an import is under way instead of mixing two files', () => {
    const h = appsScript();
    const payload = importPayload(settlementOf(lines));
    ready(h.run(() => beginImport(payload.begin)));
    const other = h.run(() => beginImport({ ...payload.begin, header: { ...payload.begin.header, settlementId: '777' } }), 'accountant@example.com');
    expect(other).toMatchObject({
      status: 'busy',
      message: 'seller@example.com is importing settlement 12345678901 (0 of 8 lines arrived). Try again when it is done; if it stays idle for two minutes, you can take it over.',
      stalled: { user: 'seller@example.com', settlementId: '12345678901', canTakeOver: false },
    });
  });

  it('costs at most ceil(N / 5000) + 10 Sheets data calls, tabs already in place', () => {
    const h = appsScript();
    h.run(() => listSettlements());
    // A seller's catalogue: 150 SKUs, so the units per SKU per day stay a few thousand rows.
    const many: DetailedLineSpec[] = Array.from({ length: 12_345 }, (_, i) => ({ spec: ['Order', 'ItemPrice', 'Principal', `2025-08-${String(1 + (i % 14)).padStart(2, '0')}`, '1.00'], sku: `SKU-${i % 150}`, quantity: 1 }));
    many.push(['Mystery Type', 'ItemPrice', 'Principal', '2025-08-04', '2.00']);
    h.world.calls.reset();
    runImport(h, many);
    const { data } = sheetsCalls(h.world.calls.counts());
    expect(data).toBeLessThanOrEqual(Math.ceil(many.length / 5000) + 10);
  });
});

describe('creating the tabs', () => {
  it('happens once, under the document lock: someone else holding it gets a clear message, not a second set', () => {
    const h = appsScript();
    const holder = h.world.globalsFor({ user: 'accountant@example.com' });
    expect(holder.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    expect(() => h.run(() => listSettlements())).toThrow('SettleSheet is setting up its tabs for someone else. Try again in a minute.');
    expect(h.world.inspect.sheetNames()).toEqual(['Sheet1']);
    h.world.endExecution(holder);
    h.run(() => listSettlements());
    h.run(() => listSettlements(), 'accountant@example.com');
    expect(h.world.inspect.sheetNames().filter((n) => n.startsWith('Settlements'))).toEqual(['Settlements']);
    // The person stays on the tab they were on.
    expect(h.run(() => SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName())).toBe('Sheet1');
  });
});
