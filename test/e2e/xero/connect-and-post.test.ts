// The whole journey in Apps Script's shoes, against the Xero sandbox: connect → pick an
// organisation → fetch accounts and tax rates → post a positive settlement, a negative one and a
// month-split one → Xero holds exactly those documents, each total equal to the deposit.
import { formatAmount } from '../../../src/core/money';
import * as main from '../../../src/server/main';
import { disconnectXero, selectXeroOrganisation, xeroAccountChoices, xeroConnectionStatus, xeroConnectUrl } from '../../../src/server/xero/entry-points';
import { postSettlementToXero, xeroPostedRecord } from '../../../src/server/xero/posting';
import { createXeroWorld, HEADERS, MONTH_SPLIT, NEGATIVE, POSITIVE, SELLER, settlementOf, UK, US, type XeroWorld } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

function connectedToUs(): XeroWorld {
  const x = createXeroWorld();
  x.setUpApp();
  x.connect(SELLER);
  const chosen = x.run(SELLER, () => selectXeroOrganisation(US));
  if (!chosen.ok) throw new Error(chosen.failure.message);
  return x;
}

describe('connecting', () => {
  it('connects, leaves the choice of three organisations to the sidebar, then binds the chosen one', () => {
    const x = createXeroWorld();
    x.setUpApp();
    expect(x.run(SELLER, () => xeroConnectionStatus())).toMatchObject({ configured: true, connected: false, canPost: false });

    const page = x.connect(SELLER);
    expect(page).toContain('Your login reaches 3 organisations');
    const before = x.run(SELLER, () => xeroConnectionStatus());
    expect(before).toMatchObject({ connected: true, canPost: false, user: SELLER });
    expect(before.organisation).toBeUndefined();
    expect(before.organisations.map((o) => o.name).sort()).toEqual(['Bramble & Finch Trading Ltd', 'Harbor Lane Goods Inc', 'Wattle Creek Supplies Pty Ltd']);

    const chosen = x.run(SELLER, () => selectXeroOrganisation(US));
    expect(chosen.ok && chosen.value).toMatchObject({ canPost: true, organisation: { tenantId: US, name: 'Harbor Lane Goods Inc', boundBy: SELLER } });
    expect(x.world.inspect.properties('document')['xero.organisation']).toContain(US);
  });

  it('binds the spreadsheet in the callback when the login has exactly one organisation', () => {
    const x = createXeroWorld();
    x.setUpApp();
    const page = x.connect(SELLER, { tenants: [UK] });
    expect(page).toContain('Connected to Bramble &amp; Finch Trading Ltd');
    expect(page).toContain('You can close this tab');
    expect(x.run(SELLER, () => xeroConnectionStatus())).toMatchObject({ canPost: true, organisation: { tenantId: UK } });
  });

  it('refuses an organisation outside the login’s own connections', () => {
    const x = createXeroWorld();
    x.setUpApp();
    x.connect(SELLER, { tenants: [UK] });
    const chosen = x.run(SELLER, () => selectXeroOrganisation(US));
    expect(chosen.ok).toBe(false);
    expect(!chosen.ok && chosen.failure.kind).toBe('no-organisation');
    expect(x.run(SELLER, () => xeroConnectionStatus()).organisation?.tenantId).toBe(UK);
  });

  it('shows a clear page when the person cancels on Xero’s consent page', () => {
    const x = createXeroWorld();
    x.setUpApp();
    const started = x.run(SELLER, () => xeroConnectUrl());
    if (!started.ok) throw new Error(started.failure.message);
    const state = new URL(started.value.url).searchParams.get('state')!;
    const { functionName, event } = x.world.userCallback({ error: 'access_denied', state });
    expect(functionName).toBe('xeroAuthCallback');
    const page = x.run(SELLER, () => main.xeroAuthCallback(event).getContent(), { withoutDocument: true });
    expect(page).toContain('Xero was not connected');
    expect(page).toContain('You cancelled the Xero sign-in');
    expect(x.run(SELLER, () => xeroConnectionStatus()).connected).toBe(false);
  });

  it('tells the deployer what to set before anyone can connect', () => {
    const x = createXeroWorld();
    const started = x.run(SELLER, () => xeroConnectUrl());
    expect(started).toMatchObject({ ok: false, failure: { kind: 'not-configured' } });
    expect(!started.ok && started.failure.message).toContain('XERO_CLIENT_ID and XERO_CLIENT_SECRET');
  });
});

describe('posting to the bound organisation', () => {
  it('fetches the accounts and tax rates as "code — name" choices', () => {
    const x = connectedToUs();
    const choices = x.run(SELLER, () => xeroAccountChoices());
    expect(choices.ok).toBe(true);
    if (!choices.ok) return;
    expect(choices.value.organisation).toBe('Harbor Lane Goods Inc');
    expect(choices.value.accounts).toContain('201 — Amazon Sales');
    // Archived accounts, bank accounts and Xero's own ledgers are not offered.
    expect(choices.value.accounts.some((a) => /^(409|090|610|800) /.test(a))).toBe(false);
    expect(choices.value.taxRates).toEqual(['NONE — Tax Exempt', 'TAX001 — California Sales Tax', 'TAX002 — New York Sales Tax', 'GSTONIMPORTS — Sales Tax on Imports']);
  });

  it('posts a positive, a negative and a month-split settlement: Xero holds exactly those, totals equal to the deposits', () => {
    const x = connectedToUs();
    const positive = settlementOf(POSITIVE, HEADERS.positive);
    const negative = settlementOf(NEGATIVE, HEADERS.negative);
    const split = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' });

    for (const s of [positive, negative, split]) {
      const outcome = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
      expect(outcome.kind).toBe('posted');
    }

    const held = x.sandbox.documents(US);
    expect(held.map((d) => [d.invoiceNumber, d.type, d.status, d.total]).sort()).toEqual([
      ['AMZ-24288684721', 'ACCREC', 'DRAFT', '1183.82'],
      ['AMZ-24288684722', 'ACCPAY', 'DRAFT', '54.99'],
      // Carry split: July moves its net forward (total 0) and is approved so July's profit and
      // loss is in the reports; August carries the whole deposit, as a draft for review.
      ['AMZ-24288684723-2025-07', 'ACCREC', 'AUTHORISED', '0.00'],
      ['AMZ-24288684723-2025-08', 'ACCREC', 'DRAFT', '313.49'],
    ]);
    // The deposits, from each settlement's header: a bill is the deposit with the sign flipped.
    const deposit = (s: typeof positive) => formatAmount(s.summary.header.totalAmount, 2);
    expect(deposit(positive)).toBe('1183.82');
    expect(deposit(negative)).toBe('-54.99');
    expect(deposit(split)).toBe('313.49');
    expect(x.sandbox.documents(UK)).toEqual([]);

    const record = x.run(SELLER, () => xeroPostedRecord('24288684722'));
    expect(record.ok && record.value).toMatchObject({
      state: 'posted', revision: 1, tenantId: US, organisationName: 'Harbor Lane Goods Inc', by: SELLER,
      documents: [{ invoiceNumber: 'AMZ-24288684722', type: 'ACCPAY', status: 'DRAFT', total: '54.99', currency: 'USD', part: '2025-09' }],
    });
    const bill = held.find((d) => d.type === 'ACCPAY')!;
    // Links open Harbor Lane's own books (its ShortCode), whichever organisation the person used last.
    expect(record.ok && record.value).toMatchObject({ shortCode: '!hL2mw' });
    expect(record.ok && record.value?.documents[0]?.url).toBe(
      `https://go.xero.com/organisationlogin/default.aspx?shortcode=!hL2mw&redirecturl=/AccountsPayable/Edit.aspx?InvoiceID=${bill.invoiceId}`,
    );
    const invoice = x.run(SELLER, () => xeroPostedRecord('24288684721'));
    expect(invoice.ok && invoice.value?.documents[0]?.url).toMatch(
      /^https:\/\/go\.xero\.com\/organisationlogin\/default\.aspx\?shortcode=!hL2mw&redirecturl=\/AccountsReceivable\/View\.aspx\?InvoiceID=[0-9a-f-]{36}$/,
    );
  });

  it('sends the lines exactly as planned: tax-inclusive amounts on the mapped accounts', () => {
    const x = connectedToUs();
    const s = settlementOf(POSITIVE, HEADERS.positive);
    x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    const [doc] = x.sandbox.documents(US);
    expect(doc!.lineAmountTypes).toBe('Inclusive');
    expect(doc!.lines.map((l) => [l.accountCode, l.taxType, l.lineAmount])).toEqual(
      s.documents[0]!.invoice.LineItems.map((l) => [l.AccountCode, l.TaxType, l.LineAmount.toFixed(2)]),
    );
  });

  it('disconnecting removes the organisation’s connection in Xero and forgets the tokens, keeping the binding and records', () => {
    const x = connectedToUs();
    const s = settlementOf(POSITIVE, HEADERS.positive);
    x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    const status = x.run(SELLER, () => disconnectXero());
    expect(status).toMatchObject({ connected: false, canPost: false, organisation: { tenantId: US } });
    expect(x.sandbox.calls()['DELETE api.xero.com/connections/{id}']).toBe(1);
    expect(x.world.inspect.properties({ user: SELLER })['xero.tokens']).toBeUndefined();
    expect(x.run(SELLER, () => xeroPostedRecord('24288684721'))).toMatchObject({ ok: true, value: { settlementId: '24288684721' } });
    const again = x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' }));
    expect(again.kind).toBe('failed');
    expect(again.message).toContain('not connected to Xero');
  });
});
