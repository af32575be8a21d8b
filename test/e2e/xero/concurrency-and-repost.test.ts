// Two people (or one impatient person) pressing Post at once, and replacing what was posted: one
// set of documents in Xero every time, and a revision the record can explain.
import { selectXeroOrganisation, xeroConnectionStatus } from '../../../src/server/xero/entry-points';
import { documentStore } from '../../../src/server/records/document-store';
import { postSettlementToXero } from '../../../src/server/xero/posting';
import type { PostOutcome } from '../../../src/xero/posting';
import { BOOKKEEPER, createXeroWorld, HEADERS, POSITIVE, postedRecordIn, SELLER, settlementOf, UK, US, type XeroWorld, onceBefore } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

const positive = (status: 'DRAFT' | 'AUTHORISED' = 'DRAFT') => settlementOf(POSITIVE, HEADERS.positive, { status });
const ID = HEADERS.positive.settlementId;

function twoCollaborators(): XeroWorld {
  const x = createXeroWorld();
  x.setUpApp();
  x.connect(SELLER, { tenants: [US, UK] });
  const chosen = x.run(SELLER, () => selectXeroOrganisation(US));
  if (!chosen.ok) throw new Error(chosen.failure.message);
  const page = x.connect(BOOKKEEPER);
  expect(page).toContain('Connected to Harbor Lane Goods Inc');
  return x;
}

const record = (x: XeroWorld) => postedRecordIn(x, ID);

describe('pressing Post at the same time', () => {
  it('two collaborators: the second waits, is told who is posting, and then finds it posted', () => {
    const x = twoCollaborators();
    const s = positive();
    let second: PostOutcome | undefined;
    onceBefore(x, /^PUT /, () => {
      second = x.run(BOOKKEEPER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    });
    const first = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(first.kind).toBe('posted');
    expect(second).toMatchObject({ kind: 'busy' });
    expect(second!.message).toContain(`${SELLER} is posting this settlement to Xero`);

    const later = x.run(BOOKKEEPER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(later.kind).toBe('already-posted');
    expect(later.message).toContain(`posted by ${SELLER}`);
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  it('a double click: the second press finds it posted and sends nothing to Xero', () => {
    const x = twoCollaborators();
    const s = positive();
    let second: PostOutcome | undefined;
    onceBefore(x, /^PUT /, () => {
      second = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    });
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    expect(second?.kind).toBe('busy');
    const calls = x.requests().length;
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('already-posted');
    expect(x.requests()).toHaveLength(calls);
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  it('a collaborator whose login cannot reach the spreadsheet’s organisation is told so and cannot post elsewhere', () => {
    const x = createXeroWorld();
    x.setUpApp();
    x.connect(SELLER, { tenants: [UK] });
    const page = x.connect(BOOKKEEPER);
    // Google's /usercallback runs without the spreadsheet, so the page cannot know its organisation;
    // the sidebar says it.
    expect(page).toContain('unless it already posts to another organisation');
    expect(x.run(BOOKKEEPER, () => xeroConnectionStatus())).toMatchObject({ connected: true, canPost: false, organisation: { tenantId: UK } });
    expect(x.run(BOOKKEEPER, () => xeroConnectionStatus()).message).toContain('Bramble & Finch Trading Ltd, which your Xero login cannot reach');
    const s = positive();
    const outcome = x.run(BOOKKEEPER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome.kind).toBe('failed');
    expect(outcome.message).toContain('which your Xero login cannot reach');
    expect(x.sandbox.documents(US)).toEqual([]);
    expect(x.sandbox.documents(UK)).toEqual([]);
  });
});

describe('void and re-post', () => {
  const changed = () =>
    settlementOf([...POSITIVE, ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-12', '-12.34', '']], HEADERS.positive);

  it('a changed settlement is refused by Post, and Void and re-post deletes the draft and posts -R2', () => {
    const x = twoCollaborators();
    const before = positive();
    x.run(SELLER, () => postSettlementToXero({ summary: before.summary, documents: before.documents, mode: 'post' }));
    const after = changed();
    const refused = x.run(SELLER, () => postSettlementToXero({ summary: after.summary, documents: after.documents, mode: 'post' }));
    expect(refused.kind).toBe('refused');
    expect(refused.message).toContain('changed since seller@example.com posted it (AMZ-24288684721)');
    expect(refused.message).toContain('Void and re-post');

    const reposted = x.run(SELLER, () => postSettlementToXero({ summary: after.summary, documents: after.documents, mode: 'void-and-repost', seenRevision: 1 }));
    expect(reposted.kind).toBe('posted');
    expect(x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.status, d.total])).toEqual([
      ['AMZ-24288684721', 'DELETED', '1183.82'],
      ['AMZ-24288684721-R2', 'DRAFT', '1171.48'],
    ]);
    expect(record(x)).toMatchObject({
      revision: 2,
      state: 'posted',
      documents: [{ invoiceNumber: 'AMZ-24288684721-R2', total: '1171.48' }],
      replaced: [{ invoiceNumber: 'AMZ-24288684721', status: 'DELETED' }],
    });
  });

  it('voids an approved invoice (its number stays taken) and re-posts under the next revision each time', () => {
    const x = twoCollaborators();
    const s = positive('AUTHORISED');
    x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 1 })).kind).toBe('posted');
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 2 })).kind).toBe('posted');
    expect(x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.status])).toEqual([
      ['AMZ-24288684721', 'VOIDED'],
      ['AMZ-24288684721-R2', 'VOIDED'],
      ['AMZ-24288684721-R3', 'AUTHORISED'],
    ]);
    expect(record(x)).toMatchObject({ revision: 3, replaced: [{ invoiceNumber: 'AMZ-24288684721-R2', status: 'VOIDED' }] });
  });

  it('a second Void and re-post queued behind the first does not void the new documents', () => {
    const x = twoCollaborators();
    const s = positive();
    x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 1 })).kind).toBe('posted');
    // The second press was made while looking at revision 1 too.
    expect(x.run(BOOKKEEPER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 1 })).kind).toBe('already-posted');
    expect(x.sandbox.documents(US).filter((d) => d.status !== 'DELETED').map((d) => d.invoiceNumber)).toEqual(['AMZ-24288684721-R2']);
  });

  it('a document voided by hand in Xero is not re-created under its old number, even when the record was lost', () => {
    const x = twoCollaborators();
    const s = positive('AUTHORISED');
    x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    x.sandbox.organisation(US).invoices[0]!.status = 'VOIDED';
    // A copy of the spreadsheet, say: it holds no posted record.
    x.run(SELLER, () => documentStore(PropertiesService.getDocumentProperties()).delete(`xero.posted.${ID}`));
    const refused = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(refused.kind).toBe('refused');
    expect(refused.message).toContain('AMZ-24288684721 was voided in Xero. To post this settlement again, use "Void and re-post"');

    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost' })).kind).toBe('posted');
    expect(x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.status])).toEqual([
      ['AMZ-24288684721', 'VOIDED'],
      ['AMZ-24288684721-R2', 'AUTHORISED'],
    ]);
    expect(record(x)).toMatchObject({ revision: 2, replaced: [{ invoiceNumber: 'AMZ-24288684721', status: 'VOIDED' }] });
  });

  it('Void and re-post when nothing was ever posted simply posts, under the first numbers', () => {
    const x = twoCollaborators();
    const s = positive();
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost' })).kind).toBe('posted');
    expect(x.sandbox.documents(US).map((d) => d.invoiceNumber)).toEqual(['AMZ-24288684721']);
    expect(record(x)).toMatchObject({ revision: 1, replaced: [] });
  });

  it('voiding that fails halfway leaves a record that says so, and pressing again finishes the job', () => {
    const x = twoCollaborators();
    const s = settlementOf(POSITIVE, HEADERS.positive, { status: 'AUTHORISED' });
    x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    x.sandbox.faults.add({ match: { method: 'POST', path: /^\/api\.xro\/2\.0\/Invoices\/[^/]+$/ }, times: 3, kind: { status: 503 } });
    const failed = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 1 }));
    expect(failed).toMatchObject({ kind: 'failed', nothingCreated: true });
    expect(failed.message).toContain('Use "Void and re-post" again to finish');
    expect(record(x)).toMatchObject({ revision: 1, state: 'posted', documents: [{ status: 'AUTHORISED' }] });
    expect(x.sandbox.documents(US).map((d) => d.status)).toEqual(['AUTHORISED']);

    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 1 })).kind).toBe('posted');
    expect(x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.status])).toEqual([
      ['AMZ-24288684721', 'VOIDED'],
      ['AMZ-24288684721-R2', 'AUTHORISED'],
    ]);
  });
});
