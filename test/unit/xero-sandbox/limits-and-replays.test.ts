// Rate limits (60 a minute and 5,000 a day per organisation, with the headers every response
// carries) and Idempotency-Key replays.
import { IDEMPOTENCY_KEY_MAX, LIMITS } from '../../fakes/xero';
import { UK, US, api, connect, json, newSandbox, putInvoices, tokenRequest, ukInvoice } from './helpers';

describe('rate limits', () => {
  it('every response carries the remaining minute, day and app-minute calls', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    api(sandbox, accessToken, UK, 'GET', '/Organisation');
    const second = api(sandbox, accessToken, UK, 'GET', '/Accounts');
    expect(second.headers).toMatchObject({
      'x-minlimit-remaining': String(LIMITS.perMinute - 2),
      'x-daylimit-remaining': String(LIMITS.perDay - 2),
      'x-appminlimit-remaining': String(LIMITS.appPerMinute - 2),
    });
  });

  it('the 61st call in a minute gets 429 minute with Retry-After, and calls work again once the clock moves on', () => {
    const { sandbox, clock } = newSandbox();
    const { accessToken } = connect(sandbox);
    for (let i = 0; i < LIMITS.perMinute; i++) {
      expect(api(sandbox, accessToken, UK, 'GET', '/Currencies').status).toBe(200);
      clock.advance(500);
    }
    // The first call was 30 s ago, so it leaves the rolling minute in 30 s.
    const refused = api(sandbox, accessToken, UK, 'GET', '/Currencies');
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'retry-after': '30', 'x-rate-limit-problem': 'minute', 'x-minlimit-remaining': '0' });
    // Another organisation has its own limit.
    expect(api(sandbox, accessToken, US, 'GET', '/Currencies').status).toBe(200);
    clock.advance(29_000);
    expect(api(sandbox, accessToken, UK, 'GET', '/Currencies').status).toBe(429);
    clock.advance(1_000);
    const recovered = api(sandbox, accessToken, UK, 'GET', '/Currencies');
    expect(recovered.status).toBe(200);
    expect(recovered.headers['x-minlimit-remaining']).toBe('0');
  });

  it('the 5,001st call in a day gets 429 daily, and the first call leaving the rolling day frees one', () => {
    const { sandbox, clock } = newSandbox();
    let { accessToken: token, refreshToken: refresh } = connect(sandbox);
    const refreshTokens = () => {
      const next = json(sandbox.handle(tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh })));
      token = next.access_token;
      refresh = next.refresh_token;
    };
    const start = clock.now();
    for (let i = 0; i < LIMITS.perDay; i++) {
      // Stay under the minute limit (and keep the access token fresh) while spending the day's.
      if (i > 0 && i % LIMITS.perMinute === 0) {
        clock.advance(60_000);
        refreshTokens();
      }
      expect(api(sandbox, token, UK, 'GET', '/Currencies').status).toBe(200);
    }
    clock.advance(60_000);
    const refused = api(sandbox, token, UK, 'GET', '/Currencies');
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'x-rate-limit-problem': 'daily', 'x-daylimit-remaining': '0' });
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBe(Math.ceil((start + 86_400_000 - clock.now()) / 1000));
    clock.advance(wait * 1000);
    refreshTokens();
    expect(api(sandbox, token, UK, 'GET', '/Currencies').status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('a repeat returns the first response (status and body) without creating again', () => {
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

  it('replays a refusal too, and keeps keys per organisation', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const headers = { 'idempotency-key': 'k-1' };
    const refused = putInvoices(sandbox, accessToken, UK, [ukInvoice({ CurrencyCode: 'EUR' })], { headers, summarize: true });
    expect(refused.status).toBe(400);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers, summarize: true }).body).toBe(refused.body);
    expect(putInvoices(sandbox, accessToken, US, [ukInvoice({ LineItems: [{ Description: 'x', UnitAmount: 5, AccountCode: '201' }] })], { headers }).status).toBe(200);
    expect(sandbox.documents(US)).toHaveLength(1);
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
