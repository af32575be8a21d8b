// Who may call what: connections, the xero-tenant-id header, and the scope each endpoint needs.
import { seedOrganisations } from '../../fakes/xero';
import { AU, OLD_APP, UK, US, api, authorizeUrl, connect, json, newSandbox, pkcePair, putInvoices, ukInvoice } from './helpers';

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

  it('reading invoices takes any invoices or transactions scope, read-only ones included (an app created before 2 March 2026)', () => {
    const { sandbox } = newSandbox({ apps: [OLD_APP] });
    for (const scope of ['accounting.invoices.read', 'accounting.transactions.read', 'accounting.invoices', 'accounting.transactions']) {
      expect(api(sandbox, connect(sandbox, { scope }).accessToken, UK, 'GET', '/Invoices').status).toBe(200);
    }
    insufficient(api(sandbox, connect(sandbox, { scope: 'accounting.settings.read' }).accessToken, UK, 'GET', '/Invoices'));
  });

  it('creating invoices needs accounting.invoices or (for an older app) the broad accounting.transactions, not a .read scope', () => {
    const { sandbox } = newSandbox({ apps: [OLD_APP] });
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

describe('what an app may ask for', () => {
  it('an app created on or after 2 March 2026 gets only granular scopes: the broad ones are refused at sign-in', () => {
    const { sandbox } = newSandbox();
    for (const scope of ['openid offline_access accounting.transactions', 'accounting.settings.read accounting.transactions.read', 'accounting.reports.read']) {
      expect(() => sandbox.consent(authorizeUrl({ scope }))).toThrow(/invalid_scope: 'accounting\.(transactions|transactions\.read|reports\.read)' is not available to apps created on or after 2 March 2026/);
    }
    expect(() => sandbox.consent(authorizeUrl({ scope: 'openid offline_access accounting.invoices accounting.reports.aged.read' }))).not.toThrow();
    expect(() => newSandbox({ apps: [OLD_APP] }).sandbox.consent(authorizeUrl({ scope: 'accounting.transactions' }))).not.toThrow();
  });

  it('an app that does not take PKCE with its secret refuses a code_challenge; without one it signs in', () => {
    const { sandbox } = newSandbox({ apps: [{ ...OLD_APP, pkceWithSecret: 'refused' }] });
    expect(() => sandbox.consent(authorizeUrl({ challenge: pkcePair().challenge }))).toThrow(/invalid_request: SettleSheet is not registered for PKCE/);
    expect(() => sandbox.consent(authorizeUrl())).not.toThrow();
    // The default app takes it, as a Web app did in the one report found.
    expect(() => newSandbox().sandbox.consent(authorizeUrl({ challenge: pkcePair().challenge }))).not.toThrow();
  });

  it('a Starter app connects at most 5 organisations (reconnecting one is free); a Core app more', () => {
    const organisations = [...seedOrganisations(), ...seedOrganisations(), ...seedOrganisations()].slice(0, 6).map((seed, i) => ({
      ...seed, tenantId: `0000000${i}-0000-4000-8000-00000000000${i}`, profile: { ...seed.profile, Name: `Org ${i}` },
    }));
    const ids = organisations.map((o) => o.tenantId);
    const { sandbox } = newSandbox({ organisations });
    sandbox.consent(authorizeUrl(), { tenants: ids.slice(0, 5) });
    expect(() => sandbox.consent(authorizeUrl(), { tenants: [ids[5]!] })).toThrow('SettleSheet has reached the 5 organisations its starter tier allows.');
    expect(() => sandbox.consent(authorizeUrl(), { tenants: [ids[0]!, ids[4]!] })).not.toThrow();
    const core = newSandbox({ organisations, apps: [{ ...OLD_APP, tier: 'core' }] }).sandbox;
    expect(() => core.consent(authorizeUrl(), { tenants: ids })).not.toThrow();
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
