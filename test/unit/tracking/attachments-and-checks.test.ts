// The summary CSV attached to each document, the tracking checks against the organisation's
// categories, and the never-twice rules of attaching that the sandbox cannot stage alone.
import { summaryCsv, summaryFileName } from '../../../src/core/attachments/summary-csv';
import { defaultMapping } from '../../../src/core/mapping';
import { aggregateSettlement, summariseSettlement } from '../../../src/core/summary';
import { buildDocuments, type PlannedDocument } from '../../../src/core/xero/documents';
import type { XeroClient } from '../../../src/xero/client';
import { failure, success } from '../../../src/xero/errors';
import { postedRecordStore, type PostedRecord } from '../../../src/xero/posted-records';
import { attachFiles, ATTACHMENT_LIMIT_BYTES, type WantedAttachment } from '../../../src/xero/posting-attachments';
import type { PostingDeps } from '../../../src/xero/posting-request';
import type { ReferenceData } from '../../../src/xero/reference';
import { checkTracking } from '../../../src/xero/tracking-checks';
import { memoryLock, memoryStore, nodeCrypto, testClock } from '../../support/xero-memory-ports';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';

const LINES: DetailedLineSpec[] = [
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00'], fulfillmentId: 'AFN' },
  { spec: ['Order', 'ItemPrice', '=HYPERLINK("http://x","y")', '2025-08-02', '1.00'], fulfillmentId: 'AFN' },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '50.00', 'Amazon.ca'], fulfillmentId: 'MFN' },
  { spec: ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-04', '-2.00', ''] },
];

function planned(split = true) {
  const mapping = defaultMapping();
  mapping.rules.push({ ...mapping.rules[0]!, amountDescription: '=HYPERLINK("http://x","y")', category: 'Sales', origin: 'Mapping row 9' });
  const summary = summariseSettlement(aggregateSettlement(settlementOf(LINES)), mapping, {
    split: 'off', splitByMarketplace: split, tracking: { marketplace: { category: 'Marketplace', options: {} }, channel: { category: 'Fulfilment', options: {} } },
  });
  const built = buildDocuments(summary, { status: 'DRAFT' });
  if (!built.ok) throw new Error(built.problems.join(' '));
  return { summary, documents: built.documents };
}

describe('the summary CSV', () => {
  it('holds one document’s lines with their tracking and Amazon lines, the reconciliation, and the settlement’s facts', () => {
    const { summary, documents } = planned();
    const csv = summaryCsv(summary, documents[1]!, { fileName: 'sett,lement.txt', contentHash: 'f00d', fileSha256: 'ab'.repeat(32) });
    const rows = csv.split('\r\n');
    expect(rows.slice(0, 10)).toEqual([
      'SettleSheet summary of Amazon settlement 12345678901',
      'Settlement id,12345678901',
      'Period,2025-08-01 to 2025-08-14',
      'Deposit date,2025-08-16',
      'Deposit,149.00,USD',
      'File,"sett,lement.txt"',
      `File SHA-256 (of its bytes, as sha256sum gives it),${'ab'.repeat(32)}`,
      "SettleSheet fingerprint of the settlement's lines (SHA-256 of the fields read, not of the file),f00d",
      'Document,AMZ-12345678901-CA,sales invoice,"part 2025-08, Amazon.ca"',
      'Document total (settlement signs),50.00,USD',
    ]);
    expect(rows).toContain('1,Sales,201,NONE,Marketplace: Amazon.ca · Fulfilment: Merchant Fulfilled,50.00,0.00,1');
    expect(rows).toContain('1,Order,ItemPrice,Principal,Amazon.ca,,Sales,1,50.00');
    expect(rows).toContain('Deposit,149.00');
    // Only this document's lines: nothing of Amazon.com's.
    expect(csv).not.toContain('Marketplace: Amazon.com');
  });

  it('keeps text from the file from becoming a formula, and names the file plainly', () => {
    const { summary, documents } = planned();
    const csv = summaryCsv(summary, documents[0]!, { fileName: '=cmd|x.txt', contentHash: 'f00d' });
    expect(csv).toContain('File,\'=cmd|x.txt');
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",Amazon.com,`);
    expect(csv.split('\r\n').filter((r) => /(^|,)=/.test(r))).toEqual([]);
    expect(summaryFileName('AMZ-1/2 R2')).toBe('AMZ-1-2-R2-summary.csv');
  });
});

describe('checkTracking', () => {
  const reference = (categories: ReferenceData['trackingCategories']): ReferenceData => ({
    tenantId: 't', organisationName: 'Org', baseCurrency: 'USD', accounts: [], taxRates: [], currencies: ['USD'], fetchedAt: '', ...(categories ? { trackingCategories: categories } : {}),
  });
  const { documents } = planned(false);

  it('passes options the organisation has, whatever their case', () => {
    expect(checkTracking(documents, reference([
      { name: 'MARKETPLACE', status: 'ACTIVE', options: [{ name: 'amazon.com', status: 'ACTIVE' }, { name: 'Amazon.ca', status: 'ACTIVE' }] },
      { name: 'Fulfilment', status: 'ACTIVE', options: ['FBA', 'Merchant Fulfilled'].map((name) => ({ name, status: 'ACTIVE' })) },
    ]))).toEqual([]);
  });

  it('names a missing or archived category and a missing or archived option, once each', () => {
    const problems = checkTracking(documents, reference([
      { name: 'Marketplace', status: 'ACTIVE', options: [{ name: 'Amazon.com', status: 'ACTIVE' }, { name: 'Amazon.ca', status: 'ARCHIVED' }] },
      { name: 'Fulfilment', status: 'ARCHIVED', options: [] },
    ]));
    expect(problems.map((p) => p.split('.')[0] + (p.includes('archived') ? ' (archived)' : ''))).toEqual([
      'Tracking category "Marketplace" in Org has no active option "Amazon (archived)',
      'Org has no active tracking category "Fulfilment" (it is archived) (archived)',
    ]);
    expect(checkTracking(documents, reference([]))).toHaveLength(2);
  });

  it('says so when the categories were not read, and nothing for untracked documents', () => {
    expect(checkTracking(documents, reference(undefined))).toEqual(["SettleSheet could not read Org's tracking categories, so the tracking on these documents is not checked. Preview again."]);
    const plain = buildDocuments(summariseSettlement(aggregateSettlement(settlementOf(LINES.slice(0, 1))), defaultMapping(), { split: 'off' }), { status: 'DRAFT' });
    expect(plain.ok && checkTracking(plain.documents, reference(undefined))).toEqual([]);
  });
});

describe('attachFiles', () => {
  const document = { part: '2025-08', invoiceId: 'inv-1', invoiceNumber: 'AMZ-1', type: 'ACCREC' as const, status: 'DRAFT', total: '1.00', currency: 'USD', url: '' };
  const record: PostedRecord = {
    settlementId: '1', tenantId: 't', organisationName: 'Org', revision: 1, fingerprint: 'f', state: 'posted', numbers: ['AMZ-1'],
    documents: [document], replaced: [], by: 'me', at: '', refusals: 0,
  };
  const file = (base64: string): WantedAttachment => ({ document, kind: 'summary', file: { fileName: 'AMZ-1-summary.csv', mimeType: 'text/csv', base64 } });

  function deps(client: Partial<XeroClient>): { deps: PostingDeps; calls: string[] } {
    const calls: string[] = [];
    const clock = testClock();
    const traced = {
      attachmentsOf: (id: string) => (calls.push(`list ${id}`), client.attachmentsOf!(id)),
      attach: (id: string, f: { fileName: string }, key: string) => (calls.push(`attach ${id} ${f.fileName} ${key}`), client.attach!(id, f as never, key)),
    };
    return { calls, deps: { client: traced as unknown as XeroClient, tenantId: 't', records: postedRecordStore(memoryStore()), documentLock: memoryLock(clock), clock, crypto: nodeCrypto } };
  }

  it('refuses a file over Xero’s 10 MB without sending it', () => {
    const { deps: d, calls } = deps({});
    const done = attachFiles(d, record, [file('A'.repeat(Math.ceil((ATTACHMENT_LIMIT_BYTES * 4) / 3) + 8))], () => 'now');
    expect(done.outcome.kind).toBe('failed');
    expect(done.outcome.message).toContain('larger than the 10 MB Xero takes');
    expect(calls).toEqual([]);
  });

  it('after a refusal, looks the file up before sending it again, under a new key', () => {
    let refuse = true;
    const { deps: d, calls } = deps({
      attachmentsOf: () => success([]),
      attach: () => (refuse ? failure({ kind: 'validation', message: 'Xero refused attaching: no.', problems: [{ message: 'no.' }] }) : success({ attachmentId: 'a1', fileName: 'AMZ-1-summary.csv', bytes: 1 })),
    });
    const first = attachFiles(d, record, [file('YQ==')], () => 'now');
    expect(first.outcome.kind).toBe('failed');
    expect(first.record.attachments).toMatchObject([{ state: 'failed', attempts: 1, error: 'Xero refused attaching: no.' }]);
    refuse = false;
    const second = attachFiles(d, first.record, [file('YQ==')], () => 'now');
    expect(second.outcome).toEqual({ kind: 'attached', message: 'The summary is attached to AMZ-1.' });
    expect(calls.map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual(['attach inv-1 AMZ-1-summary.csv', 'list inv-1', 'attach inv-1 AMZ-1-summary.csv']);
    expect(calls[0]!.split(' ')[3]).not.toBe(calls[2]!.split(' ')[3]);
    // Attached: a third call sends nothing.
    expect(attachFiles(d, second.record, [file('YQ==')], () => 'now').outcome.kind).toBe('already-attached');
    expect(calls).toHaveLength(3);
  });
});
