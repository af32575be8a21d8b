// Faults on purpose, each kind, and the hook that lets a test interleave another execution.
import { NetworkError } from '../../../src/xero/http';
import { UK, api, connect, json, newSandbox, putInvoices, tokenRequest, ukInvoice } from './helpers';

const INVOICES = { method: 'PUT' as const, path: '/api.xro/2.0/Invoices' };

describe('faults', () => {
  it('status: answers 503 without handling, for the given number of matching requests only', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const fault = sandbox.faults.add({ match: INVOICES, times: 2, kind: { status: 503 } });
    expect(api(sandbox, accessToken, UK, 'GET', '/Invoices').status).toBe(200);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()]).status).toBe(503);
    expect(fault.remaining).toBe(1);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()]).status).toBe(503);
    expect(sandbox.documents(UK)).toHaveLength(0);
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()]).status).toBe(200);
    expect(sandbox.faults.pending()).toBe(0);
  });

  it('status 500 carries a problem body by default, or the body the test gives', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: { path: '/api.xro/2.0/Organisation' }, kind: { status: 500 } });
    sandbox.faults.add({ match: { path: '/api.xro/2.0/Organisation' }, kind: { status: 502, body: 'Bad gateway' } });
    expect(json(api(sandbox, accessToken, UK, 'GET', '/Organisation'))).toMatchObject({ Status: 500 });
    expect(api(sandbox, accessToken, UK, 'GET', '/organisation').body).toBe('Bad gateway');
  });

  it('rateLimit: a 429 with Retry-After and X-Rate-Limit-Problem', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: INVOICES, kind: { rateLimit: { retryAfter: 30 } } });
    sandbox.faults.add({ match: INVOICES, kind: { rateLimit: { retryAfter: 3600, problem: 'day' } } });
    const minute = putInvoices(sandbox, accessToken, UK, [ukInvoice()]);
    expect(minute.status).toBe(429);
    expect(minute.headers).toMatchObject({ 'retry-after': '30', 'x-rate-limit-problem': 'minute', 'x-minlimit-remaining': '0' });
    expect(putInvoices(sandbox, accessToken, UK, [ukInvoice()]).headers).toMatchObject({ 'retry-after': '3600', 'x-rate-limit-problem': 'day' });
    expect(sandbox.documents(UK)).toHaveLength(0);
  });

  it('networkError: throws NetworkError before anything happens', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: INVOICES, kind: { networkError: true } });
    expect(() => putInvoices(sandbox, accessToken, UK, [ukInvoice()])).toThrow(NetworkError);
    expect(sandbox.documents(UK)).toHaveLength(0);
  });

  it('dropAfterCommit: the invoice is created but the client only sees NetworkError; a keyed retry gets the first answer', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: INVOICES, kind: { dropAfterCommit: true } });
    const headers = { 'idempotency-key': 'settlement-77' };
    expect(() => putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers })).toThrow(NetworkError);
    expect(sandbox.documents(UK)).toHaveLength(1);
    const retry = putInvoices(sandbox, accessToken, UK, [ukInvoice()], { headers });
    expect(json(retry).Invoices[0].InvoiceID).toBe(sandbox.documents(UK)[0]!.invoiceId);
    expect(sandbox.documents(UK)).toHaveLength(1);
  });

  it('dropAfterCommit on a refresh: the token rotated, and the grace period lets the client recover', () => {
    const { sandbox } = newSandbox();
    const { refreshToken } = connect(sandbox);
    sandbox.faults.add({ match: { host: 'identity.xero.com', path: '/connect/token' }, kind: { dropAfterCommit: true } });
    const refresh = () => sandbox.handle(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }));
    expect(refresh).toThrow(NetworkError);
    const retried = refresh();
    expect(retried.status).toBe(200);
    expect(sandbox.grants()[0]!.tokenCalls.refreshToken).toBe(2);
  });

  it('slow: advances the injected clock by the delay, then answers', () => {
    const { sandbox, clock } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: { method: 'GET' }, kind: { slow: 31 * 60_000 } });
    const before = clock.now();
    // Handled after the delay: by then the 30-minute access token has expired.
    expect(api(sandbox, accessToken, UK, 'GET', '/Organisation').status).toBe(401);
    expect(clock.now() - before).toBe(31 * 60_000);
  });

  it('matches a path by RegExp and refuses a fault that hits zero times', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    sandbox.faults.add({ match: { path: /^\/api\.xro\/2\.0\/invoices\//i }, kind: { status: 500 } });
    expect(api(sandbox, accessToken, UK, 'GET', '/Invoices').status).toBe(200);
    expect(api(sandbox, accessToken, UK, 'GET', '/Invoices/INV-0001').status).toBe(500);
    expect(() => sandbox.faults.add({ match: {}, times: 0, kind: { status: 500 } })).toThrow(RangeError);
  });
});

describe('onRequest', () => {
  it('runs before each request, so a test can slip in another execution’s refresh first', () => {
    const { sandbox } = newSandbox();
    const { refreshToken } = connect(sandbox);
    let theirs: any;
    const stop = sandbox.onRequest((request) => {
      if (request.url.endsWith('/connect/token') && theirs === undefined) {
        theirs = {};
        theirs = json(sandbox.handle(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken })));
      }
    });
    const ours = json(sandbox.handle(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken })));
    stop();
    // The other execution rotated the token first; ours, within the grace period, gets the same
    // successor instead of invalid_grant.
    expect(theirs.refresh_token).toEqual(expect.any(String));
    expect(ours.refresh_token).toBe(theirs.refresh_token);
    expect(sandbox.grants()[0]!.tokenCalls.refreshToken).toBe(2);
  });

  it('sees every request, faulted ones included, and stops after unsubscribing', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const seen: string[] = [];
    const stop = sandbox.onRequest((request) => seen.push(`${request.method} ${new URL(request.url).pathname}`));
    sandbox.faults.add({ match: { method: 'GET' }, kind: { networkError: true } });
    expect(() => api(sandbox, accessToken, UK, 'GET', '/Organisation')).toThrow(NetworkError);
    api(sandbox, accessToken, UK, 'GET', '/Organisation');
    stop();
    api(sandbox, accessToken, UK, 'GET', '/Organisation');
    expect(seen).toEqual(['GET /api.xro/2.0/Organisation', 'GET /api.xro/2.0/Organisation']);
  });
});

describe('inspection', () => {
  it('counts calls per endpoint (ids folded) and keeps the last request', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    api(sandbox, accessToken, UK, 'GET', '/Invoices/INV-0001');
    api(sandbox, accessToken, UK, 'GET', '/Invoices/INV-0002');
    expect(sandbox.calls()).toEqual({
      'POST identity.xero.com/connect/token': 1,
      'GET api.xero.com/api.xro/2.0/invoices/{id}': 2,
    });
    expect(sandbox.lastRequest()).toMatchObject({ method: 'GET', url: 'https://api.xero.com/api.xro/2.0/Invoices/INV-0002' });
  });
});
