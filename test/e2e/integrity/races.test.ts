// Two people in one workbook at once, on the built bundle (issue 9 §1): a preview that overlaps an
// import, deletes that trust remembered row numbers, and a finish that fails half-way. Whatever
// happens, every settlement is either as it was or as it is meant to be, and no row is orphaned.
import { importPayload } from '../../../src/api/import-payload';
import type { BeginImportResult, Envelope, PreviewResult, SettlementListItem } from '../../../src/api/types';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleSession, connect, importSettlement, mapInSheet, saveApp, useBuiltBundle, type BundleSession } from '../../support/bundle-session';
import { between, failCall } from '../../support/interleave';
import { settlementOf } from '../../support/settlements';
import { settlementRecords, workbookProblems } from '../../support/workbook-invariants';
import { BOOKKEEPER, SELLER } from '../../support/xero-apps-script';
import { isSheetsDataCall } from '../../fakes/google/cost';

const code = useBuiltBundle();
const HOUR = 60 * 60 * 1000;

const S1: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-03', '-4.10'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-05', '-3.00', ''],
];
const S2: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-04', '50.00'],
  ['Order', 'ItemFees', 'Commission', '2025-08-04', '-7.50'],
  ['Refund', 'ItemPrice', 'Principal', '2025-08-06', '-20.00'],
];
const ID1 = '30000000001';
const ID2 = '30000000002';
const first = () => settlementOf(S1, { settlementId: ID1 });
const second = () => settlementOf(S2, { settlementId: ID2, start: '2025-08-03T00:00:00Z', end: '2025-08-17T00:00:00Z', depositDate: '2025-08-19T00:00:00Z' });
/** Settlement 1 as Amazon re-issued it: one more fee, another total. */
const reissued = () => settlementOf([...S1, ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-08-07', '-39.99', '']], { settlementId: ID1 });

function twoImported(): BundleSession {
  const s = bundleSession(code());
  importSettlement(s, first());
  importSettlement(s, second());
  return s;
}

const preview = (s: BundleSession, settlementId: string, user = SELLER) => s.run<PreviewResult>(user, 'previewSettlement', { settlementId });

/** Both settlements preview, and the workbook agrees with itself. */
function expectWhole(s: BundleSession, totals: Record<string, string>): void {
  for (const [id, total] of Object.entries(totals)) expect(preview(s, id).settlement.total).toBe(total);
  expect(workbookProblems(s.x.world)).toEqual([]);
}

describe('a preview and an import at once', () => {
  const fee: LineSpec = ['other-transaction', 'other-transaction', 'Brand New Fee', '2025-08-05', '-1.00', ''];
  const withFee = () => settlementOf([...S1, fee], { settlementId: ID1 });
  const newer = () => settlementOf([...S1, fee, ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-08-07', '-39.99', '']], { settlementId: ID1 });

  /** Settlement 1 with a fee nobody mapped, then mapped in the tab: its next preview rewrites its record and Category cells. */
  function mappedAfterImport(): BundleSession {
    const s = bundleSession(code());
    importSettlement(s, withFee());
    importSettlement(s, second());
    mapInSheet(s, 'Brand New Fee', 'Seller fees');
    return s;
  }

  /** After the race, the collaborator's import is done (again, if it had to wait), and all is whole. */
  function expectAfterwards(s: BundleSession, nested: ReturnType<typeof importSettlement> | undefined): void {
    expect(nested).toBeDefined();
    if (nested!.begun.status === 'busy') importSettlement(s, newer(), { user: BOOKKEEPER, confirmReissue: true });
    expect(settlementRecords(s.x.world).get(ID1)!.lines).toBe(6);
    expectWhole(s, { [ID1]: '62.40', [ID2]: '22.50' });
    // The same file again is the same file: nothing to do.
    expect(importSettlement(s, newer()).begun.status).toBe('unchanged');
    expect(preview(s, ID1).unmapped).toEqual([]);
    expectWhole(s, { [ID1]: '62.40', [ID2]: '22.50' });
  }

  it('a preview waiting on Xero while a collaborator imports a re-issued file leaves both settlements whole', () => {
    const s = mappedAfterImport();
    saveApp(s);
    connect(s, SELLER);
    // Xero's reference data (cached for an hour) and the access token (30 minutes) are old: the
    // preview has to ask Xero, and the collaborator imports meanwhile.
    s.x.world.advanceClock(2 * HOUR);
    let nested: ReturnType<typeof importSettlement> | undefined;
    const stop = s.x.sandbox.onRequest(() => {
      if (!nested) nested = importSettlement(s, newer(), { user: BOOKKEEPER, confirmReissue: true });
    });
    s.bundle.call<Envelope<PreviewResult>>(SELLER, 'previewSettlement', { settlementId: ID1 });
    stop();
    expectAfterwards(s, nested);
  });

  it('a preview that began before a re-issued file replaced the settlement does not write the old record back', () => {
    const s = mappedAfterImport();
    let nested: ReturnType<typeof importSettlement> | undefined;
    // The collaborator's import lands between the preview's reads and its first write.
    between(s.x.world, { name: 'Range.setValues', user: SELLER }, () => {
      nested = importSettlement(s, newer(), { user: BOOKKEEPER, confirmReissue: true });
    });
    s.bundle.call<Envelope<PreviewResult>>(SELLER, 'previewSettlement', { settlementId: ID1 });
    expectAfterwards(s, nested);
  });
});

describe('deleting a settlement’s rows', () => {
  it('deletes only rows whose settlement id is that settlement’s, even when the rows moved', () => {
    const s = twoImported();
    // Someone inserted a row at the top of the hidden aggregates tab: every remembered row number is off by one.
    s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet aggregates')!.insertRowsBefore(2, 1));
    importSettlement(s, reissued(), { confirmReissue: true });
    expectWhole(s, { [ID1]: '63.40', [ID2]: '22.50' });
  });
});

describe('a finish that fails half-way', () => {
  /** Begins and sends a re-issued settlement 1 as the sidebar does; returns its import id and payload. */
  function staged(s: BundleSession) {
    const payload = importPayload(reissued());
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', { ...payload.begin, confirmReissue: true });
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines });
    return { importId: begun.importId, finish: { importId: begun.importId, aggregate: payload.aggregate, units: payload.units } };
  }

  /** The Sheets data calls finishing a re-issued file makes, counted on a world of its own. */
  function finishCalls(): number {
    const s = twoImported();
    const { finish } = staged(s);
    let calls = 0;
    const stop = s.x.world.beforeCall((call) => {
      if (isSheetsDataCall(call.name)) calls++;
    });
    expect(s.run<SettlementListItem>(SELLER, 'finishImport', finish).lines).toBe(5);
    stop();
    return calls;
  }

  it('leaves the old settlement or the new one after Google fails at any step, says which, and a retry finishes it once', () => {
    const calls = finishCalls();
    expect(calls).toBeGreaterThan(5);
    for (let nth = 1; nth <= calls; nth++) {
      const s = twoImported();
      const old = settlementRecords(s.x.world).get(ID1)!;
      const { importId, finish } = staged(s);
      const stop = failCall(s.x.world, { name: isSheetsDataCall, nth });
      const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', finish);
      stop();
      expect({ nth, failed: !finished.ok }).toEqual({ nth, failed: true });
      const message = finished.ok ? '' : finished.message;
      // The sidebar lets the import go after a failed finish (or learns it was imported after all).
      const cancelled = s.run<{ cancelled: boolean; imported?: SettlementListItem }>(SELLER, 'cancelImport', { importId });
      // The next thing anyone does sees one whole state (the old file or the new one).
      const listed = s.run<SettlementListItem[]>(BOOKKEEPER, 'listSettlements');
      const now = settlementRecords(s.x.world).get(ID1)!;
      const replaced = now.contentHash !== old.contentHash;
      expect({ nth, problems: workbookProblems(s.x.world) }).toEqual({ nth, problems: [] });
      expect(listed.map((l) => l.settlementId).sort()).toEqual([ID1, ID2]);
      expectWhole(s, { [ID1]: replaced ? '63.40' : '103.39', [ID2]: '22.50' });
      // The message tells the truth about which state it left.
      if (replaced) expect({ nth, message, imported: cancelled.imported?.lines }).toEqual({ nth, message: expect.stringMatching(/is imported/), imported: 5 });
      else expect({ nth, message }).toEqual({ nth, message: expect.stringMatching(/not replaced.*Nothing changed/) });
      // Trying again ends with the new file, exactly once.
      const again = importSettlement(s, reissued(), { confirmReissue: true });
      expect(['ready', 'unchanged']).toContain(again.begun.status);
      expectWhole(s, { [ID1]: '63.40', [ID2]: '22.50' });
      expect(settlementRecords(s.x.world).get(ID1)!.lines).toBe(5);
    }
  });

  it('says nothing was imported when the journal cannot even be written (document properties full), and leaves nothing behind', () => {
    const s = twoImported();
    const { importId, finish } = staged(s);
    // Fill the document properties to Google's 500 KB, as years of an older version's records once did.
    s.x.world.run(SELLER, (g) => {
      const props = g.PropertiesService.getDocumentProperties();
      let i = 0;
      for (const size of [8000, 1000, 100, 10, 1]) {
        for (;;) {
          try {
            props.setProperty(`filler.${i++}`, 'x'.repeat(size));
          } catch {
            break;
          }
        }
      }
    });
    const finished = s.bundle.call<Envelope<SettlementListItem>>(SELLER, 'finishImport', finish);
    expect(finished).toMatchObject({ ok: false, message: expect.stringMatching(/not replaced.*Nothing changed/) });
    s.run(SELLER, 'cancelImport', { importId });
    expect(workbookProblems(s.x.world)).toEqual([]);
    expectWhole(s, { [ID1]: '103.39', [ID2]: '22.50' });
  });
});
