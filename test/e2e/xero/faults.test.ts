// Each fault the issue lists, through the Apps Script adapters against the sandbox: the flow
// survives what it can, stops with a clear message where it cannot, never duplicates a document,
// and leaves a posted record that says what Xero holds.
import { xeroAccountChoices, xeroConnectionStatus } from '../../../src/server/xero/entry-points';
import { postSettlementToXero } from '../../../src/server/xero/posting';
import { createXeroWorld, HEADERS, MONTH_SPLIT, POSITIVE, postedRecordIn, SELLER, settlementOf, US, type XeroWorld, onceBefore } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

const MINUTE = 60_000;
const positive = () => settlementOf(POSITIVE, HEADERS.positive);

function connectedToUs(): XeroWorld {
  const x = createXeroWorld();
  x.setUpApp();
  x.connect(SELLER, { tenants: [US] });
  return x;
}

const refreshes = (x: XeroWorld) => x.sandbox.grants().reduce((n, g) => n + g.tokenCalls.refreshToken, 0);
const puts = (x: XeroWorld) => x.sandbox.calls()['PUT api.xero.com/api.xro/2.0/invoices'] ?? 0;
const record = postedRecordIn;

describe('tokens', () => {
  it('renews an access token that expires in the middle of a post, once', () => {
    const x = connectedToUs();
    const s = positive();
    onceBefore(x, /^GET .*\/Invoices\?/, () => x.world.advanceClock(31 * MINUTE));
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome.kind).toBe('posted');
    expect(refreshes(x)).toBe(1);
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  it('renews ahead of time when the token has less than a minute left', () => {
    const x = connectedToUs();
    x.world.advanceClock(29.5 * MINUTE);
    expect(x.run(SELLER, () => xeroAccountChoices()).ok).toBe(true);
    expect(refreshes(x)).toBe(1);
    // Renewed before the call, so Xero never refused the old token: one call per endpoint.
    expect(x.requests().filter((r) => r.url.endsWith('/Organisation'))).toHaveLength(1);
  });

  it('two executions racing to refresh make ONE refresh call: the second re-reads the stored token under the lock', () => {
    const x = connectedToUs();
    const s = positive();
    let other: ReturnType<typeof xeroAccountChoices> | undefined;
    // Execution B (the post) holds the old token in memory; just before its first call, the token
    // expires and execution A refreshes it. B's call is then refused (401), B takes the user lock,
    // finds A's fresh token in user properties and uses it instead of refreshing with a dead one.
    onceBefore(x, /^GET .*\/Organisation$/, () => {
      x.world.advanceClock(31 * MINUTE);
      other = x.run(SELLER, () => xeroAccountChoices(true));
    });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(other?.ok).toBe(true);
    expect(outcome.kind).toBe('posted');
    expect(x.sandbox.grants()).toHaveLength(1);
    expect(x.sandbox.grants()[0]!.tokenCalls).toMatchObject({ refreshToken: 1, refused: 0 });
    expect(x.requests().filter((r) => r.url.endsWith('/Organisation')).length).toBe(3);
  });

  it('invalid_grant: asks to reconnect, forgets only the dead tokens, keeps the organisation and posted records', () => {
    const x = connectedToUs();
    const first = positive();
    expect(x.run(SELLER, () => postSettlementToXero({ summary: first.summary, documents: first.documents, mode: 'post' })).kind).toBe('posted');
    // A refresh token unused for 60 days dies.
    x.world.advanceClock(61 * 24 * 60 * MINUTE);
    const split = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: split.summary, documents: split.documents, mode: 'post' }));
    expect(outcome.kind).toBe('reconnect');
    expect(outcome.message).toContain('Connect to Xero again');
    expect(outcome.message).toContain('Nothing was created');
    const user = x.world.inspect.properties({ user: SELLER });
    expect(user['xero.tokens']).toBeUndefined();
    expect(x.world.inspect.properties('document')['xero.organisation']).toContain(US);
    expect(record(x, HEADERS.positive.settlementId)?.state).toBe('posted');
    expect(x.run(SELLER, () => xeroConnectionStatus())).toMatchObject({ connected: false, organisation: { tenantId: US } });

    x.connect(SELLER, { tenants: [US] });
    expect(x.run(SELLER, () => postSettlementToXero({ summary: split.summary, documents: split.documents, mode: 'post' })).kind).toBe('posted');
    expect(x.sandbox.documents(US)).toHaveLength(3);
  });
});

describe('rate limits, server errors and lost answers', () => {
  it('429 with a short Retry-After: waits it out and posts', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { rateLimit: { retryAfter: 5 } } });
    const start = x.world.now();
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    expect(x.world.now() - start).toBeGreaterThanOrEqual(5000);
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  it('429 with a Retry-After longer than the execution has left: stops, says when to retry, creates nothing', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { rateLimit: { retryAfter: 400 } } });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 400 });
    expect(outcome.message).toContain('Xero is busy');
    expect(outcome.message).toContain('try again in 7 minutes');
    expect(outcome.message).toContain('Nothing was created in Xero.');
    expect(x.sandbox.documents(US)).toEqual([]);
    expect(record(x, HEADERS.positive.settlementId)).toMatchObject({ state: 'posting', documents: [], numbers: ['AMZ-24288684721'] });

    x.world.advanceClock(400_000);
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  const lookups = (x: XeroWorld) => x.requests().filter((r) => r.method === 'GET' && r.url.includes('/Invoices?'));
  const putKeys = (x: XeroWorld) => x.requests().filter((r) => r.method === 'PUT').map((r) => r.headers['idempotency-key']);

  it('500 then success: Xero keeps the 500 under the key, so the client looks again and creates under a NEW key, once', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { status: 500 } });
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    const keys = putKeys(x);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeDefined();
    expect(keys[1]).not.toBe(keys[0]);
    expect(lookups(x)).toHaveLength(2);
    expect(x.sandbox.documents(US)).toHaveLength(1);
    expect(record(x, HEADERS.positive.settlementId)).toMatchObject({ state: 'posted', refusals: 1 });
  });

  it('a 504 after Xero committed: the look after it finds the document and adopts it, with no second create', () => {
    const x = connectedToUs();
    const s = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' });
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { failAfterCommit: 504 } });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome.kind).toBe('posted');
    expect(putKeys(x)).toHaveLength(1);
    expect(x.sandbox.documents(US).map((d) => d.invoiceNumber)).toEqual(['AMZ-24288684723-2025-07', 'AMZ-24288684723-2025-08']);
    expect(outcome.kind === 'posted' && outcome.record.documents.map((d) => d.invoiceId)).toEqual(x.sandbox.documents(US).map((d) => d.invoiceId));
  });

  it('a server error on every create: says Xero may hold it; nothing is duplicated and the next press finishes', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, times: 3, kind: { status: 503 } });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome).toMatchObject({ kind: 'failed', nothingCreated: false });
    expect(outcome.message).toContain('Press Post again');
    expect(new Set(putKeys(x)).size).toBe(3);
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    expect(new Set(putKeys(x)).size).toBe(4);
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  it('an answer lost after Xero committed: the retry is replayed, not duplicated', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { dropAfterCommit: true } });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome.kind).toBe('posted');
    expect(puts(x)).toBe(2);
    expect(x.sandbox.documents(US)).toHaveLength(1);
    expect(outcome.kind === 'posted' && outcome.record.documents[0]?.invoiceId).toBe(x.sandbox.documents(US)[0]!.invoiceId);
  });

  it('every answer lost: says Xero may hold it; pressing Post again finds it and creates nothing more', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, times: 3, kind: { dropAfterCommit: true } });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome).toMatchObject({ kind: 'failed', nothingCreated: false });
    expect(outcome.message).toContain('Xero may have created AMZ-24288684721');
    expect(outcome.message).toContain('Press Post again');
    expect(x.sandbox.documents(US)).toHaveLength(1);

    const again = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(again.kind).toBe('posted');
    expect(puts(x)).toBe(3);
    expect(x.sandbox.documents(US)).toHaveLength(1);
    expect(record(x, HEADERS.positive.settlementId)).toMatchObject({ state: 'posted', documents: [{ invoiceId: x.sandbox.documents(US)[0]!.invoiceId }] });
  });

  it('Xero unreachable on the lookup: nothing was created, and the record is untouched', () => {
    const x = connectedToUs();
    const s = positive();
    x.sandbox.faults.add({ match: { method: 'GET', path: '/api.xro/2.0/Invoices' }, times: 3, kind: { networkError: true } });
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome).toMatchObject({ kind: 'failed', nothingCreated: true });
    expect(outcome.message).toContain('3 attempts');
    expect(outcome.message).toContain('Nothing was created in Xero.');
    expect(record(x, HEADERS.positive.settlementId)).toBeNull();
  });
});

describe('what Xero refuses', () => {
  it('an account archived in the organisation is refused before anything is sent', () => {
    const x = connectedToUs();
    x.sandbox.organisation(US).accounts.find((a) => a.Code === '405')!.Status = 'ARCHIVED';
    const s = positive();
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.problems).toEqual([
      'Account 405 — Amazon Seller Fees (used for Seller fees) is ARCHIVED in Harbor Lane Goods Inc. Choose another in the Accounts tab, or restore the account in Xero.',
    ]);
    expect(puts(x)).toBe(0);
    expect(x.sandbox.calls()['GET api.xro/2.0/invoices']).toBeUndefined();
    expect(record(x, HEADERS.positive.settlementId)).toBeNull();
  });

  it('a line Xero refuses at the last moment is named by document and line; after the fix, Post creates it', () => {
    const x = connectedToUs();
    const s = positive();
    const account = x.sandbox.organisation(US).accounts.find((a) => a.Code === '405')!;
    // Someone archives the account in Xero between SettleSheet's check and its create call.
    onceBefore(x, /^PUT /, () => (account.Status = 'ARCHIVED'));
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome).toMatchObject({ kind: 'failed', nothingCreated: true });
    expect(outcome.message).toContain(
      "Xero refused settlement 24288684721: sales invoice AMZ-24288684721, line 3 (Seller fees, account 405): Account code '405' has been archived, or has been deleted.",
    );
    expect(x.sandbox.documents(US)).toEqual([]);
    expect(record(x, HEADERS.positive.settlementId)).toMatchObject({ state: 'posting', documents: [], refusals: 1 });

    // Restored in Xero, the same request must not be answered with the stored refusal.
    account.Status = 'ACTIVE';
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    expect(x.sandbox.documents(US)).toHaveLength(1);
  });

  it('one part of a month split refused: the other is created, the settlement is marked partly posted, and Post completes the rest later', () => {
    const x = connectedToUs();
    const s = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'separate' });
    const storage = x.sandbox.organisation(US).accounts.find((a) => a.Code === '407')!;
    onceBefore(x, /^PUT /, () => (storage.Status = 'ARCHIVED'));
    const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(outcome).toMatchObject({ kind: 'partly-posted', missing: [{ part: '2025-08', invoiceNumber: 'AMZ-24288684723-2025-08', total: '185.99' }] });
    expect(outcome.message).toContain('Harbor Lane Goods Inc holds AMZ-24288684723-2025-07 (2025-07), but Xero refused AMZ-24288684723-2025-08 (2025-08).');
    expect(outcome.message).toContain('sales invoice AMZ-24288684723-2025-08 (2025-08), line 3 (Storage, account 407)');
    expect(x.sandbox.documents(US).map((d) => d.invoiceNumber)).toEqual(['AMZ-24288684723-2025-07']);
    expect(record(x, HEADERS.monthSplit.settlementId)).toMatchObject({
      state: 'partly-posted',
      documents: [{ invoiceNumber: 'AMZ-24288684723-2025-07' }],
      missing: [{ invoiceNumber: 'AMZ-24288684723-2025-08', reasons: [expect.stringContaining("Account code '407' has been archived")] }],
    });

    storage.Status = 'ACTIVE';
    // Finishing meets Xero's daily limit: nothing changes, and the settlement stays marked.
    x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { rateLimit: { retryAfter: 20_000, problem: 'day' } } });
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('rate-limited');
    expect(record(x, HEADERS.monthSplit.settlementId)).toMatchObject({ state: 'partly-posted', missing: [{ invoiceNumber: 'AMZ-24288684723-2025-08' }] });
    x.world.advanceClock(20_000_000);
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    expect(x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.total])).toEqual([
      ['AMZ-24288684723-2025-07', '127.50'],
      ['AMZ-24288684723-2025-08', '185.99'],
    ]);
    expect(record(x, HEADERS.monthSplit.settlementId)).not.toHaveProperty('missing');
  });
});
