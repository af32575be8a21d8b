// The sandbox's TrackingCategories (issue 13 §1) and Attachments (§3): GET with options and
// archived ones, tracking on lines checked as Xero checks it, two active categories at most;
// uploads, the list, the size and count limits, same-name uploads, scopes and idempotent replays.
import { API, UK, US, api, connect, json, messagesOf, newSandbox, putInvoices } from './helpers';

const SCOPES = 'openid offline_access accounting.settings.read accounting.invoices accounting.contacts accounting.attachments';

function usInvoice(tracking: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'ACCREC', Contact: { Name: 'Amazon.com' }, Date: '2026-01-10', DueDate: '2026-01-12', LineAmountTypes: 'Inclusive', Status: 'DRAFT',
    LineItems: [{ Description: 'Amazon sales', Quantity: 1, UnitAmount: 100, AccountCode: '201', TaxType: 'NONE', Tracking: tracking }],
    ...overrides,
  };
}

describe('GET /TrackingCategories', () => {
  it('lists the active categories with their active options; includeArchived adds the archived ones', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: SCOPES });
    const active = json(api(sandbox, accessToken, US, 'GET', '/TrackingCategories')).TrackingCategories;
    expect(active.map((c: any) => `${c.Name} ${c.Status}: ${c.Options.map((o: any) => o.Name).join(', ')}`)).toEqual([
      'Marketplace ACTIVE: Amazon.com, Amazon.ca, Amazon.com.mx, Non-Amazon US',
      'Fulfilment ACTIVE: FBA, Merchant Fulfilled, Multi-channel',
    ]);
    expect(active[0].TrackingCategoryID).toMatch(/^[0-9a-f-]{36}$/);
    const all = json(api(sandbox, accessToken, US, 'GET', '/TrackingCategories?includeArchived=true')).TrackingCategories;
    expect(all.map((c: any) => `${c.Name} ${c.Status}`)).toEqual(['Marketplace ACTIVE', 'Fulfilment ACTIVE', 'Region ARCHIVED']);
    expect(all[0].Options.find((o: any) => o.Name === 'Amazon.de').Status).toBe('ARCHIVED');
    const filtered = json(api(sandbox, accessToken, US, 'GET', `/TrackingCategories?where=${encodeURIComponent('Name=="Fulfilment"')}`)).TrackingCategories;
    expect(filtered.map((c: any) => c.Name)).toEqual(['Fulfilment']);
  });

  it('refuses a third active category, as Xero does', () => {
    const { sandbox } = newSandbox();
    expect(() => sandbox.addTrackingCategory(US, 'Channel', ['Retail'])).toThrow('Xero allows 2 active tracking categories');
    sandbox.addTrackingCategory(UK, 'Fulfilment', ['FBA']);
    expect(() => sandbox.addTrackingCategory(UK, 'Region', ['North'])).toThrow('Archive one first');
  });
});

describe('tracking on invoice lines', () => {
  it('takes names (any case) or ids, and stores Xero’s names and ids', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: SCOPES });
    const categories = json(api(sandbox, accessToken, US, 'GET', '/TrackingCategories')).TrackingCategories;
    const fba = categories[1].Options[0];
    const response = putInvoices(sandbox, accessToken, US, [usInvoice([{ Name: 'marketplace', Option: 'amazon.CA' }, { TrackingCategoryID: categories[1].TrackingCategoryID, TrackingOptionID: fba.TrackingOptionID }])]);
    expect(messagesOf(response)).toEqual([]);
    expect(json(response).Invoices[0].LineItems[0].Tracking).toEqual([
      { Name: 'Marketplace', Option: 'Amazon.ca', TrackingCategoryID: categories[0].TrackingCategoryID, TrackingOptionID: categories[0].Options[1].TrackingOptionID },
      { Name: 'Fulfilment', Option: 'FBA', TrackingCategoryID: categories[1].TrackingCategoryID, TrackingOptionID: fba.TrackingOptionID },
    ]);
    expect(sandbox.documents(US)[0]!.lines[0]!.tracking).toEqual([{ Name: 'Marketplace', Option: 'Amazon.ca' }, { Name: 'Fulfilment', Option: 'FBA' }]);
  });

  it.each([
    [[{ Name: 'Marketplace', Option: 'Amazon.fr' }], "The TrackingOption 'Amazon.fr' does not exist or has been archived in TrackingCategory 'Marketplace'."],
    [[{ Name: 'Marketplace', Option: 'Amazon.de' }], "The TrackingOption 'Amazon.de' does not exist or has been archived in TrackingCategory 'Marketplace'."],
    [[{ Name: 'Region', Option: 'East' }], "The TrackingCategory 'Region' does not exist or has been archived."],
    [[{ Name: 'Channel', Option: 'FBA' }], "The TrackingCategory 'Channel' does not exist or has been archived."],
    [[{ Name: 'Marketplace', Option: 'Amazon.com' }, { Name: 'Marketplace', Option: 'Amazon.ca' }], "The TrackingCategory 'Marketplace' is given more than once on a line item."],
    [[{ Name: 'Marketplace', Option: 'Amazon.com' }, { Name: 'Fulfilment', Option: 'FBA' }, { Name: 'Region', Option: 'East' }], 'A line item can have at most 2 tracking categories.'],
  ])('refuses %j', (tracking, message) => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: SCOPES });
    const response = putInvoices(sandbox, accessToken, US, [usInvoice(tracking)]);
    expect(messagesOf(response)).toEqual([message]);
    expect(sandbox.documents(US)).toEqual([]);
  });

  it('refuses an option archived after the first post when a draft is approved', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: SCOPES });
    const id = json(putInvoices(sandbox, accessToken, US, [usInvoice([{ Name: 'Marketplace', Option: 'Amazon.ca' }])])).Invoices[0].InvoiceID;
    sandbox.organisation(US).trackingCategories[0]!.Options[1]!.Status = 'ARCHIVED';
    const approve = api(sandbox, accessToken, US, 'POST', `/Invoices/${id}`, { Invoices: [{ InvoiceID: id, Status: 'AUTHORISED' }] });
    expect(approve.status).toBe(400);
    expect(approve.body).toContain("The TrackingOption 'Amazon.ca' does not exist or has been archived");
  });
});

describe('attachments', () => {
  function setup(scope = SCOPES) {
    const { sandbox, clock } = newSandbox();
    const { accessToken } = connect(sandbox, { scope });
    const id: string = json(putInvoices(sandbox, accessToken, US, [usInvoice(undefined, { InvoiceNumber: 'AMZ-1' })])).Invoices[0].InvoiceID;
    const upload = (name: string, body: string, method: 'PUT' | 'POST' = 'PUT', headers: Record<string, string> = {}) =>
      sandbox.handle({
        method, url: `${API}/Invoices/${id}/Attachments/${encodeURIComponent(name)}`,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', 'xero-tenant-id': US, 'content-type': 'text/csv', ...headers },
        body: Buffer.from(body).toString('base64'), bodyEncoding: 'base64',
      });
    const list = () => json(api(sandbox, accessToken, US, 'GET', `/Invoices/${id}/Attachments`)).Attachments;
    return { sandbox, clock, accessToken, id, upload, list };
  }

  it('uploads a file, lists it, and marks the document as having attachments', () => {
    const { sandbox, id, upload, list } = setup();
    const response = upload('AMZ-1-summary.csv', 'a,b\n1,2\n');
    expect(response.status).toBe(200);
    expect(json(response).Attachments[0]).toMatchObject({ FileName: 'AMZ-1-summary.csv', MimeType: 'text/csv', ContentLength: 8, Url: `${API}/Invoices/${id}/Attachments/AMZ-1-summary.csv` });
    expect(list().map((a: any) => [a.FileName, a.ContentLength])).toEqual([['AMZ-1-summary.csv', 8]]);
    expect(sandbox.attachments(US, 'AMZ-1')).toMatchObject([{ fileName: 'AMZ-1-summary.csv', text: 'a,b\n1,2\n', bytes: 8 }]);
  });

  it('adds a second file of the same name on a second PUT (the name is not unique); POST replaces it', () => {
    const { sandbox, upload, list } = setup();
    upload('AMZ-1-summary.csv', 'one');
    upload('AMZ-1-summary.csv', 'two');
    expect(list().map((a: any) => a.FileName)).toEqual(['AMZ-1-summary.csv', 'AMZ-1-summary.csv']);
    upload('AMZ-1-summary.csv', 'three', 'POST');
    expect(sandbox.attachments(US, 'AMZ-1').map((a) => a.text)).toEqual(['three', 'two']);
  });

  it('replays an upload sent again under its Idempotency-Key instead of adding it twice', () => {
    const { sandbox, upload } = setup();
    const first = upload('AMZ-1-summary.csv', 'a', 'PUT', { 'idempotency-key': 'attach-1' });
    const again = upload('AMZ-1-summary.csv', 'a', 'PUT', { 'idempotency-key': 'attach-1' });
    expect(again.body).toBe(first.body);
    expect(sandbox.attachments(US, 'AMZ-1')).toHaveLength(1);
  });

  it('refuses an empty file, a type Xero does not take, an eleventh file, a file over 10 MB, and a voided document', () => {
    const { sandbox, accessToken, id, upload } = setup();
    expect(upload('a.csv', '').status).toBe(400);
    expect(upload('a.exe', 'x').body).toContain('Files of this type (a.exe) cannot be attached.');
    for (let i = 1; i <= 10; i++) expect(upload(`f${i}.txt`, 'x').status).toBe(200);
    expect(upload('f11.txt', 'x').body).toContain('A document can have at most 10 attachments.');
    const big = sandbox.handle({
      method: 'PUT', url: `${API}/Invoices/${id}/Attachments/big.txt`,
      headers: { authorization: `Bearer ${accessToken}`, 'xero-tenant-id': US, 'content-type': 'text/plain' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 65).toString('base64'), bodyEncoding: 'base64',
    });
    expect(big.status).toBe(413);
    api(sandbox, accessToken, US, 'POST', `/Invoices/${id}`, { Invoices: [{ InvoiceID: id, Status: 'DELETED' }] });
    expect(upload('late.csv', 'x').body).toContain('is deleted: nothing can be attached to it');
  });

  it('needs accounting.attachments: without it the gateway answers 401 insufficient_scope', () => {
    const { upload, sandbox } = setup('openid offline_access accounting.settings.read accounting.invoices accounting.contacts');
    const response = upload('AMZ-1-summary.csv', 'a');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('insufficient_scope');
    expect(sandbox.attachments(US, 'AMZ-1')).toEqual([]);
  });

  it('counts uploads by endpoint, whatever the file name', () => {
    const { sandbox, upload } = setup();
    upload('a.csv', 'x');
    upload('b.csv', 'x');
    expect(sandbox.calls()['PUT api.xero.com/api.xro/2.0/invoices/{id}/attachments/{file}']).toBe(2);
  });
});
