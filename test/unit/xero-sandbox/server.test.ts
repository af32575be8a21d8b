// The HTTP server around the sandbox: a browser-reachable consent page, proxied API calls, the
// escaped overview page, and faults that behave like a real network.
import { startXeroSandboxServer, type XeroSandboxServer } from '../../fakes/xero';
import { REDIRECT_URI, UK, authorizeUrl, basicAuth, newSandbox, pkcePair, putInvoices, ukInvoice, connect } from './helpers';

let server: XeroSandboxServer;
let world: ReturnType<typeof newSandbox>;

beforeEach(async () => {
  world = newSandbox();
  server = await startXeroSandboxServer({ sandbox: world.sandbox, port: 0 });
});

afterEach(async () => {
  await server.close();
});

describe('the sandbox server', () => {
  it('maps /<host>/<path>?query to https://<host>/<path>?query', () => {
    expect(server.proxied('https://login.xero.com/identity/connect/authorize?a=1')).toBe(`${server.url}/login.xero.com/identity/connect/authorize?a=1`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs the whole consent flow over HTTP: page, "Allow access", redirect with code, token, API call', async () => {
    const { verifier, challenge } = pkcePair();
    const page = await fetch(server.proxied(authorizeUrl({ challenge, state: 's-1' })));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Allow access');

    // Submit the form as a browser would: its hidden fields, the ticked organisation, the button.
    const fields = new URLSearchParams();
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields.append(name!, value!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    }
    fields.append('tenant', UK);
    fields.append('decision', 'allow');
    const action = new URL('authorize', server.proxied('https://login.xero.com/identity/connect/authorize')).toString();
    const allowed = await fetch(action, { method: 'POST', body: fields, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(allowed.status).toBe(302);
    const location = new URL(allowed.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('s-1');

    const token = await fetch(server.proxied('https://identity.xero.com/connect/token'), {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: REDIRECT_URI, code_verifier: verifier }),
    });
    expect(token.status).toBe(200);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };

    const organisation = await fetch(server.proxied('https://api.xero.com/api.xro/2.0/Organisation'), {
      headers: { authorization: `Bearer ${accessToken}`, 'xero-tenant-id': UK },
    });
    expect(organisation.status).toBe(200);
    expect(organisation.headers.get('x-minlimit-remaining')).toBe('59');
    expect(((await organisation.json()) as any).Organisations[0].Name).toBe('Bramble & Finch Trading Ltd');
  });

  it('shows the organisations and their documents at /, every value escaped', async () => {
    const { accessToken } = connect(world.sandbox);
    putInvoices(world.sandbox, accessToken, UK, [ukInvoice({ Reference: '<img src=x onerror=alert(1)>', InvoiceNumber: 'AMZ-<1>' })]);
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Bramble &amp; Finch Trading Ltd');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('AMZ-&lt;1&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('120.00 GBP');
  });

  it('resets the connection when a fault loses the response, after really committing it', async () => {
    const { accessToken } = connect(world.sandbox);
    world.sandbox.faults.add({ match: { method: 'PUT' }, kind: { dropAfterCommit: true } });
    const request = fetch(server.proxied('https://api.xero.com/api.xro/2.0/Invoices'), {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}`, 'xero-tenant-id': UK, 'content-type': 'application/json' },
      body: JSON.stringify({ Invoices: [ukInvoice()] }),
    });
    await expect(request).rejects.toThrow();
    expect(world.sandbox.documents(UK)).toHaveLength(1);
  });

  it('answers a slow request after its delay, having advanced the injected clock', async () => {
    world.sandbox.faults.add({ match: { host: 'api.xero.com' }, kind: { slow: 25 } });
    const before = world.clock.now();
    const response = await fetch(server.proxied('https://api.xero.com/connections'), { headers: { authorization: 'Bearer x' } });
    expect(response.status).toBe(401);
    expect(world.clock.now() - before).toBe(25);
  });

  it('answers 404 for paths that name no Xero host', async () => {
    const response = await fetch(`${server.url}/example.com/anything`);
    expect(response.status).toBe(404);
  });
});
