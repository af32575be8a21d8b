// Posting cost of goods sold journals (issue 14 §3) through the Apps Script adapters against the
// Xero sandbox: one balanced journal per part beside the documents, never twice; a changed cost
// replaces only the journal; what blocks a journal never blocks the invoices.
import { COSTS_COLUMNS, planCogs, readCostsTable, type UnitsEntry } from '../../../src/core/cogs';
import { defaultMapping } from '../../../src/core/mapping';
import { selectXeroOrganisation } from '../../../src/server/xero/entry-points';
import { postSettlementToXero } from '../../../src/server/xero/posting';
import type { JournalRequest } from '../../../src/xero/journal-plan';
import { createXeroWorld, HEADERS, MONTH_SPLIT, postedRecordIn, SELLER, settlementOf, US, type XeroWorld } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

const ID = HEADERS.monthSplit.settlementId;
const UNITS: UnitsEntry[] = [
  { postedDate: '2025-07-28', sku: 'MUG', marketplace: 'Amazon.com', sold: 3, returned: 0, assumed: 0 },
  { postedDate: '2025-08-03', sku: 'MUG', marketplace: 'Amazon.com', sold: 2, returned: 0, assumed: 0 },
  { postedDate: '2025-08-03', sku: '00123', marketplace: 'Amazon.com', sold: 4, returned: 1, assumed: 0 },
];

/** The month-split settlement (carry) with its journals for these costs. */
function settlement(costs: string[][], status: 'DRAFT' | 'AUTHORISED' = 'DRAFT') {
  const s = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry', status });
  const plan = planCogs(s.summary, UNITS, readCostsTable([[...COSTS_COLUMNS], ...costs]), defaultMapping(), { status });
  const cogs: JournalRequest = { journals: plan.journals, blocked: plan.problems };
  return { ...s, cogs };
}
const COSTS = [['MUG', '4.10', 'USD'], ['00123', '2.35', 'USD']];

function connected(): XeroWorld {
  const x = createXeroWorld();
  x.setUpApp();
  x.connect(SELLER, { tenants: [US] });
  x.run(SELLER, () => selectXeroOrganisation(US));
  return x;
}

const post = (x: XeroWorld, s: ReturnType<typeof settlement>, mode: 'post' | 'void-and-repost' | 'void' = 'post', seen?: number) =>
  x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode, ...(seen === undefined ? {} : { seenRevision: seen }), ...(s.cogs ? { cogs: s.cogs } : {}) }));
const journals = (x: XeroWorld) => x.sandbox.journals(US).map((j) => `${j.narration.split(' ')[0]} ${j.date} ${j.status} ${j.lines.map((l) => `${l.accountCode}:${l.lineAmount}`).join(' ')}`);
const invoices = (x: XeroWorld) => x.sandbox.documents(US).map((d) => `${d.invoiceNumber} ${d.status}`);

describe('posting with cost of goods sold', () => {
  it('creates the invoices and one balanced journal per part, dated like its part’s invoice; posting again sends nothing', () => {
    const x = connected();
    const s = settlement(COSTS);
    const outcome = post(x, s);
    expect(outcome.kind).toBe('posted');
    expect(outcome.message).toContain('Its cost of goods sold (27.55 USD) is in Xero: AMZ-24288684723-2025-07-COGS (Draft), AMZ-24288684723-2025-08-COGS (Draft).');
    // July carries its net forward and is approved at once (issue 11); August, the deposit, a draft.
    expect(invoices(x)).toEqual(['AMZ-24288684723-2025-07 AUTHORISED', 'AMZ-24288684723-2025-08 DRAFT']);
    expect(x.sandbox.documents(US).map((d) => d.date)).toEqual(['2025-07-31', '2025-08-08']);
    expect(journals(x)).toEqual([
      'AMZ-24288684723-2025-07-COGS 2025-07-31 DRAFT 310:12.30 630:-12.30',
      'AMZ-24288684723-2025-08-COGS 2025-08-08 DRAFT 310:15.25 630:-15.25',
    ]);
    expect(postedRecordIn(x, ID)).toMatchObject({ state: 'posted', journalState: 'posted', journalRevision: 1, journals: [{ part: '2025-07', total: '12.30' }, { part: '2025-08', total: '15.25' }] });

    const calls = x.requests().length;
    expect(post(x, s).kind).toBe('already-posted');
    expect(x.requests()).toHaveLength(calls);
    expect(x.sandbox.journals(US)).toHaveLength(2);
  });

  it('a journal create whose answer is lost is replayed under its key, not created twice', () => {
    const x = connected();
    const s = settlement(COSTS);
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/ManualJournals' }, kind: { dropAfterCommit: true } });
    expect(post(x, s).message).toContain('is in Xero: AMZ-24288684723-2025-07-COGS (Draft)');
    expect(x.sandbox.calls()['PUT api.xero.com/api.xro/2.0/manualjournals']).toBe(2);
    expect(x.sandbox.journals(US)).toHaveLength(2);
  });

  it('every answer to the journal create lost: found on the next press, not created twice', () => {
    const x = connected();
    const s = settlement(COSTS);
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/ManualJournals' }, times: 3, kind: { dropAfterCommit: true } });
    const first = post(x, s);
    // The invoices are in; the journal may be: the person is told to press again.
    expect(first.kind).toBe('posted');
    // Two parts, two journals: said in the plural.
    expect(first.message).toContain('The cost of goods sold journals were not posted:');
    expect(first.message).toContain('Xero may have created some of them: press Post again, and SettleSheet will find them');
    expect(x.sandbox.journals(US)).toHaveLength(2);
    expect(postedRecordIn(x, ID)).toMatchObject({ journalState: 'posting', journals: [] });

    const again = post(x, s);
    expect(again.kind).toBe('already-posted');
    expect(again.message).toContain('Its cost of goods sold is in Xero: AMZ-24288684723-2025-07-COGS (Draft), AMZ-24288684723-2025-08-COGS (Draft).');
    expect(x.sandbox.journals(US)).toHaveLength(2);
    expect(x.sandbox.calls()['PUT api.xero.com/api.xro/2.0/manualjournals']).toBe(3);
  });

  it('a server error Xero keeps under the key: look again, then create under a new key', () => {
    const x = connected();
    const s = settlement(COSTS);
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/ManualJournals' }, kind: { status: 503 } });
    expect(post(x, s).message).toContain('is in Xero: AMZ-24288684723-2025-07-COGS (Draft)');
    expect(x.sandbox.journals(US)).toHaveLength(2);
    const keys = x.requests().filter((r) => r.method === 'PUT' && r.url.includes('ManualJournals')).map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('a changed cost is refused by Post and replaced by Void and re-post: the journal is voided and posted again, the invoices stay', () => {
    const x = connected();
    post(x, settlement(COSTS, 'AUTHORISED'));
    const changed = settlement([['MUG', '4.20', 'USD'], ['00123', '2.35', 'USD']], 'AUTHORISED');
    const refused = post(x, changed);
    expect(refused.kind).toBe('refused');
    expect(refused.message).toContain('changed since its journal was posted');
    const revision = postedRecordIn(x, ID)!.revision;
    const replaced = post(x, changed, 'void-and-repost', revision);
    expect(replaced.kind).toBe('posted');
    expect(invoices(x)).toEqual(['AMZ-24288684723-2025-07 AUTHORISED', 'AMZ-24288684723-2025-08 AUTHORISED']);
    expect(journals(x)).toEqual([
      'AMZ-24288684723-2025-07-COGS 2025-07-31 VOIDED 310:12.30 630:-12.30',
      'AMZ-24288684723-2025-08-COGS 2025-08-08 VOIDED 310:15.25 630:-15.25',
      'AMZ-24288684723-2025-07-COGS-R2 2025-07-31 POSTED 310:12.60 630:-12.60',
      'AMZ-24288684723-2025-08-COGS-R2 2025-08-08 POSTED 310:15.45 630:-15.45',
    ]);
    expect(postedRecordIn(x, ID)).toMatchObject({ revision, journalRevision: 2, journalState: 'posted', replacedJournals: [{ status: 'VOIDED' }, { status: 'VOIDED' }] });
    expect(post(x, changed).kind).toBe('already-posted');
  });

  it('a SKU without a cost blocks only the journal: the invoices post, and the journal follows once the cost is filled in', () => {
    const x = connected();
    const missing = settlement([['MUG', '4.10', 'USD']]);
    const first = post(x, missing);
    expect(first.kind).toBe('posted');
    expect(first.message).toContain('Its cost of goods sold journal was not posted: No cost yet for SKU 00123 (3 units net of returns, from 2025-08-03). Add its unit cost in the Costs tab, where its row is highlighted.');
    expect(invoices(x)).toHaveLength(2);
    expect(x.sandbox.journals(US)).toEqual([]);
    expect(post(x, missing).kind).toBe('already-posted');

    const filled = post(x, settlement(COSTS));
    expect(filled.kind).toBe('posted');
    expect(invoices(x)).toHaveLength(2);
    expect(x.sandbox.journals(US)).toHaveLength(2);
  });

  it('an account Xero refuses for the journal (archived after the checks): invoices in, journal refused and said, posted after the fix', () => {
    const x = connected();
    const s = settlement(COSTS);
    const inventory = x.sandbox.organisation(US).accounts.find((a) => a.Code === '630')!;
    const stop = x.sandbox.onRequest((r) => {
      if (r.method === 'PUT' && r.url.includes('/ManualJournals')) {
        stop();
        inventory.Status = 'ARCHIVED';
      }
    });
    const outcome = post(x, s);
    expect(outcome.kind).toBe('posted');
    expect(outcome.message).toContain("Xero refused the cost of goods sold journal: AMZ-24288684723-2025-07-COGS: Account code '630' has been archived");
    expect(x.sandbox.journals(US)).toEqual([]);
    inventory.Status = 'ACTIVE';
    expect(post(x, s).message).toContain('is in Xero: AMZ-24288684723-2025-07-COGS (Draft)');
    expect(x.sandbox.journals(US)).toHaveLength(2);
  });

  it('a journal whose month was locked after its invoices were posted is refused, naming the lock; the invoices are not checked again', () => {
    const x = connected();
    post(x, settlement([['MUG', '4.10', 'USD']]));
    x.sandbox.organisation(US).profile.PeriodLockDate = '2025-07-31';
    const outcome = post(x, settlement(COSTS));
    expect(outcome.kind).toBe('already-posted');
    expect(outcome.message).toContain(
      "Its cost of goods sold journals were not posted: The journal AMZ-24288684723-2025-07-COGS is dated 2025-07-31, on or before Harbor Lane Goods Inc's period lock date (2025-07-31).",
    );
    expect(x.sandbox.journals(US)).toEqual([]);
  });

  it('a settlement in another currency than the organisation’s: its journal cannot be posted, its invoice can', () => {
    const x = connected();
    const cad = settlementOf(MONTH_SPLIT, { ...HEADERS.monthSplit, currency: 'CAD' }, { split: 'off' });
    const plan = planCogs(cad.summary, UNITS, readCostsTable([[...COSTS_COLUMNS], ['MUG', '4.10', 'CAD'], ['00123', '2.35', 'CAD']]), defaultMapping(), { status: 'DRAFT' });
    expect(plan.problems).toEqual([]);
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: cad.summary, documents: cad.documents, mode: 'post', cogs: { journals: plan.journals, blocked: [] } }));
    expect(outcome.kind).toBe('posted');
    expect(outcome.message).toContain("Xero posts manual journals in Harbor Lane Goods Inc's base currency (USD), and this settlement is in CAD");
    expect(invoices(x)).toEqual(['AMZ-24288684723 DRAFT']);
    expect(x.sandbox.journals(US)).toEqual([]);
  });

  it('a taxed rate on a journal line is refused before sending: moving stock carries no tax', () => {
    const x = connected();
    const s = settlement(COSTS);
    x.sandbox.organisation(US).taxRates.find((t) => t.TaxType === 'TAX001')!.CanApplyToAssets = true;
    const taxed = { ...s, cogs: { ...s.cogs, journals: s.cogs.journals.map((j) => ({ ...j, journal: { ...j.journal, JournalLines: j.journal.JournalLines.map((l) => ({ ...l, TaxType: 'TAX001' })) } })) } };
    const outcome = post(x, taxed);
    expect(outcome.kind).toBe('posted');
    expect(outcome.message).toContain('Its cost of goods sold journals were not posted: Tax rate TAX001 — California Sales Tax (7.25%) is used for Cost of goods sold, but moving stock into cost of goods sold carries no tax.');
    expect(x.sandbox.journals(US)).toEqual([]);
  });

  it('"Void what was posted" takes back the journals with the documents', () => {
    const x = connected();
    const s = settlement(COSTS, 'AUTHORISED');
    post(x, s);
    const voided = post(x, s, 'void', postedRecordIn(x, ID)!.revision);
    expect(voided.kind).toBe('voided');
    expect(voided.message).toContain('AMZ-24288684723-2025-07-COGS (Voided)');
    expect(x.sandbox.journals(US).map((j) => j.status)).toEqual(['VOIDED', 'VOIDED']);
    expect(x.sandbox.documents(US).map((d) => d.status)).toEqual(['VOIDED', 'VOIDED']);
  });
});
