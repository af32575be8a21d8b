// The settings reads and the seeded organisations behind them.
import { SEEDED_ORGANISATIONS, TENANT_IDS } from '../../fakes/xero';
import { AU, UK, US, api, connect, json, newSandbox } from './helpers';

function read(path: string, tenant = UK) {
  const { sandbox } = newSandbox();
  const { accessToken } = connect(sandbox);
  return { sandbox, accessToken, response: api(sandbox, accessToken, tenant, 'GET', path) };
}

describe('the response envelope', () => {
  it('carries Id, Status OK, the app as ProviderName and DateTimeUTC in /Date()/ form', () => {
    const { response } = read('/Organisation');
    expect(json(response)).toMatchObject({
      Id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      Status: 'OK',
      ProviderName: 'SettleSheet',
      DateTimeUTC: `/Date(${Date.parse('2026-01-15T09:00:00Z')})/`,
    });
  });
});

describe('GET /Organisation', () => {
  it.each([
    [UK, 'GBP', 'GB', 'UK'],
    [US, 'USD', 'US', 'US'],
    [AU, 'AUD', 'AU', 'AU'],
  ])('describes %s with its base currency, country and version', (tenant, currency, country, version) => {
    const [organisation] = json(read('/Organisation', tenant).response).Organisations;
    expect(organisation).toMatchObject({ OrganisationID: tenant, BaseCurrency: currency, CountryCode: country, Version: version, OrganisationStatus: 'ACTIVE' });
  });
});

describe('GET /Accounts', () => {
  it('lists the standard codes and the Amazon accounts with their class, and 409 as ARCHIVED', () => {
    const accounts = json(read('/Accounts').response).Accounts as any[];
    const byCode = new Map(accounts.map((a) => [a.Code, a]));
    for (const code of ['090', '200', '260', '310', '400', '404', '429', '610', '800', '820', '201', '202', '203', '205', '405', '406', '407', '408', '1210', '1220', '2010', '2150', '2300']) {
      expect(byCode.get(code)?.Status).toBe('ACTIVE');
    }
    expect(byCode.get('409')).toMatchObject({ Name: 'Old Amazon Fees', Status: 'ARCHIVED' });
    expect(byCode.get('1210')).toMatchObject({ Name: 'Amazon Reserved Balances', Type: 'CURRENT', Class: 'ASSET' });
    expect(byCode.get('2150')).toMatchObject({ Type: 'CURRLIAB', Class: 'LIABILITY' });
    expect(byCode.get('2300')).toMatchObject({ Name: 'Amazon Lending Loan', Type: 'TERMLIAB', Class: 'LIABILITY' });
    expect(byCode.get('201')).toMatchObject({ Type: 'REVENUE', Class: 'REVENUE', TaxType: 'OUTPUT2' });
    expect(byCode.get('406')).toMatchObject({ Class: 'EXPENSE', TaxType: 'INPUT2' });
    expect(byCode.get('090')).toMatchObject({ Type: 'BANK', BankAccountType: 'BANK', CurrencyCode: 'GBP' });
  });

  it('filters with where, e.g. Status=="ACTIVE" AND Class=="EXPENSE"', () => {
    const accounts = json(read(`/Accounts?where=${encodeURIComponent('Status=="ACTIVE" AND Class=="EXPENSE"')}`).response).Accounts as any[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((a) => a.Status === 'ACTIVE' && a.Class === 'EXPENSE')).toBe(true);
    expect(accounts.map((a) => a.Code)).not.toContain('409');
  });

  it('refuses a where clause it cannot read, rather than ignoring it', () => {
    const { response } = read(`/Accounts?where=${encodeURIComponent('Name.StartsWith("Amazon")')}`);
    expect(response.status).toBe(400);
    expect(json(response)).toMatchObject({ Type: 'QueryParseException' });
  });

  it('reflects a test archiving an account in the live organisation', () => {
    const { sandbox, accessToken } = read('/Accounts');
    sandbox.organisation(UK).accounts.find((a) => a.Code === '201')!.Status = 'ARCHIVED';
    const accounts = json(api(sandbox, accessToken, UK, 'GET', '/Accounts')).Accounts as any[];
    expect(accounts.find((a) => a.Code === '201').Status).toBe('ARCHIVED');
  });
});

describe('GET /TaxRates', () => {
  it('gives the UK rates with 4-decimal rates on the wire and which sides they apply to', () => {
    const { response } = read('/TaxRates');
    expect(response.body).toContain('"EffectiveRate":20.0000');
    const rates = new Map((json(response).TaxRates as any[]).map((r) => [r.TaxType, r]));
    expect([...rates.keys()].sort()).toEqual(['EXEMPTINPUT', 'EXEMPTOUTPUT', 'INPUT2', 'NONE', 'OUTPUT2', 'REVERSECHARGES', 'TAX001', 'ZERORATEDINPUT', 'ZERORATEDOUTPUT']);
    expect(rates.get('OUTPUT2')).toMatchObject({ EffectiveRate: 20, CanApplyToRevenue: true, CanApplyToExpenses: false, Status: 'ACTIVE' });
    expect(rates.get('INPUT2')).toMatchObject({ CanApplyToRevenue: false, CanApplyToExpenses: true });
    expect(rates.get('TAX001')!.Status).toBe('DELETED');
  });

  it('gives the US and AU organisations their own codes', () => {
    const us = (json(read('/TaxRates', US).response).TaxRates as any[]).map((r) => r.TaxType);
    expect(us).toEqual(expect.arrayContaining(['NONE', 'TAX001', 'TAX002']));
    const au = (json(read('/TaxRates', AU).response).TaxRates as any[]).map((r) => r.TaxType);
    expect(au).toEqual(expect.arrayContaining(['OUTPUT', 'INPUT', 'BASEXCLUDED', 'EXEMPTOUTPUT', 'INPUTTAXED']));
  });
});

describe('GET /Currencies', () => {
  it('lists the enabled currencies, base included', () => {
    expect(json(read('/Currencies', US).response).Currencies.map((c: any) => c.Code)).toEqual(['USD', 'CAD', 'EUR']);
    expect(json(read('/Currencies', UK).response).Currencies.map((c: any) => c.Code)).toEqual(['GBP']);
  });
});

describe('the exported seed', () => {
  it('lists the same three tenants the sandbox serves', () => {
    expect(SEEDED_ORGANISATIONS.map((o) => o.tenantId)).toEqual([TENANT_IDS.uk, TENANT_IDS.us, TENANT_IDS.au]);
    const { sandbox } = newSandbox();
    expect(sandbox.organisations().map((o) => o.tenantId)).toEqual([UK, US, AU]);
  });

  it('is copied into each sandbox, so one test changing it leaves the next untouched', () => {
    const first = newSandbox().sandbox;
    first.organisation(US).currencies.pop();
    expect(newSandbox().sandbox.organisation(US).currencies).toHaveLength(3);
    expect(SEEDED_ORGANISATIONS[1]!.currencies).toHaveLength(3);
  });
});
