import { createXeroClient } from '../../../src/xero/client';
import { failure, success, type XeroResult } from '../../../src/xero/errors';
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import type { TokenSource } from '../../../src/xero/tokens';
import { testClock } from '../../support/xero-memory-ports';

const TENANT = 'c4e1a9d3-7b62-4f15-8e2a-9d3b5f7c1e02';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A client over scripted answers, with a token source that hands out `t1`, then `t2` on renewal. */
function clientWith(answers: HttpResponse[], renewal: XeroResult<string> = success('t2')) {
  const seen: HttpRequest[] = [];
  let renewals = 0;
  const tokens: TokenSource = {
    current: () => success('t1'),
    renew: () => {
      renewals++;
      return renewal;
    },
  };
  const clock = testClock();
  const client = createXeroClient({
    http: (r) => {
      seen.push(r);
      const next = answers.shift();
      if (!next) throw new Error(`unexpected ${r.method} ${r.url}`);
      return next;
    },
    tokens,
    budget: { clock, deadline: clock.now() + 300_000 },
    tenantId: TENANT,
    organisationName: 'Harbor Lane Goods Inc',
  });
  return { client, seen, renewals: () => renewals };
}

const invoice = {
  Type: 'ACCREC' as const, Contact: { Name: 'Amazon.com' }, Date: '2025-08-14', DueDate: '2025-08-16', LineAmountTypes: 'Inclusive' as const,
  InvoiceNumber: 'AMZ-1', CurrencyCode: 'USD', Status: 'DRAFT' as const,
  LineItems: [{ Description: 'Sales', Quantity: 1 as const, UnitAmount: 10, LineAmount: 10, AccountCode: '201', TaxType: 'NONE' }],
};

describe('the Xero client', () => {
  it('sends the bearer token, the tenant and Accept on every accounting call, and lists with literal commas', () => {
    const { client, seen } = clientWith([json(200, { Invoices: [] })]);
    expect(client.invoicesByNumber(['AMZ-1', 'AMZ-1-R2'])).toEqual({ ok: true, value: [] });
    expect(seen[0]).toEqual({
      method: 'GET',
      url: 'https://api.xero.com/api.xro/2.0/Invoices?InvoiceNumbers=AMZ-1,AMZ-1-R2',
      headers: { authorization: 'Bearer t1', accept: 'application/json', 'xero-tenant-id': TENANT },
    });
  });

  it('lists connections without a tenant, keeping organisations only', () => {
    const { client, seen } = clientWith([
      json(200, [
        { id: 'c1', tenantId: 't-org', tenantType: 'ORGANISATION', tenantName: 'Org' },
        { id: 'c2', tenantId: 't-pm', tenantType: 'PRACTICEMANAGER', tenantName: 'Practice' },
      ]),
    ]);
    expect(client.connections()).toEqual({ ok: true, value: [{ connectionId: 'c1', tenantId: 't-org', name: 'Org' }] });
    expect(seen[0]!.headers['xero-tenant-id']).toBeUndefined();
  });

  it('on a 401 renews the token once and sends the call again with the new one', () => {
    const { client, seen, renewals } = clientWith([json(401, { Detail: 'TokenExpired' }), json(200, { Currencies: [{ Code: 'USD' }] })]);
    expect(client.currencies()).toEqual({ ok: true, value: ['USD'] });
    expect(renewals()).toBe(1);
    expect(seen.map((r) => r.headers['authorization'])).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('a second 401 after renewing asks to reconnect', () => {
    const { client, renewals } = clientWith([json(401, {}), json(401, {})]);
    expect(client.currencies()).toMatchObject({ ok: false, failure: { kind: 'reconnect' } });
    expect(renewals()).toBe(1);
  });

  it('a failed renewal is the answer (e.g. reconnect after invalid_grant)', () => {
    const { client } = clientWith([json(401, {})], failure({ kind: 'reconnect', message: 'Connect again' }));
    expect(client.currencies()).toEqual({ ok: false, failure: { kind: 'reconnect', message: 'Connect again' } });
  });

  it('a missing scope is "forbidden": renewing cannot add a scope', () => {
    const { client, renewals } = clientWith([json(401, { Detail: 'AuthorizationUnsuccessful' }, { 'www-authenticate': 'Bearer error="insufficient_scope"' })]);
    const result = client.accounts();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'forbidden' } });
    expect(!result.ok && result.failure.message).toContain('a permission is missing');
    expect(renewals()).toBe(0);
  });

  it('reads the organisation with its ShortCode and lock dates (/Date(ms+0000)/, shown only when set)', () => {
    const org = { Name: 'Harbor Lane Goods Inc', BaseCurrency: 'USD', ShortCode: '!hL2mw', PeriodLockDate: '/Date(1743379200000+0000)/', EndOfYearLockDate: '/Date(1735603200000+0000)/' };
    const { client } = clientWith([json(200, { Organisations: [org] }), json(200, { Organisations: [{ Name: 'New Co', BaseCurrency: 'GBP' }] })]);
    expect(client.organisation()).toEqual({
      ok: true,
      value: { name: 'Harbor Lane Goods Inc', baseCurrency: 'USD', shortCode: '!hL2mw', periodLockDate: '2025-03-31', endOfYearLockDate: '2024-12-31' },
    });
    expect(client.organisation()).toEqual({ ok: true, value: { name: 'New Co', baseCurrency: 'GBP' } });
  });

  it("reads a document's date, payments and credit notes", () => {
    const doc = { InvoiceID: 'i1', InvoiceNumber: 'AMZ-1', Type: 'ACCREC', Status: 'PAID', Total: 120, AmountPaid: 100, AmountCredited: 20, CurrencyCode: 'USD', Date: '/Date(1754956800000+0000)/' };
    const { client } = clientWith([json(200, { Invoices: [doc] })]);
    expect(client.invoicesById(['i1'])).toEqual({
      ok: true,
      value: [{ invoiceId: 'i1', invoiceNumber: 'AMZ-1', type: 'ACCREC', status: 'PAID', total: 120, amountPaid: 100, amountCredited: 20, currency: 'USD', date: '2025-08-12' }],
    });
  });

  it('a 5xx answer to a keyed write comes back at once as unavailable and answered; a read is retried', () => {
    const { client, seen } = clientWith([json(500, {}), json(503, {}), json(200, { Currencies: [{ Code: 'USD' }] })]);
    expect(client.createInvoices([invoice], 'key')).toMatchObject({ ok: false, failure: { kind: 'unavailable', answered: true } });
    expect(seen).toHaveLength(1);
    expect(client.currencies()).toEqual({ ok: true, value: ['USD'] });
    expect(seen).toHaveLength(3);
  });

  it('a 403 names the organisation the login no longer reaches', () => {
    const { client } = clientWith([json(403, { Detail: 'AuthenticationUnsuccessful' })]);
    const result = client.organisation();
    expect(!result.ok && result.failure.message).toContain('not connected to organisation Harbor Lane Goods Inc any more');
  });

  it('a 400 ValidationException keeps each message with its document and line', () => {
    const body = {
      ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred',
      Elements: [{ InvoiceNumber: 'AMZ-1', ValidationErrors: [{ Message: 'Invoice # must be unique.' }], LineItems: [{ ValidationErrors: [] }, { ValidationErrors: [{ Message: 'Bad tax' }] }] }],
    };
    const { client } = clientWith([json(400, body)]);
    expect(client.createInvoices([invoice], 'key')).toEqual({
      ok: false,
      failure: {
        kind: 'validation',
        message: 'Xero refused creating AMZ-1: Invoice # must be unique. Bad tax',
        problems: [{ invoiceNumber: 'AMZ-1', message: 'Invoice # must be unique.' }, { invoiceNumber: 'AMZ-1', line: 2, message: 'Bad tax' }],
      },
    });
  });

  it('creates with summarizeErrors=false and the Idempotency-Key, and reads each document’s own outcome', () => {
    const { client, seen } = clientWith([
      json(200, {
        Invoices: [
          { InvoiceID: 'id-1', InvoiceNumber: 'AMZ-1', Type: 'ACCREC', Status: 'DRAFT', Total: 10, CurrencyCode: 'USD', StatusAttributeString: 'OK' },
          { InvoiceID: '00000000-0000-0000-0000-000000000000', InvoiceNumber: 'AMZ-2', Type: 'ACCREC', Status: 'DRAFT', HasErrors: true, StatusAttributeString: 'ERROR', ValidationErrors: [{ Message: "Account code '999' is not a valid code for this document." }] },
        ],
      }),
    ]);
    const result = client.createInvoices([invoice, { ...invoice, InvoiceNumber: 'AMZ-2' }], 'settlesheet-key');
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      url: 'https://api.xero.com/api.xro/2.0/Invoices?summarizeErrors=false',
      headers: { 'idempotency-key': 'settlesheet-key', 'content-type': 'application/json' },
    });
    expect(JSON.parse(seen[0]!.body!).Invoices).toHaveLength(2);
    expect(result).toEqual({
      ok: true,
      value: [
        { ok: true, document: { invoiceId: 'id-1', invoiceNumber: 'AMZ-1', type: 'ACCREC', status: 'DRAFT', total: 10, amountPaid: 0, amountCredited: 0, currency: 'USD' } },
        { ok: false, invoiceNumber: 'AMZ-2', problems: [{ invoiceNumber: 'AMZ-2', message: "Account code '999' is not a valid code for this document." }] },
      ],
    });
  });

  it('voids with POST /Invoices/{id} carrying only the id and status', () => {
    const { client, seen } = clientWith([json(200, { Invoices: [{ InvoiceID: 'id-1', InvoiceNumber: 'AMZ-1', Type: 'ACCREC', Status: 'VOIDED', Total: 10, CurrencyCode: 'USD' }] })]);
    expect(client.setStatus('id-1', 'VOIDED', 'k')).toMatchObject({ ok: true, value: { status: 'VOIDED' } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: 'https://api.xero.com/api.xro/2.0/Invoices/id-1', body: '{"Invoices":[{"InvoiceID":"id-1","Status":"VOIDED"}]}' });
  });

  it('trims accounts to what checks need, marking bank and system ledgers as not postable', () => {
    const { client } = clientWith([
      json(200, {
        Accounts: [
          { Code: '200', Name: 'Sales', Type: 'REVENUE', Class: 'REVENUE', Status: 'ACTIVE', TaxType: 'OUTPUT2' },
          { Code: '090', Name: 'Bank', Type: 'BANK', Class: 'ASSET', Status: 'ACTIVE' },
          { Code: '610', Name: 'Accounts Receivable', Type: 'CURRENT', Class: 'ASSET', Status: 'ACTIVE', SystemAccount: 'DEBTORS' },
          { Name: 'No code', Type: 'BANK', Status: 'ACTIVE' },
        ],
      }),
    ]);
    const result = client.accounts();
    expect(result.ok && result.value.map((a) => [a.code, a.postable])).toEqual([['200', true], ['090', false], ['610', false]]);
  });

  it('reads which account classes a tax rate applies to', () => {
    const { client } = clientWith([json(200, { TaxRates: [{ TaxType: 'INPUT2', Name: '20% (VAT on Expenses)', Status: 'ACTIVE', EffectiveRate: 20, CanApplyToExpenses: true, CanApplyToAssets: true, CanApplyToRevenue: false }] })]);
    expect(client.taxRates()).toEqual({ ok: true, value: [{ taxType: 'INPUT2', name: '20% (VAT on Expenses)', status: 'ACTIVE', rate: '20', appliesTo: ['ASSET', 'EXPENSE'] }] });
  });

  it('an answer it cannot read is an unexpected failure that repeats no body', () => {
    const { client } = clientWith([{ status: 200, headers: {}, body: '<html>secret-ish</html>' }]);
    const result = client.currencies();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unexpected' } });
    expect(JSON.stringify(result)).not.toContain('secret-ish');
  });
});
