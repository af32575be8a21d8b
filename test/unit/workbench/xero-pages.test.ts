import { createXeroSandbox, DEFAULT_APP, TENANT_IDS } from '../../fakes/xero';
import { localiseXeroUrls, localXeroUrl, serveXero } from '../../../src/workbench/xero-pages';
import { UK, api, connect, json, newSandbox, putInvoices, ukInvoice } from '../xero-sandbox/helpers';

const ORIGIN = 'http://127.0.0.1:8080';
const REDIRECT = 'https://script.google.com/macros/d/wb/usercallback';

describe('Xero pages in the workbench', () => {
  it('serves the sign-in and document addresses locally, and leaves every other string alone', () => {
    expect(localXeroUrl(ORIGIN, 'https://login.xero.com/identity/connect/authorize?a=1')).toBe(`${ORIGIN}/xero/login.xero.com/identity/connect/authorize?a=1`);
    const result = { ok: true, value: { url: 'https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=1', note: 'see https://login.xero.com/ later', api: 'https://api.xero.com/x' } };
    expect(localiseXeroUrls(result, ORIGIN)).toEqual({
      ok: true,
      value: { url: `${ORIGIN}/xero/go.xero.com/AccountsReceivable/View.aspx?InvoiceID=1`, note: 'see https://login.xero.com/ later', api: 'https://api.xero.com/x' },
    });
  });

  it("sends the consent page's redirect to the workbench's /usercallback, as Google would serve it", () => {
    const sandbox = createXeroSandbox({ apps: [{ ...DEFAULT_APP, redirectUris: [REDIRECT] }] });
    const query = new URLSearchParams({ response_type: 'code', client_id: DEFAULT_APP.clientId, redirect_uri: REDIRECT, scope: 'openid offline_access', state: 'st' }).toString();
    const page = serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, { method: 'GET', path: '/xero/login.xero.com/identity/connect/authorize', query, headers: {}, body: '' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Allow access');
    const form = new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), decision: 'allow', tenant: TENANT_IDS.us }).toString();
    const allowed = serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, { method: 'POST', path: '/xero/login.xero.com/identity/connect/authorize', query, headers: {}, body: form });
    expect(allowed.status).toBe(302);
    expect(allowed.headers['location']).toMatch(new RegExp(`^${ORIGIN}/usercallback\\?code=[^&]+&scope=.*&state=st`));
  });

  it('serves the overview at /xero/ and says when a document is not in the sandbox', () => {
    const sandbox = createXeroSandbox();
    const overview = serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, { method: 'GET', path: '/xero/', query: '', headers: {}, body: '' });
    expect(overview.body).toContain('Harbor Lane Goods Inc');
    const missing = serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, { method: 'GET', path: '/xero/go.xero.com/AccountsReceivable/View.aspx', query: 'InvoiceID=%3Cb%3E', headers: {}, body: '' });
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<b>');
  });

  it("opens a document through Xero's deep link, in the organisation its ShortCode names only", () => {
    const { sandbox } = newSandbox();
    const created = json(putInvoices(sandbox, connect(sandbox).accessToken, UK, [ukInvoice({ InvoiceNumber: 'AMZ-1' })])).Invoices[0];
    const open = (shortCode: string) =>
      serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, {
        method: 'GET', path: '/xero/go.xero.com/organisationlogin/default.aspx', headers: {}, body: '',
        query: `shortcode=${shortCode}&redirecturl=/AccountsReceivable/View.aspx?InvoiceID=${created.InvoiceID}`,
      });
    const page = open(sandbox.organisation(UK).profile.ShortCode);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sales invoice AMZ-1');
    expect(page.body).toContain('Bramble &amp; Finch Trading Ltd');
    expect(open(sandbox.organisation(TENANT_IDS.us).profile.ShortCode).status).toBe(404);
  });

  it('shows each line’s tracking and the files attached, readable in place and escaped', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: 'openid offline_access accounting.settings.read accounting.invoices accounting.contacts accounting.attachments' });
    const invoice = ukInvoice({ InvoiceNumber: 'AMZ-2', LineItems: [{ Description: 'Sales', UnitAmount: 120, AccountCode: '201', TaxType: 'OUTPUT2', Tracking: [{ Name: 'Marketplace', Option: 'Amazon.de' }] }] });
    const created = json(putInvoices(sandbox, accessToken, UK, [invoice])).Invoices[0];
    sandbox.handle({
      method: 'PUT', url: `https://api.xero.com/api.xro/2.0/Invoices/${created.InvoiceID}/Attachments/AMZ-2-summary.csv`,
      headers: { authorization: `Bearer ${accessToken}`, 'xero-tenant-id': UK, 'content-type': 'text/csv' }, body: 'Line,<b>',
    });
    const page = serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, {
      method: 'GET', path: '/xero/go.xero.com/AccountsReceivable/View.aspx', query: `InvoiceID=${created.InvoiceID}`, headers: {}, body: '',
    });
    expect(page.body).toContain('<td>Marketplace: Amazon.de</td>');
    expect(page.body).toContain('<summary>AMZ-2-summary.csv (8 bytes)</summary><pre>Line,&lt;b&gt;</pre>');
  });

  it('opens a cost of goods sold journal through its link, in its own organisation', () => {
    const { sandbox } = newSandbox();
    const token = connect(sandbox, { scope: 'openid offline_access accounting.settings.read accounting.manualjournals' }).accessToken;
    const lines = [{ Description: 'Cost of goods sold', LineAmount: 4.1, AccountCode: '310', TaxType: 'NONE' }, { Description: 'Inventory sold', LineAmount: -4.1, AccountCode: '630', TaxType: 'NONE' }];
    const created = json(api(sandbox, token, UK, 'PUT', '/ManualJournals', { ManualJournals: [{ Narration: 'AMZ-1-COGS <b>', Date: '2026-01-10', JournalLines: lines }] })).ManualJournals[0];
    const open = (shortCode: string) =>
      serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, {
        method: 'GET', path: '/xero/go.xero.com/organisationlogin/default.aspx', headers: {}, body: '',
        query: `shortcode=${shortCode}&redirecturl=/Journal/View.aspx?invoiceID=${created.ManualJournalID}`,
      });
    const page = open(sandbox.organisation(UK).profile.ShortCode);
    expect(page.status).toBe(200);
    expect(page.body).toContain('AMZ-1-COGS &lt;b&gt;');
    expect(page.body).toContain('<td class="n">-4.10</td>');
    expect(open(sandbox.organisation(TENANT_IDS.us).profile.ShortCode).status).toBe(404);
  });

  it('answers only the sandbox pages a browser needs', () => {
    const sandbox = createXeroSandbox();
    const api = serveXero(sandbox, { origin: ORIGIN, redirectUri: REDIRECT }, { method: 'GET', path: '/xero/api.xero.com/connections', query: '', headers: {}, body: '' });
    expect(api.status).toBe(404);
  });
});
