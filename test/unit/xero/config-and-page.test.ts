import fc from 'fast-check';
import { callbackPage } from '../../../src/xero/callback-page';
import { DEFAULT_SCOPES, readXeroApp, SCRIPT_PROPERTY } from '../../../src/xero/config';
import { formEncode, utf8Length, withQuery } from '../../../src/xero/wire';
import { memoryStore } from '../../support/xero-memory-ports';

const REDIRECT = 'https://script.google.com/macros/d/abc/usercallback';

describe('the Xero app’s credentials', () => {
  it('are "not configured" until both are set, naming what is missing', () => {
    const script = memoryStore({ [SCRIPT_PROPERTY.clientId]: 'ID' });
    const reading = readXeroApp(script, REDIRECT);
    expect(reading).toMatchObject({ ok: false, failure: { kind: 'not-configured' } });
    expect(!reading.ok && reading.failure.message).toContain('the script property XERO_CLIENT_SECRET is missing');
  });

  it('use the default scopes unless XERO_SCOPES replaces them', () => {
    const script = memoryStore({ XERO_CLIENT_ID: 'ID', XERO_CLIENT_SECRET: 'S' });
    expect(readXeroApp(script, REDIRECT)).toEqual({ ok: true, app: { clientId: 'ID', clientSecret: 'S', redirectUri: REDIRECT, scopes: [...DEFAULT_SCOPES], pkce: true } });
    script.set('XERO_SCOPES', ' openid  offline_access accounting.transactions ');
    const reading = readXeroApp(script, REDIRECT);
    expect(reading.ok && reading.app.scopes).toEqual(['openid', 'offline_access', 'accounting.transactions']);
  });

  it('sign in with PKCE unless XERO_PKCE turns it off', () => {
    const script = memoryStore({ XERO_CLIENT_ID: 'ID', XERO_CLIENT_SECRET: 'S' });
    for (const [value, pkce] of [['off', false], [' OFF ', false], ['false', false], ['no', false], ['on', true], ['', true]] as const) {
      script.set(SCRIPT_PROPERTY.pkce, value);
      const reading = readXeroApp(script, REDIRECT);
      expect(reading.ok && reading.app.pkce).toBe(pkce);
    }
  });
});

describe('the callback page', () => {
  it('escapes organisation names and Xero’s words', () => {
    const html = callbackPage({ ok: true, title: 'Connected to <script>alert(1)</script>', message: 'Posting to "A & B" \'Ltd\'' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('Connected to &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Posting to &quot;A &amp; B&quot; &#39;Ltd&#39;');
  });
});

describe('wire helpers Apps Script lacks', () => {
  it('encode forms and queries as URLSearchParams reads them back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (fields) => {
        expect(Object.fromEntries(new URLSearchParams(formEncode(fields)))).toEqual(fields);
      }),
    );
    expect(withQuery('https://x/a', { b: '1 2', c: undefined })).toBe('https://x/a?b=1%202');
    expect(withQuery('https://x/a?z=0', { b: '1' })).toBe('https://x/a?z=0&b=1');
  });

  it('count UTF-8 bytes as Node does', () => {
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))));
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit }), (text) => expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))));
  });
});
