// Rate limits (per organisation 60 a minute, 5 at once and the tier's daily allowance, in fixed
// windows, with the headers every response carries) and Idempotency-Key replays.
import { DEFAULT_APP, IDEMPOTENCY_KEY_LIFETIME_MS, IDEMPOTENCY_KEY_MAX, LIMITS, TIERS } from '../../fakes/xero';
import { UK, US, api, connect, json, newSandbox, putInvoices, tokenRequest, ukInvoice } from './helpers';

const MINUTE = 60_000;

describe('rate limits', () => {
  it('every response carries the remaining minute, day and app-minute calls; a Starter app has 1,000 a day', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    api(sandbox, accessToken, UK, 'GET', '/Organisation');
    const second = api(sandbox, accessToken, UK, 'GET', '/Accounts');
    expect(second.headers).toMatchObject({
      'x-minlimit-remaining': String(LIMITS.perMinute - 2),
      'x-daylimit-remaining': String(TIERS.starter.callsPerDay - 2),
      'x-appminlimit-remaining': String(LIMITS.appPerMinute - 2),
    });
    expect(TIERS.starter.callsPerDay).toBe(1000);
    const core = newSandbox({ apps: [{ ...DEFAULT_APP, tier: 'core' }] }).sandbox;
    expect(api(core, connect(core).accessToken, UK, 'GET', '/Organisation').headers['x-daylimit-remaining']).toBe('4999');
  });

  it('the 61st call in a fixed minute gets 429 minute with the seconds left in that minute, and the next minute starts afresh', () => {
    const { sandbox, clock } = newSandbox();
    const { accessToken } = connect(sandbox);
    // The clock starts at 09:00:00; the minute window runs to 09:01:00.
    for (let i = 0; i < LIMITS.perMinute; i++) {
      expect(api(sandbox, accessToken, UK, 'GET', '/Currencies').status).toBe(200);
      clock.advance(500);
    }
    const refused = api(sandbox, accessToken, UK, 'GET', '/Currencies');
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'retry-after': '30', 'x-rate-limit-problem': 'minute', 'x-minlimit-remaining': '0' });
    // Another organisation has its own limit.
    expect(api(sandbox, accessToken, US, 'GET', '/Currencies').status).toBe(200);
    clock.advance(29_999);
    expect(api(sandbox, accessToken, UK, 'GET', '/Currencies').status).toBe(429);
    clock.advance(1);
    // Fixed, not rolling: the whole allowance is back at 09:01:00, not one call at a time.
    const recovered = api(sandbox, accessToken, UK, 'GET', '/Currencies');
    expect(recovered.status).toBe(200);
    expect(recovered.headers['x-minlimit-remaining']).toBe(String(LIMITS.perMinute - 1));
  });

  it("the Starter tier's 1,001st call in a day gets 429 day with a Retry-After of hours, until midnight UTC", () => {
    const { sandbox, clock } = newSandbox();
    let { accessToken: token, refreshToken: refresh } = connect(sandbox);
    const refreshTokens = () => {
      const next = json(sandbox.handle(tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh })));
      token = next.access_token;
      refresh = next.refresh_token;
    };
    for (let i = 0; i < TIERS.starter.callsPerDay; i++) {
      // Stay under the minute limit (and keep the access token fresh) while spending the day's.
      if (i > 0 && i % LIMITS.perMinute === 0) {
        clock.advance(MINUTE);
        refreshTokens();
      }
      expect(api(sandbox, token, UK, 'GET', '/Currencies').status).toBe(200);
    }
    clock.advance(MINUTE);
    const refused = api(sandbox, token, UK, 'GET', '/Currencies');
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'x-rate-limit-problem': 'day', 'x-daylimit-remaining': '0' });
    const wait = Number(refused.headers['retry-after']);
    const midnight = Date.parse('2026-01-16T00:00:00Z');
    expect(wait).toBe(Math.ceil((midnight - clock.now()) / 1000));
    expect(wait).toBeGreaterThan(3600);
    clock.advance(wait * 1000);
    refreshTokens();
    expect(api(sandbox, token, UK, 'GET', '/Currencies').headers['x-daylimit-remaining']).toBe(String(TIERS.starter.callsPerDay - 1));
  });

  it('a sixth call to one organisation while five are in progress gets 429 concurrent', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const statuses: number[] = [];
    let started = 1;
    // Each request, while in progress, starts the next one: six overlap; the innermost answers first.
    const stop = sandbox.onRequest(() => {
      if (started >= 6) return;
      started++;
      statuses.push(api(sandbox, accessToken, UK, 'GET', '/Currencies').status);
    });
    statuses.push(api(sandbox, accessToken, UK, 'GET', '/Currencies').status);
    stop();
    expect(statuses).toEqual([429, 200, 200, 200, 200, 200]);
    expect(api(sandbox, accessToken, UK, 'GET', '/Currencies').status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('a repeat of the same request returns the first response (status and body) without creating again', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const headers = { 'idempotency-key': 'settlement-123-part-1' };
    const first = putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers });
    const again = putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers });
    expect(again.status).toBe(first.status);
    expect(again.body).toBe(first.body);
    expect(sandbox.documents(UK)).toHaveLength(1);
    // A new key is a new request.
    putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers: { 'idempotency-key': 'settlement-123-part-2' } });
    expect(sandbox.documents(UK)).toHaveLength(2);
  });

  it('replays a refusal for the same request, answers 400 when the key comes with a different request, and keeps keys per organisation', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const headers = { 'idempotency-key': 'k-1' };
    const refused = putInvoices(sandbox, accessToken, UK, [ukInvoice({ CurrencyCode: 'EUR' })], { headers, summarize: true });
    expect(refused.status).toBe(400);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice({ CurrencyCode: 'EUR' })], { headers, summarize: true }).body).toBe(refused.body);
    // Another body, or the same body to another URL, with the same key.
    for (const other of [
      putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers, summarize: true }),
      putInvoices(sandbox, accessToken, UK, [ukInvoice({ CurrencyCode: 'EUR' })], { headers }),
    ]) {
      expect(other.status).toBe(400);
      expect(json(other).Message).toBe('Idempotency Key: k-1 is used with a different request.');
    }
    expect(sandbox.documents(UK)).toEqual([]);
    expect(putInvoices(sandbox, accessToken, US, [ukInvoice({ LineItems: [{ Description: 'x', UnitAmount: 5, AccountCode: '201' }] })], { headers }).status).toBe(200);
    expect(sandbox.documents(US)).toHaveLength(1);
  });

  it('forgets a key six minutes after its first call: the same request is then new', () => {
    const { sandbox, clock } = newSandbox();
    const { accessToken } = connect(sandbox);
    const headers = { 'idempotency-key': 'k-expiring' };
    putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers });
    clock.advance(IDEMPOTENCY_KEY_LIFETIME_MS - 1);
    putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers });
    expect(sandbox.documents(UK)).toHaveLength(1);
    clock.advance(1);
    putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers });
    expect(sandbox.documents(UK)).toHaveLength(2);
    expect(IDEMPOTENCY_KEY_LIFETIME_MS).toBe(6 * MINUTE);
  });

  it('keeps a server error under its key too: a retry with the same key gets it again', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, kind: { status: 500 } });
    const headers = { 'idempotency-key': 'k-500' };
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers }).status).toBe(500);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers }).status).toBe(500);
    expect(sandbox.documents(UK)).toEqual([]);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers: { 'idempotency-key': 'k-501' } }).status).toBe(200);
  });

  it(`refuses a key longer than ${IDEMPOTENCY_KEY_MAX} characters`, () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers: { 'idempotency-key': 'k'.repeat(IDEMPOTENCY_KEY_MAX) } }).status).toBe(200);
    const tooLong = putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers: { 'idempotency-key': 'k'.repeat(IDEMPOTENCY_KEY_MAX + 1) } });
    expect(tooLong.status).toBe(400);
    expect(json(tooLong).Detail).toContain('at most 128');
  });
});
