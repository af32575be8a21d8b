// Posting cases the sandbox cannot stage (payments, duplicates made by hand, a spreadsheet switched
// to another organisation), over a client stub that holds documents in memory.
import Decimal from 'decimal.js';
import type { XeroClient, XeroDocumentState } from '../../../src/xero/client';
import type { XeroInvoice } from '../../../src/core/xero/invoice';
import { success } from '../../../src/xero/errors';
import { postedRecordStore, type PostedRecord } from '../../../src/xero/posted-records';
import { postSettlement, POST_LOCK_WAIT_MS, type PostRequest } from '../../../src/xero/posting';
import type { ReferenceData } from '../../../src/xero/reference';
import { memoryLock, memoryStore, nodeCrypto, testClock } from '../../support/xero-memory-ports';
import { HEADERS, POSITIVE, settlementOf } from '../../support/xero-apps-script';

const TENANT = 'tenant-us';
const EVERY_CLASS = ['ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE'];

function stub(held: XeroDocumentState[], locks: { periodLockDate?: string; endOfYearLockDate?: string } = {}) {
  const reference: Omit<ReferenceData, 'tenantId' | 'fetchedAt'> = {
    organisationName: 'Harbor Lane Goods Inc', baseCurrency: 'USD', currencies: ['USD'],
    accounts: ['201', '202', '405', '406', '1210'].map((code) => ({ code, name: code, type: 'X', class: code === '1210' ? 'ASSET' : 'REVENUE', status: 'ACTIVE', postable: true })),
    taxRates: [{ taxType: 'NONE', name: 'Tax Exempt', status: 'ACTIVE', rate: '0', appliesTo: EVERY_CLASS }],
  };
  const calls: string[] = [];
  const client = {
    organisation: () => success({ name: reference.organisationName, baseCurrency: 'USD', shortCode: '!hL2mw', ...locks }),
    accounts: () => success(reference.accounts),
    taxRates: () => success(reference.taxRates),
    currencies: () => success(reference.currencies),
    invoicesByNumber: (numbers: readonly string[]) => (calls.push(`lookup ${numbers.join(',')}`), success(held.filter((d) => numbers.includes(d.invoiceNumber)))),
    invoicesById: (ids: readonly string[]) => success(held.filter((d) => ids.includes(d.invoiceId))),
    createInvoices: (invoices: readonly XeroInvoice[]) => {
      calls.push('create');
      return success(
        invoices.map((invoice, i) => {
          // Xero's total of an Inclusive document is the exact sum of its line amounts.
          const total = invoice.LineItems.reduce((sum, l) => sum.plus(String(l.LineAmount)), new Decimal(0)).toNumber();
          const document = { invoiceId: `new-${held.length + i}`, invoiceNumber: invoice.InvoiceNumber, type: invoice.Type, status: invoice.Status, total, amountPaid: 0, amountCredited: 0, currency: invoice.CurrencyCode };
          held.push(document);
          return { ok: true as const, document };
        }),
      );
    },
    setStatus: (id: string, status: 'VOIDED' | 'DELETED') => {
      calls.push(`${status} ${id}`);
      const doc = held.find((d) => d.invoiceId === id)!;
      doc.status = status;
      return success(doc);
    },
  } as unknown as XeroClient;
  return { client, calls };
}

function setUp(held: XeroDocumentState[] = [], locks: Parameters<typeof stub>[1] = {}) {
  const clock = testClock();
  const document = memoryStore();
  const records = postedRecordStore(document);
  const lock = memoryLock(clock);
  const { client, calls } = stub(held, locks);
  const s = settlementOf(POSITIVE, HEADERS.positive);
  const post = (mode: PostRequest['mode'] = 'post', user = 'seller@example.com') =>
    postSettlement({ client, tenantId: TENANT, records, documentLock: lock, clock, crypto: nodeCrypto }, { summary: s.summary, documents: s.documents, user, mode });
  return { clock, records, lock, calls, post, s };
}

const xeroDoc = (change: Partial<XeroDocumentState> = {}): XeroDocumentState => ({
  invoiceId: 'inv-1', invoiceNumber: 'AMZ-24288684721', type: 'ACCREC', status: 'AUTHORISED', total: 1183.82, amountPaid: 0, amountCredited: 0, currency: 'USD', ...change,
});

describe('postSettlement', () => {
  it('adopts the document an earlier, unrecorded post created, instead of creating it again', () => {
    const { post, calls } = setUp([xeroDoc()]);
    const outcome = post();
    expect(outcome).toMatchObject({ kind: 'posted', record: { state: 'posted', documents: [{ invoiceId: 'inv-1', total: '1183.82' }] } });
    expect(calls).not.toContain('create');
  });

  it('refuses to adopt a document with our number but another total', () => {
    const { post, calls } = setUp([xeroDoc({ total: 1183.8 })]);
    const outcome = post();
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toContain('Xero already holds AMZ-24288684721 (sales invoice, 1,183.80 USD · Approved), but this settlement now gives a sales invoice of 1,183.82 USD.');
    expect(calls).not.toContain('create');
  });

  it('refuses when Xero holds two open documents with the number', () => {
    const { post } = setUp([xeroDoc(), xeroDoc({ invoiceId: 'inv-2' })]);
    expect(post().message).toContain('Xero holds 2 open documents numbered AMZ-24288684721');
  });

  it('will not void a document with payments', () => {
    const held = [xeroDoc()];
    const { post, calls } = setUp(held);
    expect(post().kind).toBe('posted');
    held[0]!.amountPaid = 100;
    const outcome = post('void-and-repost');
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toContain('AMZ-24288684721 has payments of 100.00 USD allocated in Xero. Xero does not void a document with payments or credit notes allocated');
    expect(calls.filter((c) => c.startsWith('VOIDED') || c === 'create')).toEqual([]);
  });

  it('will not void a document with credit notes allocated, and says what to remove first', () => {
    const held = [xeroDoc({ amountCredited: 20 })];
    const { post, calls } = setUp(held);
    expect(post().kind).toBe('posted');
    const outcome = post('void');
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toContain('AMZ-24288684721 has credit notes of 20.00 USD allocated in Xero');
    expect(outcome.message).toContain('remove them in Xero first (open the document, then each payment or credit note, and remove or unallocate it), then use "Void what was posted" again.');
    expect(calls.filter((c) => c.startsWith('VOIDED') || c.startsWith('DELETED'))).toEqual([]);
  });

  it('will not void a document dated in a locked period, naming the lock', () => {
    const held = [xeroDoc({ date: '2025-08-14' })];
    const { post, calls, records } = setUp(held);
    expect(post().kind).toBe('posted');
    const locked = setUp(held, { periodLockDate: '2025-08-31' });
    locked.records.write(records.read('24288684721')!);
    // Re-posting is refused for the plan's date already; voiding alone is refused for the document's.
    expect(locked.post('void-and-repost').message).toContain("is dated on or before Harbor Lane Goods Inc's period lock date (2025-08-31)");
    const outcome = locked.post('void');
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toContain('AMZ-24288684721 is dated 2025-08-14, on or before the period lock date (2025-08-31), so Xero will not void or delete it.');
    expect([...calls, ...locked.calls].filter((c) => c.startsWith('VOIDED'))).toEqual([]);
  });

  it('refuses a plan dated on or before a lock date before anything is sent', () => {
    const { post, calls } = setUp([], { endOfYearLockDate: '2025-08-14' });
    const outcome = post();
    expect(outcome).toMatchObject({ kind: 'refused', message: expect.stringMatching(/^Nothing was sent to Xero\./) });
    expect(outcome.message).toContain("The settlement (sales invoice AMZ-24288684721, dated 2025-08-14) is dated on or before Harbor Lane Goods Inc's end of year lock date (2025-08-14).");
    expect(calls).toEqual([]);
  });

  it('"void" takes back what Xero holds and posts nothing; the next post gets new numbers', () => {
    const held = [xeroDoc()];
    const { post, calls, records } = setUp(held);
    expect(post().kind).toBe('posted');
    const outcome = post('void');
    expect(outcome).toMatchObject({ kind: 'voided', record: { state: 'voided', revision: 2, documents: [], replaced: [{ invoiceNumber: 'AMZ-24288684721', status: 'VOIDED' }] } });
    expect(outcome.message).toContain('is no longer in Harbor Lane Goods Inc: AMZ-24288684721 (Voided)');
    expect(calls.filter((c) => c === 'create')).toEqual([]);
    expect(post('void').kind).toBe('refused');
    expect(post()).toMatchObject({ kind: 'posted', record: { numbers: ['AMZ-24288684721-R2'] } });
    expect(records.read('24288684721')?.documents[0]?.url).toBe('https://go.xero.com/organisationlogin/default.aspx?shortcode=!hL2mw&redirecturl=/AccountsReceivable/View.aspx?InvoiceID=new-1');
  });

  it('refuses to post a settlement recorded in another organisation', () => {
    const { post, records, calls } = setUp();
    const elsewhere: PostedRecord = {
      settlementId: '24288684721', tenantId: 'tenant-uk', organisationName: 'Bramble & Finch Trading Ltd', revision: 1, fingerprint: 'x', state: 'posted',
      numbers: ['AMZ-24288684721'], documents: [{ part: '2025-08', invoiceId: 'i', invoiceNumber: 'AMZ-24288684721', type: 'ACCREC', status: 'DRAFT', total: '1', currency: 'USD', url: 'u' }],
      replaced: [], by: 'seller@example.com', at: '2026-01-01T00:00:00.000Z', refusals: 0,
    };
    records.write(elsewhere);
    const outcome = post('void-and-repost');
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toContain('Switch back to Bramble & Finch Trading Ltd to void and re-post it there.');
    expect(calls).toEqual([]);
  });

  it('tells a second poster who is posting, after waiting for the lock', () => {
    const { post, records, lock, clock } = setUp();
    records.setActivity({ by: 'bookkeeper@example.com', settlementId: '99', since: new Date(clock.now()).toISOString() });
    lock.heldElsewhere = true;
    const start = clock.now();
    const outcome = post();
    expect(outcome).toEqual({
      kind: 'busy',
      message: 'bookkeeper@example.com is posting settlement 99 to Xero from this spreadsheet right now. Wait until it finishes, then press Post again: SettleSheet will see what was posted.',
    });
    expect(clock.now() - start).toBe(POST_LOCK_WAIT_MS);
  });

  it('names nobody when the activity was left by an execution that died', () => {
    const { post, records, lock, clock } = setUp();
    records.setActivity({ by: 'bookkeeper@example.com', settlementId: '24288684721', since: new Date(clock.now()).toISOString() });
    clock.advance(10 * 60_000);
    lock.heldElsewhere = true;
    expect(post().message).toMatch(/^Someone else is posting this settlement/);
  });

  it('clears the activity when it finishes', () => {
    const { post, records } = setUp();
    post();
    expect(records.activity()).toBeUndefined();
  });

  it('has nothing to post when every line is zero', () => {
    const { s, records, lock, clock } = setUp();
    const outcome = postSettlement(
      { client: stub([]).client, tenantId: TENANT, records, documentLock: lock, clock, crypto: nodeCrypto },
      { summary: s.summary, documents: [], user: 'x', mode: 'post' },
    );
    expect(outcome).toMatchObject({ kind: 'refused', problems: ['Settlement 24288684721 has no amounts to post: every line is zero.'] });
  });
});

it('a settlement voided in one organisation is recorded under the new one when posted there', () => {
  const { post, records } = setUp();
  records.write({
    settlementId: '24288684721', tenantId: 'tenant-uk', organisationName: 'Bramble & Finch Trading Ltd', revision: 2, fingerprint: '', state: 'voided',
    numbers: [], documents: [], replaced: [], by: 'seller@example.com', at: '2026-01-01T00:00:00.000Z', refusals: 0,
  });
  expect(post()).toMatchObject({ kind: 'posted' });
  expect(records.read('24288684721')).toMatchObject({
    tenantId: TENANT, organisationName: 'Harbor Lane Goods Inc', state: 'posted', numbers: ['AMZ-24288684721-R2'], documents: [{ invoiceNumber: 'AMZ-24288684721-R2', total: '1183.82' }],
  });
});

describe('a posted record', () => {
  it('keeps the newest 50 replaced documents and journals, so a settlement voided and re-posted many times still saves', () => {
    const records = postedRecordStore(memoryStore());
    const document = (n: number) => ({ part: '2025-08', invoiceId: `inv-${n}`, invoiceNumber: `AMZ-1-R${n}`, type: 'ACCREC' as const, status: 'VOIDED', total: '1.00', currency: 'USD', url: 'https://go.xero.com/x' });
    const journal = (n: number) => ({ part: '2025-08', manualJournalId: `mj-${n}`, narration: `AMZ-1-2025-08-COGS-R${n}`, status: 'VOIDED', total: '1.00', url: 'https://go.xero.com/j' });
    const record: PostedRecord = {
      settlementId: '1', tenantId: TENANT, organisationName: 'Org', revision: 300, fingerprint: '', state: 'voided', numbers: [], documents: [],
      replaced: Array.from({ length: 120 }, (_, i) => document(i)), replacedJournals: Array.from({ length: 300 }, (_, i) => journal(i)),
      by: 'seller@example.com', at: '2026-01-15T09:00:00Z', refusals: 0,
    };
    records.write(record);
    const kept = records.read('1')!;
    expect(kept.replaced.map((d) => d.invoiceNumber)).toEqual(Array.from({ length: 50 }, (_, i) => `AMZ-1-R${70 + i}`));
    expect(kept.replacedJournals!.map((j) => j.manualJournalId)).toEqual(Array.from({ length: 50 }, (_, i) => `mj-${250 + i}`));
    // A record with fewer is stored as it is.
    records.write({ ...record, replaced: record.replaced.slice(0, 3), replacedJournals: [] });
    expect(records.read('1')).toEqual({ ...record, replaced: record.replaced.slice(0, 3), replacedJournals: [] });
  });
});
