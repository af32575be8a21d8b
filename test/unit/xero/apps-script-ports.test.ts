// The Apps Script adapters against the Google fakes: what they hand the Xero modules must match
// what Node computes, and UrlFetchApp's habits (exceptions, header case) must not leak through.
import { createHash } from 'node:crypto';
import { appsScriptCrypto, lockPort } from '../../../src/server/xero/ports';
import { UrlFetchRefused, urlFetchHttp } from '../../../src/server/xero/url-fetch';
import { createGoogleFakes } from '../../fakes/google';
import { NetworkError, type HttpRequest } from '../../../src/xero/http';
import { createXeroWorld, SELLER } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

describe('appsScriptCrypto', () => {
  it('hashes and encodes as Node does, without base64 padding', () => {
    const x = createXeroWorld();
    for (const text of ['', 'abc', 'verifier-ÄÖÜ-€', 'x'.repeat(1000)]) {
      x.run(SELLER, () => {
        expect(appsScriptCrypto.sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
        expect(appsScriptCrypto.sha256Base64Url(text)).toBe(createHash('sha256').update(text, 'utf8').digest('base64url'));
        expect(appsScriptCrypto.base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      });
    }
  });

  it('makes random base64url strings of the asked length', () => {
    const x = createXeroWorld();
    const [a, b, long] = x.run(SELLER, () => [appsScriptCrypto.randomBase64Url(32), appsScriptCrypto.randomBase64Url(32), appsScriptCrypto.randomBase64Url(48)]);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).not.toBe(a);
    expect(Buffer.from(long!, 'base64url')).toHaveLength(48);
  });
});

describe('urlFetchHttp', () => {
  const request: HttpRequest = {
    method: 'PUT',
    url: 'https://api.xero.com/api.xro/2.0/Invoices?summarizeErrors=false',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'idempotency-key': 'k' },
    body: '{"Invoices":[]}',
  };

  it('sends the request as given and returns error statuses as responses with lower-case headers', () => {
    const x = createXeroWorld();
    const seen: HttpRequest[] = [];
    x.world.urlFetch = (r) => (seen.push(r), { status: 429, headers: { 'Retry-After': '5', 'X-Rate-Limit-Problem': 'minute' }, body: 'slow down' });
    const response = x.run(SELLER, () => urlFetchHttp(request));
    expect(response).toEqual({ status: 429, headers: { 'retry-after': '5', 'x-rate-limit-problem': 'minute' }, body: 'slow down' });
    expect(seen).toEqual([request]);
  });

  it('turns a fetch that throws (no answer at all) into a NetworkError', () => {
    const x = createXeroWorld();
    x.world.urlFetch = () => {
      throw new NetworkError('ECONNRESET');
    };
    expect(() => x.run(SELLER, () => urlFetchHttp(request))).toThrow(NetworkError);
  });

  it('never follows a redirect, so the bearer token never reaches another host', () => {
    const x = createXeroWorld();
    x.world.urlFetch = () => ({ status: 302, headers: { location: 'https://api.xero.com/elsewhere' }, body: '' });
    const response = x.run(SELLER, () => urlFetchHttp(request));
    expect(response.status).toBe(302);
    expect(x.requests().map((r) => r.url)).toEqual([request.url]);
  });

  it("turns Google's quota refusal into words and does not let it be retried as a network failure", () => {
    const x = createXeroWorld();
    const world = x.world;
    let sent = 0;
    world.urlFetch = () => (sent++, { status: 200, headers: {}, body: '{}' });
    // Spend the day's quota, as a busy day of posting would.
    world.setUrlFetchCallsPerDay(1);
    x.run(SELLER, () => urlFetchHttp(request));
    const thrown = (() => { try { x.run(SELLER, () => urlFetchHttp(request)); } catch (e) { return e; } })();
    expect(thrown).toBeInstanceOf(UrlFetchRefused);
    expect(thrown).not.toBeInstanceOf(NetworkError);
    expect((thrown as Error).message).toContain("Google's daily limit");
    expect(sent).toBe(1);
  });

  it('names the missing allow-list entry instead of calling it a lost connection', () => {
    const x = createXeroWorld();
    const outside = { ...request, url: 'https://login.xero.com/identity/connect/authorize' };
    expect(() => x.run(SELLER, () => urlFetchHttp(outside))).toThrow('must add "https://login.xero.com/" to urlFetchWhitelist');
  });

  it('says a missing permission is a missing permission', () => {
    const world = createGoogleFakes({ manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] } });
    const thrown = world.run(SELLER, (g) => {
      const saved = (globalThis as Record<string, unknown>).UrlFetchApp;
      (globalThis as Record<string, unknown>).UrlFetchApp = g.UrlFetchApp;
      try {
        urlFetchHttp(request);
        return undefined;
      } catch (e) {
        return e;
      } finally {
        (globalThis as Record<string, unknown>).UrlFetchApp = saved;
      }
    });
    expect(thrown).toBeInstanceOf(UrlFetchRefused);
    expect((thrown as Error).message).toContain('permission to reach Xero');
  });
});

describe('lockPort', () => {
  it('runs the work holding the lock and releases it, even when the work throws', () => {
    const x = createXeroWorld();
    x.run(SELLER, () => {
      const port = lockPort(LockService.getDocumentLock());
      expect(port.run(1000, () => LockService.getDocumentLock().hasLock())).toEqual({ ok: true, value: true });
      expect(() => port.run(1000, () => { throw new Error('boom'); })).toThrow('boom');
      expect(LockService.getDocumentLock().hasLock()).toBe(false);
    });
  });

  it('is busy while another execution holds it, after waiting', () => {
    const x = createXeroWorld();
    x.run(SELLER, () => {
      LockService.getDocumentLock().waitLock(1);
      const start = x.world.now();
      const other = x.run('bookkeeper@example.com', () => lockPort(LockService.getDocumentLock()).run(5000, () => 'ran'));
      expect(other).toEqual({ ok: false });
      // The 5 s wait, plus what the calls themselves cost on the world's clock.
      expect(x.world.now() - start).toBeGreaterThanOrEqual(5000);
      expect(x.world.now() - start).toBeLessThan(5100);
    });
  });
});
