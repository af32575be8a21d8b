// UrlFetchApp in front of the world's HTTP handler: request shape, Google's error semantics, limits.
import { NetworkError, type HttpRequest, type HttpResponse } from '../../../src/xero/http';
import { createGoogleFakes } from '../../fakes/google';
import { FREE } from '../../fakes/google/cost';

function setup(respond: (request: HttpRequest) => HttpResponse) {
  const seen: HttpRequest[] = [];
  // Arbitrary hosts: a manifest without an allow-list (the allow-list has its own tests).
  const world = createGoogleFakes({ cost: FREE, manifest: {}, urlFetch: (request) => { seen.push(request); return respond(request); } });
  return { world, seen, fetch: world.globalsFor({ user: 'seller@example.com' }).UrlFetchApp };
}

const ok = (body = '{}', headers: Record<string, string> = {}): HttpResponse => ({ status: 200, headers, body });

describe('UrlFetchApp', () => {
  it('sends method, lower-case headers, payload and content type to the handler', () => {
    const { fetch, seen } = setup(() => ok());
    fetch.fetch('https://api.xero.com/api.xro/2.0/Invoices', {
      method: 'post', headers: { Authorization: 'Bearer t0ken', 'Xero-Tenant-Id': 'tenant' },
      contentType: 'application/json', payload: '{"Invoices":[]}',
    });
    expect(seen[0]).toEqual({
      method: 'POST', url: 'https://api.xero.com/api.xro/2.0/Invoices',
      headers: { authorization: 'Bearer t0ken', 'xero-tenant-id': 'tenant', 'content-type': 'application/json' },
      body: '{"Invoices":[]}',
    });
  });

  it('form-encodes an object payload and defaults to GET without a body', () => {
    const { fetch, seen } = setup(() => ok());
    fetch.fetch('https://identity.xero.com/connect/token', {
      method: 'post', payload: { grant_type: 'authorization_code', redirect_uri: 'https://script.google.com/macros/d/x/usercallback' },
    });
    expect(seen[0]!.body).toBe('grant_type=authorization_code&redirect_uri=https%3A%2F%2Fscript.google.com%2Fmacros%2Fd%2Fx%2Fusercallback');
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    fetch.fetch('https://api.xero.com/connections');
    expect(seen[1]).toEqual({ method: 'GET', url: 'https://api.xero.com/connections', headers: {} });
  });

  it('throws Google message for a status of 400 or more, naming only the origin', () => {
    const { fetch } = setup(() => ({ status: 401, headers: {}, body: '{"Title":"Unauthorized"}' }));
    expect(() => fetch.fetch('https://api.xero.com/api.xro/2.0/Invoices?secret=1')).toThrow(
      'Request failed for https://api.xero.com returned code 401. Truncated server response: {"Title":"Unauthorized"} (use muteHttpExceptions option to examine full response)');
  });

  it('returns error responses with muteHttpExceptions', () => {
    const { fetch } = setup(() => ({ status: 429, headers: { 'retry-after': '3' }, body: 'slow down' }));
    const response = fetch.fetch('https://api.xero.com/x', { muteHttpExceptions: true });
    expect(response.getResponseCode()).toBe(429);
    expect(response.getContentText()).toBe('slow down');
    expect(response.getHeaders()).toEqual({ 'retry-after': '3' });
  });

  it('turns a request with no response into Google "Address unavailable" or "DNS error"', () => {
    const { fetch } = setup((r) => { throw new NetworkError(r.url.includes('nxdomain') ? 'DNS lookup failed' : 'connection reset'); });
    expect(() => fetch.fetch('https://api.xero.com/x')).toThrow('Address unavailable: https://api.xero.com/x');
    expect(() => fetch.fetch('https://nxdomain.example/x')).toThrow('DNS error: https://nxdomain.example/x');
  });

  it('refuses URLs over 2 KB and malformed URLs', () => {
    const { fetch, seen } = setup(() => ok());
    const base = 'https://api.xero.com/?q=';
    expect(() => fetch.fetch(base + 'x'.repeat(2048 - base.length + 1))).toThrow('Limit Exceeded: URLFetch URL Length.');
    fetch.fetch(base + 'x'.repeat(2048 - base.length));
    expect(() => fetch.fetch('api.xero.com/x')).toThrow('Invalid argument: api.xero.com/x');
    expect(seen).toHaveLength(1);
  });

  it('follows redirects unless told not to', () => {
    const { fetch, seen } = setup((r) => (r.url.endsWith('/old') ? { status: 302, headers: { location: '/new' }, body: '' } : ok('moved')));
    expect(fetch.fetch('https://example.com/old').getContentText()).toBe('moved');
    expect(seen.map((r) => r.url)).toEqual(['https://example.com/old', 'https://example.com/new']);
    expect(fetch.fetch('https://example.com/old', { followRedirects: false }).getResponseCode()).toBe(302);
  });

  it('fetchAll sends each request and gives blobs of the bodies', () => {
    const { fetch } = setup((r) => ok(r.url.slice(-1), { 'content-type': 'text/plain' }));
    const responses = fetch.fetchAll(['https://e.com/a', { url: 'https://e.com/b', method: 'get' }]);
    expect(responses.map((r) => r.getContentText())).toEqual(['a', 'b']);
    expect(responses[0]!.getBlob().getContentType()).toBe('text/plain');
  });

  it('records every request with its headers for the tests to audit', () => {
    const { world, fetch } = setup(() => ok());
    fetch.fetch('https://api.xero.com/x', { headers: { Authorization: 'Bearer abc' } });
    expect(world.inspect.requests()).toEqual([
      expect.objectContaining({ method: 'GET', url: 'https://api.xero.com/x', headers: { authorization: 'Bearer abc' }, user: 'seller@example.com' }),
    ]);
  });
});
