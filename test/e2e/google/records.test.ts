// Where the built add-on keeps what it knows: settlement records and posted records in a hidden
// tab with room for every settlement (document properties hold 500 KB in all, 8 KB a value),
// small fixed facts in document properties, and nothing ever stored over Google's limits.
import type { PostResultDto, PreviewResult } from '../../../src/api/types';
import { DEFAULT_APP, seedOrganisations, TENANT_IDS } from '../../fakes/xero';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleSession, SALE_AND_FEE, useBuiltBundle, connect, importSettlement, saveApp, type BundleSession, postAs } from '../../support/bundle-session';
import { settlementOf } from '../../support/settlements';
import { LAYOUT_VERSION } from '../../../src/server/workbook/layout-upgrade';
import { SELLER } from '../../support/xero-apps-script';

const code = useBuiltBundle();
const RECORD_PREFIXES = ['settlesheet.settlement.', 'xero.posted.'];

/** Imports, connects and posts one settlement; returns its id. */
function postedSettlement(s: BundleSession): string {
  saveApp(s);
  const { finished } = importSettlement(s, settlementOf(SALE_AND_FEE));
  connect(s, SELLER);
  expect(postAs(s, SELLER, { settlementId: finished!.settlementId, mode: 'post' }).outcome).toBe('posted');
  return finished!.settlementId;
}

describe('records', () => {
  it('live in the hidden records tab; document properties keep only small fixed facts', () => {
    const s = bundleSession(code());
    const id = postedSettlement(s);
    const keys = Object.keys(s.x.world.inspect.properties('document'));
    expect(keys.filter((k) => RECORD_PREFIXES.some((p) => k.startsWith(p)))).toEqual([]);
    expect(keys.sort()).toEqual(['settlesheet.layout', 'settlesheet.records', 'settlesheet.tabs', 'settlesheet.xeroListsFor', 'xero.organisation']);
    const rows = s.x.world.inspect.grid('_SettleSheet records').values.slice(1).map((r) => r[0]);
    expect(rows).toEqual([`settlesheet.settlement.${id}`, `xero.posted.${id}`]);
    expect(s.x.world.inspect.sheet('_SettleSheet records').hidden).toBe(true);
  });

  it('move out of document properties the first time an older workbook is used, and keep working', () => {
    const s = bundleSession(code());
    const id = postedSettlement(s);
    const listed = s.run(SELLER, 'listSettlements');
    // Put the workbook back as an older version left it: records in document properties.
    s.x.run(SELLER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet records')!;
      const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 5).getValues();
      const props = PropertiesService.getDocumentProperties();
      for (const [key, ...parts] of rows) props.setProperty(String(key), parts.join(''));
      props.deleteProperty('settlesheet.records');
      sheet.getRange(2, 1, rows.length, 5).clearContent();
    });
    expect(s.run(SELLER, 'listSettlements')).toEqual(listed);
    const keys = Object.keys(s.x.world.inspect.properties('document'));
    expect(keys.filter((k) => RECORD_PREFIXES.some((p) => k.startsWith(p)))).toEqual([]);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: id }).settlement.status).toBe('Posted');
    expect(postAs(s, SELLER, { settlementId: id, mode: 'post' }).outcome).toBe('already-posted');
  });

  it('move in a few calls from a workbook a version before the records tab left: layout 3, its staging tab, hundreds of records in document properties', () => {
    const s = bundleSession(code());
    const id = postedSettlement(s);
    const HISTORY = 300;
    // The workbook as a version before the records tab left it after a year of payouts: no records
    // tab, the import staging tab, Transactions in thirteen columns, layout 3, and every record
    // (the posted settlement's and 300 older settlements') in document properties.
    s.x.run(SELLER, () => {
      const book = SpreadsheetApp.getActiveSpreadsheet();
      const props = PropertiesService.getDocumentProperties();
      const recordsTab = book.getSheetByName('_SettleSheet records')!;
      const rows = recordsTab.getRange(2, 1, recordsTab.getLastRow() - 1, 5).getValues();
      const own = rows.map(([key, ...parts]) => [String(key), parts.join('')] as const);
      const record = JSON.parse(own.find(([key]) => key === `settlesheet.settlement.${id}`)![1]) as { settlementId: string; header: { settlementId: string; end: string } };
      const older: Record<string, string> = {};
      for (let i = 0; i < HISTORY; i++) {
        const settlementId = String(20_000_000_000 + i);
        older[`settlesheet.settlement.${settlementId}`] = JSON.stringify({ ...record, settlementId, header: { ...record.header, settlementId, end: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15T00:00:00+00:00` } });
      }
      props.setProperties({ ...Object.fromEntries(own), ...older });
      props.deleteProperty('settlesheet.records');
      const tabs = JSON.parse(props.getProperty('settlesheet.tabs')!) as Record<string, unknown>;
      delete tabs.records;
      book.deleteSheet(recordsTab);
      const staging = book.insertSheet('_SettleSheet staging');
      staging.hideSheet();
      tabs.staging = { id: staging.getSheetId(), name: staging.getName() };
      props.setProperty('settlesheet.tabs', JSON.stringify(tabs));
      const transactions = book.getSheetByName('Transactions')!;
      transactions.deleteColumns(14, transactions.getMaxColumns() - 13);
      props.setProperty('settlesheet.layout', '3');
    });
    expect(Object.keys(s.x.world.inspect.properties('document')).filter((k) => RECORD_PREFIXES.some((p) => k.startsWith(p)))).toHaveLength(HISTORY + 2);

    s.x.world.calls.reset();
    const listed = s.run<{ settlementId: string }[]>(SELLER, 'listSettlements');
    expect(listed).toHaveLength(HISTORY + 1);
    // Hundreds of records moved in a few writes, never one appendRow each.
    expect(s.x.world.calls.total('Sheet.appendRow')).toBe(0);
    expect(s.x.world.calls.total('Range.setValues')).toBeLessThan(20);
    expect(s.x.world.calls.largestCall().cells).toBeLessThanOrEqual(100_000);
    const props = s.x.world.inspect.properties('document');
    expect(Object.keys(props).filter((k) => RECORD_PREFIXES.some((p) => k.startsWith(p)))).toEqual([]);
    expect(props['settlesheet.layout']).toBe(String(LAYOUT_VERSION));
    expect(s.x.world.inspect.sheetNames()).not.toContain('_SettleSheet staging');
    expect(s.x.world.inspect.grid('_SettleSheet records').values.slice(1).filter((r) => r[0] !== '')).toHaveLength(HISTORY + 2);
    // The posted settlement keeps working: still posted, nothing sent twice; a new import fits.
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: id }).settlement.status).toBe('Posted');
    expect(postAs(s, SELLER, { settlementId: id, mode: 'post' }).outcome).toBe('already-posted');
    const { finished } = importSettlement(s, settlementOf(SALE_AND_FEE, { settlementId: '30000000001' }));
    expect(finished).toMatchObject({ balanced: true });
    expect(s.run<unknown[]>(SELLER, 'listSettlements')).toHaveLength(HISTORY + 2);
  });

  it('survive a post refused for hundreds of unmapped line types (the reasons once passed 8 KB: "Argument too large")', () => {
    const s = bundleSession(code());
    const unknown: LineSpec[] = Array.from({ length: 200 }, (_, i) => ['Brand New Program', 'ItemFees', `Program fee number ${i} with a long description`, '2025-08-03', '-0.01']);
    const { finished } = importSettlement(s, settlementOf([...SALE_AND_FEE, ...unknown]));
    const result = postAs(s, SELLER, { settlementId: finished!.settlementId, mode: 'post' });
    expect(result.outcome).toBe('refused');
    const row = s.x.world.inspect.grid('Settlements').values.find((r) => r[0] === finished!.settlementId)!;
    expect(row[10]).toBe('Failed');
    const log = s.x.world.inspect.grid('Log').values.filter((r) => r[2] === 'Post');
    expect(log.map((r) => r[4])).toEqual(['Refused']);
  });
});

describe('a person’s own properties', () => {
  it('hold an organisation list over 8 KB: an accountant reaching many organisations connects', () => {
    const [, us] = seedOrganisations();
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...us!,
      tenantId: `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`,
      profile: { ...us!.profile, Name: `Client number ${i} of a busy practice with a long registered company name Ltd` },
    }));
    // 61 organisations: more than the Starter tier's 5 connections, so a Plus-tier app (tiers.ts).
    const s = bundleSession(code(), { xero: { organisations: [...seedOrganisations(), ...many], apps: [{ ...DEFAULT_APP, tier: 'plus' }] } });
    saveApp(s);
    const page = connect(s, SELLER, [TENANT_IDS.us, ...many.map((o) => o.tenantId)]);
    expect(page).toContain('Connected to Xero');
    expect(page).toContain('61 organisations');
    const status = s.run<{ organisations: unknown[] }>(SELLER, 'getConnectionStatus');
    expect(status.organisations).toHaveLength(61);
    for (const value of Object.values(s.x.world.inspect.properties({ user: SELLER }))) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(8000);
  });
});
