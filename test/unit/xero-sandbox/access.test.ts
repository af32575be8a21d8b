// Who may call what: connections, the xero-tenant-id header, and the scope each endpoint needs.
import { AU, UK, US, api, connect, json, newSandbox, putInvoices, ukInvoice } from './helpers';

function connections(sandbox: ReturnType<typeof newSandbox>['sandbox'], token: string, query = '') {
  return sandbox.handle({ method: 'GET', url: `https://api.xero.com/connections${query}`, headers: { authorization: `Bearer ${token}` } });
}

describe('connections', () => {
  it('list the organisations connected, in the identity spec shape', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { tenants: [UK, AU] });
    const response = connections(sandbox, accessToken);
    expect(response.status).toBe(200);
    const list = json(response);
    expect(list.map((c: any) => c.tenantId).sort()).toEqual([UK, AU].sort());
    expect(list[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      authEventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tenantId: UK,
      tenantType: 'ORGANISATION',
      tenantName: 'Bramble & Finch Trading Ltd',
      createdDateUtc: '2026-01-15T09:00:00.0000000',
      updatedDateUtc: '2026-01-15T09:00:00.0000000',
    });
  });

  it('filter by authEventId, which a later consent gives the organisations it (re)connects', () => {
    const { sandbox } = newSandbox();
    connect(sandbox, { tenants: [UK] });
    const second = connect(sandbox, { tenants: [US] });
    const all = json(connections(sandbox, second.accessToken));
    expect(all).toHaveLength(2);
    const latest = all.find((c: any) => c.tenantId === US).authEventId;
    expect(json(connections(sandbox, second.accessToken, `?authEventId=${latest}`)).map((c: any) => c.tenantId)).toEqual([US]);
  });

  it('DELETE disconnects one organisation: 204, and the API then refuses that tenant with 403', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { tenants: [UK, US] });
    const uk = json(connections(sandbox, accessToken)).find((c: any) => c.tenantId === UK);
    const deleted = sandbox.handle({ method: 'DELETE', url: `https://api.xero.com/connections/${uk.id}`, headers: { authorization: `Bearer ${accessToken}` } });
    expect(deleted.status).toBe(204);
    expect(api(sandbox, accessToken, UK, 'GET', '/Organisation').status).toBe(403);
    expect(api(sandbox, accessToken, US, 'GET', '/Organisation').status).toBe(200);
    const again = sandbox.handle({ method: 'DELETE', url: `https://api.xero.com/connections/${uk.id}`, headers: { authorization: `Bearer ${accessToken}` } });
    expect(again.status).toBe(404);
  });

  it('need a valid bearer token', () => {
    const { sandbox } = newSandbox();
    expect(connections(sandbox, 'nope').status).toBe(401);
  });
});

describe('the xero-tenant-id header', () => {
  it('missing: 403 AuthenticationUnsuccessful in the gateway problem shape', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const response = api(sandbox, accessToken, undefined, 'GET', '/Organisation');
    expect(response.status).toBe(403);
    expect(json(response)).toEqual({
      Type: null, Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful', Instance: expect.any(String), Extensions: {},
    });
  });

  it('naming an organisation this connection does not include: 403; one it includes: 200', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { tenants: [US] });
    expect(api(sandbox, accessToken, UK, 'GET', '/Organisation').status).toBe(403);
    expect(api(sandbox, accessToken, '00000000-0000-4000-8000-000000000000', 'GET', '/Organisation').status).toBe(403);
    const ok = api(sandbox, accessToken, US, 'GET', '/Organisation');
    expect(ok.status).toBe(200);
    expect(json(ok).Organisations[0].OrganisationID).toBe(US);
  });
});

describe('scopes', () => {
  const insufficient = (response: { status: number; body: string; headers: Record<string, string> }) => {
    expect(response.status).toBe(401);
    expect(json(response).Detail).toBe('AuthorizationUnsuccessful');
    expect(response.headers['www-authenticate']).toContain('insufficient_scope');
  };

  it('settings reads need accounting.settings.read or accounting.settings', () => {
    const { sandbox } = newSandbox();
    insufficient(api(sandbox, connect(sandbox, { scope: 'accounting.invoices' }).accessToken, UK, 'GET', '/Accounts'));
    expect(api(sandbox, connect(sandbox, { scope: 'accounting.settings' }).accessToken, UK, 'GET', '/TaxRates').status).toBe(200);
    expect(api(sandbox, connect(sandbox, { scope: 'accounting.settings.read' }).accessToken, UK, 'GET', '/Currencies').status).toBe(200);
  });

  it('reading invoices takes any invoices or transactions scope, read-only ones included', () => {
    const { sandbox } = newSandbox();
    for (const scope of ['accounting.invoices.read', 'accounting.transactions.read', 'accounting.invoices', 'accounting.transactions']) {
      expect(api(sandbox, connect(sandbox, { scope }).accessToken, UK, 'GET', '/Invoices').status).toBe(200);
    }
    insufficient(api(sandbox, connect(sandbox, { scope: 'accounting.settings.read' }).accessToken, UK, 'GET', '/Invoices'));
  });

  it('creating invoices needs accounting.invoices or the broad accounting.transactions, not a .read scope', () => {
    const { sandbox } = newSandbox();
    const invoice = ukInvoice({ Contact: { Name: 'Existing' } });
    // Make the contact exist so only the invoices scope is at stake.
    putInvoices(sandbox, connect(sandbox, { scope: 'accounting.invoices accounting.contacts' }).accessToken, UK, [invoice]);
    insufficient(putInvoices(sandbox, connect(sandbox, { scope: 'accounting.invoices.read' }).accessToken, UK, [invoice]));
    expect(putInvoices(sandbox, connect(sandbox, { scope: 'accounting.transactions' }).accessToken, UK, [invoice]).status).toBe(200);
    expect(putInvoices(sandbox, connect(sandbox, { scope: 'accounting.invoices' }).accessToken, UK, [invoice]).status).toBe(200);
  });

  it('creating a new contact by name needs accounting.contacts; finding an existing one does not', () => {
    const { sandbox } = newSandbox();
    const withoutContacts = connect(sandbox, { scope: 'accounting.invoices' }).accessToken;
    const refused = putInvoices(sandbox, withoutContacts, UK, [ukInvoice({ Contact: { Name: 'Amazon Payments UK' } })]);
    insufficient(refused);
    expect(sandbox.documents(UK)).toHaveLength(0);
    const withContacts = connect(sandbox, { scope: 'accounting.invoices accounting.contacts' }).accessToken;
    expect(putInvoices(sandbox, withContacts, UK, [ukInvoice({ Contact: { Name: 'Amazon Payments UK' } })]).status).toBe(200);
    expect(putInvoices(sandbox, withoutContacts, UK, [ukInvoice({ Contact: { Name: 'amazon payments uk' } })]).status).toBe(200);
    expect(sandbox.organisation(UK).contacts).toHaveLength(1);
  });
});

describe('routing', () => {
  it('answers 404 for endpoints the sandbox does not model, and throws NetworkError for unknown hosts', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    const missing = api(sandbox, accessToken, UK, 'GET', '/BankTransactions');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('not a Xero endpoint the sandbox models');
    expect(() => sandbox.handle({ method: 'GET', url: 'https://apii.xero.com/x', headers: {} })).toThrow(/ENOTFOUND/);
    expect(() => sandbox.handle({ method: 'GET', url: 'http://api.xero.com/connections', headers: {} })).toThrow(/https/);
  });
});
