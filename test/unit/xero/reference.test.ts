import type { XeroAccount, XeroClient, XeroTaxRate } from '../../../src/xero/client';
import { success } from '../../../src/xero/errors';
import { accountChoices, checkDocuments, loadReference, REFERENCE_CACHE_SECONDS, type ReferenceData } from '../../../src/xero/reference';
import { memoryCache, testClock } from '../../support/xero-memory-ports';
import { HEADERS, POSITIVE, settlementOf } from '../../support/xero-apps-script';

const account = (code: string, name: string, cls: string, extra: Partial<XeroAccount> = {}): XeroAccount => ({ code, name, type: cls, class: cls, status: 'ACTIVE', postable: true, ...extra });
const rate = (taxType: string, name: string, appliesTo: string[], status = 'ACTIVE'): XeroTaxRate => ({ taxType, name, status, rate: '0', appliesTo });
const EVERY_CLASS = ['ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE'];

/** An organisation whose chart has every account the default mapping uses for POSITIVE. */
function reference(change: (r: ReferenceData) => void = () => undefined): ReferenceData {
  const r: ReferenceData = {
    tenantId: 'tenant', organisationName: 'Harbor Lane Goods Inc', baseCurrency: 'USD', currencies: ['USD'], fetchedAt: '2026-01-15T09:00:00.000Z',
    accounts: [
      account('201', 'Amazon Sales', 'REVENUE'), account('202', 'Amazon Refunds', 'REVENUE'), account('405', 'Amazon Seller Fees', 'EXPENSE'),
      account('406', 'Amazon FBA Fees', 'EXPENSE'), account('1210', 'Amazon Reserved Balances', 'ASSET'),
    ],
    taxRates: [rate('NONE', 'Tax Exempt', EVERY_CLASS)],
  };
  change(r);
  return r;
}

const positive = () => settlementOf(POSITIVE, HEADERS.positive);
const check = (r: ReferenceData, s = positive()) => checkDocuments(s.summary, s.documents, r);

describe('checkDocuments', () => {
  it('finds nothing wrong when every account, tax rate and the currency are usable', () => {
    expect(check(reference())).toEqual([]);
  });

  it('names a missing account code with the categories that use it', () => {
    expect(check(reference((r) => (r.accounts = r.accounts.filter((a) => a.code !== '406')))))
      .toEqual(['Account code 406 (used for FBA fees) does not exist in Harbor Lane Goods Inc. Choose another in the Accounts tab, or add the account in Xero.']);
  });

  it('names an archived account', () => {
    expect(check(reference((r) => (r.accounts[2]!.status = 'ARCHIVED'))))
      .toEqual(['Account 405 — Amazon Seller Fees (used for Seller fees) is ARCHIVED in Harbor Lane Goods Inc. Choose another in the Accounts tab, or restore the account in Xero.']);
  });

  it('refuses bank and system accounts on invoice lines', () => {
    expect(check(reference((r) => (r.accounts[0]!.postable = false)))[0]).toContain('is a bank or system account');
  });

  it('names a missing, a deleted and a misapplied tax rate', () => {
    expect(check(reference((r) => (r.taxRates = []))).every((p) => /^Tax rate NONE \(used for .+\) does not exist/.test(p))).toBe(true);
    expect(check(reference((r) => (r.taxRates[0]!.status = 'DELETED')))[0]).toContain('Tax rate NONE — Tax Exempt (used for Sales) is DELETED');
    const revenueOnly = check(reference((r) => (r.taxRates[0]!.appliesTo = ['REVENUE'])));
    expect(revenueOnly).toContain('Tax rate NONE — Tax Exempt cannot be used with account 405 — Amazon Seller Fees (an account of class EXPENSE) in Harbor Lane Goods Inc. Choose a tax rate meant for that kind of account in the Accounts tab.');
    expect(revenueOnly.some((p) => p.includes('201'))).toBe(false);
  });

  it('accepts the base currency or an enabled one, and refuses any other', () => {
    expect(check(reference((r) => ((r.baseCurrency = 'GBP'), (r.currencies = ['GBP', 'USD']))))).toEqual([]);
    expect(check(reference((r) => ((r.baseCurrency = 'GBP'), (r.currencies = ['GBP'])))))
      .toEqual(['The settlement is in USD, but Harbor Lane Goods Inc works in GBP and does not have USD enabled. Add USD in Xero (Settings › Currencies; it needs a plan with multi-currency), then post again.']);
  });

  it('refuses a balance-sheet category (reserves) mapped to an income or expense account', () => {
    const problems = check(reference((r) => (r.accounts[4]!.class = 'REVENUE')));
    expect(problems).toEqual([
      'Reserved balances is money held or moved, not income or expense, but it is mapped to 1210 — Amazon Reserved Balances (an account of class REVENUE). Map it to a balance-sheet account (an asset or a liability) in the Accounts tab.',
    ]);
  });

  it('says each problem once even when several parts use the account', () => {
    const split = settlementOf(
      [['Order', 'ItemFees', 'Commission', '2025-07-30', '-5.00'], ['Order', 'ItemPrice', 'Principal', '2025-07-30', '50.00'], ['Order', 'ItemFees', 'Commission', '2025-08-02', '-5.00']],
      HEADERS.monthSplit,
      { split: 'separate' },
    );
    expect(check(reference((r) => (r.accounts[2]!.status = 'ARCHIVED')), split)).toHaveLength(1);
  });
});

describe('reference data', () => {
  function stubClient(r: ReferenceData) {
    const calls: string[] = [];
    const client: Pick<XeroClient, 'organisation' | 'accounts' | 'taxRates' | 'currencies'> = {
      organisation: () => (calls.push('organisation'), success({ name: r.organisationName, baseCurrency: r.baseCurrency })),
      accounts: () => (calls.push('accounts'), success(r.accounts)),
      taxRates: () => (calls.push('taxRates'), success(r.taxRates)),
      currencies: () => (calls.push('currencies'), success(r.currencies)),
    };
    return { client: client as XeroClient, calls };
  }

  it('is read from the spreadsheet’s cache until it expires, and refresh bypasses it', () => {
    const clock = testClock();
    const cache = memoryCache(clock);
    const { client, calls } = stubClient(reference());
    const first = loadReference(client, 'tenant', cache, clock, { refresh: false });
    expect(first.ok && first.value.organisationName).toBe('Harbor Lane Goods Inc');
    expect(calls).toHaveLength(4);
    expect(loadReference(client, 'tenant', cache, clock, { refresh: false })).toEqual(first);
    expect(calls).toHaveLength(4);
    loadReference(client, 'tenant', cache, clock, { refresh: true });
    expect(calls).toHaveLength(8);
    clock.advance(REFERENCE_CACHE_SECONDS * 1000);
    loadReference(client, 'tenant', cache, clock, { refresh: false });
    expect(calls).toHaveLength(12);
    // Another organisation never reads this one's cache.
    loadReference(client, 'other-tenant', cache, clock, { refresh: false });
    expect(calls).toHaveLength(16);
  });

  it("saves the Currencies call when posting a settlement in the base currency, keeping the cached list", () => {
    const clock = testClock();
    const cache = memoryCache(clock);
    const { client, calls } = stubClient(reference((r) => (r.currencies = ['USD', 'CAD'])));
    const posting = loadReference(client, 'tenant', cache, clock, { refresh: true, currency: 'USD' });
    expect(calls).toEqual(['organisation', 'accounts', 'taxRates']);
    expect(posting.ok && posting.value.currencies).toEqual(['USD']);
    // Not cached: a preview of a CAD settlement must not read "USD only".
    expect(cache.keys()).toEqual([]);
    loadReference(client, 'tenant', cache, clock, { refresh: true });
    calls.length = 0;
    const again = loadReference(client, 'tenant', cache, clock, { refresh: true, currency: 'USD' });
    expect(calls).toEqual(['organisation', 'accounts', 'taxRates']);
    expect(again.ok && again.value.currencies).toEqual(['USD', 'CAD']);
    expect(loadReference(client, 'tenant', cache, clock, { refresh: false })).toEqual(again);
    loadReference(client, 'tenant', cache, clock, { refresh: true, currency: 'CAD' });
    expect(calls.slice(-1)).toEqual(['currencies']);
  });

  it('is not cached when it would pass CacheService’s 100 KB limit', () => {
    const clock = testClock();
    const cache = memoryCache(clock);
    const big = reference((r) => {
      for (let i = 0; i < 2000; i++) r.accounts.push(account(`9${i}`, `Account number ${i} with a long descriptive name`, 'EXPENSE'));
    });
    expect(loadReference(stubClient(big).client, 'tenant', cache, clock, { refresh: false }).ok).toBe(true);
    expect(cache.keys()).toEqual([]);
  });

  it('offers active, postable accounts as "code — name"', () => {
    const r = reference((x) => {
      x.accounts[1]!.status = 'ARCHIVED';
      x.accounts[2]!.postable = false;
    });
    expect(accountChoices(r)).toEqual(['201 — Amazon Sales', '406 — Amazon FBA Fees', '1210 — Amazon Reserved Balances']);
  });
});
