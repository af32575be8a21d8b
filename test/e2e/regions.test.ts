// Issue 11 on the BUILT add-on: a seller chooses where they sell and how they are registered, the
// Accounts tab takes that template's rows (checked against the organisation's tax rates), a UK
// seller's VAT reaches Xero as stated tax, and a settlement in another currency gets one rate
// from the deposit the person enters, with the preview in base currency.
import type { PreviewResult, PostResultDto, SettingsDto } from '../../src/api/types';
import { renderRegionalFile, CA_FILE, UK_FILE, US_FILE } from '../support/regional-files';
import { DEFAULT_APP, REGIONAL_TENANT_IDS, regionalOrganisations, seedOrganisations, unlocked } from '../fakes/xero';
import { builtBundle, bundleSession, connect as connectAs, importFile, saveApp, type BundleSession, postAs } from '../support/bundle-session';
import { SELLER, UK, US } from '../support/xero-apps-script';

/** The deployer's Xero app, then the seller's login reaching one organisation. */
function connect(s: BundleSession, tenant: string): void {
  saveApp(s);
  connectAs(s, SELLER, [tenant]);
}

let code = '';
// The regional files are dated in 2024-2025, which the seeded organisations have locked: tax and
// currencies are the point here, so their organisations have no lock dates.
const session = () => bundleSession(code, { xero: { organisations: seedOrganisations().map(unlocked) } });
beforeAll(() => {
  code = builtBundle();
});
afterEach(() => jest.restoreAllMocks());

function chooseTemplate(s: BundleSession, template: string): SettingsDto {
  s.run(SELLER, 'listSettlements');
  return s.run<SettingsDto>(SELLER, 'saveSettings', { split: 'carry', documentStatus: 'DRAFT', contactName: '', template, applyTemplate: true });
}

const accountsRows = (s: BundleSession) => s.x.world.inspect.grid('Accounts').values.filter((r) => r[0] !== '').slice(1).map((r) => r.slice(0, 6));

describe('the regional template setting', () => {
  it('seeds the Accounts tab with the chosen template\'s rows, and only when asked', () => {
    const s = session();
    s.run(SELLER, 'listSettlements');
    expect(accountsRows(s)).toContainEqual(['Sales', '', '', '', '201', 'NONE']);
    // Saving another template without asking to apply it leaves the tab alone.
    s.run(SELLER, 'saveSettings', { split: 'carry', documentStatus: 'DRAFT', contactName: '', template: 'uk-vat' });
    expect(accountsRows(s)).toContainEqual(['Sales', '', '', '', '201', 'NONE']);
    expect(chooseTemplate(s, 'uk-vat').template).toBe('uk-vat');
    const rows = accountsRows(s);
    expect(rows).toContainEqual(['Sales', '', '', '', '201', 'OUTPUT2']);
    expect(rows).toContainEqual(['Seller fees', '', '', '2024-07-31', '405', 'REVERSECHARGES']);
    expect(rows).toContainEqual(['FBA fees', 'Amazon.de', '2024-08-01', '', '406', 'ZERORATEDINPUT']);
    expect(rows.some((r) => r[5] === 'NONE' && r[0] === 'Sales')).toBe(false);
    expect(() => s.run(SELLER, 'saveSettings', { split: 'carry', documentStatus: 'DRAFT', contactName: '', template: 'mars' })).toThrow(/There is no template "mars"/);
  });

  it("checks the template's rows against the connected organisation's accounts and tax rates at once", () => {
    const s = session();
    connect(s, US);
    chooseTemplate(s, 'uk-vat');
    const grid = s.x.world.inspect.grid('Accounts').values;
    const check = grid[0]!.indexOf('Check');
    const sales = grid.find((r) => r[0] === 'Sales')!;
    // The US organisation has no UK VAT rates: the Check column says so before anything is posted.
    expect(sales[check]).toBe('Tax type OUTPUT2 is not in Harbor Lane Goods Inc');
    chooseTemplate(s, 'us');
    expect(s.x.world.inspect.grid('Accounts').values.find((r) => r[0] === 'Sales')![check]).toBe('OK');
  });

  it("refuses to post a settlement another region suggests while no region was ever chosen, until the region or 'My own Accounts rows' is", () => {
    const s = session();
    const { finished } = importFile(s, renderRegionalFile(UK_FILE).text);
    const settlementId = finished!.settlementId;
    connect(s, UK);
    let preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    const refusal = expect.stringContaining('This settlement is from Amazon.co.uk, but Settings does not say yet where you sell and how you are registered');
    expect(preview.problems).toEqual([refusal]);
    expect(preview.problems[0]).toContain('choose "United Kingdom, VAT registered"');
    expect(preview.problems[0]).toContain('"My own Accounts rows"');
    expect(preview.canPost).toBe(false);
    // The server refuses too (a page that posts anyway): nothing reaches Xero with US rows.
    const refused = postAs(s, SELLER, { settlementId, mode: 'post' });
    expect(refused).toMatchObject({ outcome: 'refused', problems: [refusal] });
    expect(s.x.sandbox.documents(UK)).toEqual([]);

    // An accountant who set up the Accounts tab by hand keeps it: their rows are not rewritten.
    const before = accountsRows(s);
    s.run(SELLER, 'saveSettings', { split: 'carry', documentStatus: 'DRAFT', contactName: '', template: 'own', applyTemplate: true });
    expect(accountsRows(s)).toEqual(before);
    preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.problems).toEqual([]);
    expect(preview.canPost).toBe(true);
  });

  it('lets a US settlement post with the shipped rows, and says when US tax has no withheld line here', () => {
    const s = session();
    const { finished } = importFile(s, renderRegionalFile({ ...US_FILE, orders: [...US_FILE.orders, US_TAX_OWED] }).text);
    connect(s, US);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.problems).toEqual([]);
    expect(preview.warnings).toContainEqual(expect.stringContaining('1 tax line (1.65 USD) has no withheld line in this settlement, so it goes to "Tax on sales"'));
  });
});

/** A US order whose withheld line is in another settlement: its tax is the seller's here. */
const US_TAX_OWED = { orderId: '111-0000001-0000009', date: '2026-07-05', amounts: [['ItemPrice', 'Principal', '20.00'], ['ItemPrice', 'Tax', '1.65']] } as const;

describe('a UK VAT-registered seller', () => {
  it("posts the VAT the file states as each sales line's tax, and Xero's UK organisation accepts it", () => {
    const s = session();
    chooseTemplate(s, 'uk-vat');
    const { finished } = importFile(s, renderRegionalFile(UK_FILE).text);
    const settlementId = finished!.settlementId;
    // Tax lines' Category cells say whose tax they are.
    const tx = s.x.world.inspect.grid('Transactions').values;
    const categoryOf = (description: string, order: string) => tx.find((r) => r[5] === description && r[6] === order)![11];
    expect(categoryOf('Tax', '203-0000003-0000001')).toBe('Tax on sales');
    expect(categoryOf('Tax', '203-0000003-0000002')).toBe('Marketplace facilitator tax');
    // The sale of that deemed-supplier order travels labelled through the import's wire and checks.
    expect(categoryOf('Principal', '203-0000003-0000002')).toBe('Sales, tax remitted by Amazon');
    expect(categoryOf('Principal', '203-0000003-0000001')).toBe('Sales');

    connect(s, UK);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.problems).toEqual([]);
    expect(preview.canPost).toBe(true);
    const sales = preview.parts.flatMap((p) => p.lines).filter((l) => l.accountCode === '201');
    expect(sales.map((l) => [l.taxType, l.statedTax])).toEqual([['OUTPUT2', '20.00'], ['OUTPUT2', '9.00'], ['ZERORATEDOUTPUT', '0.00']]);
    // July carries its net forward and totals zero: created approved (the parts say why); August, the deposit, a draft.
    expect(preview.plan.map((d) => [d.part, d.status])).toEqual([['2024-07', 'AUTHORISED'], ['2024-08', 'DRAFT']]);

    expect(postAs(s, SELLER, { settlementId, mode: 'post' }).outcome).toBe('posted');
    const held = s.x.sandbox.documents(UK);
    expect(held.map((d) => d.status)).toEqual(['AUTHORISED', 'DRAFT']);
    expect(held.map((d) => d.lines.find((l) => l.accountCode === '201')!.taxAmount)).toEqual(['20.00', '9.00']);
  });

  it('refuses, before posting, stated tax on a rate that is 0% in the organisation', () => {
    const s = session();
    chooseTemplate(s, 'uk-vat');
    // Someone set the organisation's 20% rate to 0%: Amazon's VAT would have nowhere to go.
    s.x.sandbox.organisation(UK).taxRates.find((r) => r.TaxType === 'OUTPUT2')!.EffectiveRate = '0';
    const { finished } = importFile(s, renderRegionalFile(UK_FILE).text);
    connect(s, UK);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.problems).toEqual([expect.stringContaining('Amazon states tax on a line coded OUTPUT2 — 20% (VAT on Income), but that rate is 0% in Bramble & Finch Trading Ltd')]);
    expect(preview.canPost).toBe(false);
    const refused = postAs(s, SELLER, { settlementId: finished!.settlementId, mode: 'post' });
    expect(refused.outcome).toBe('refused');
    expect(s.x.sandbox.documents(UK)).toEqual([]);
  });
});

describe('a GST/HST-registered seller in British Columbia', () => {
  it('is warned, naming the line, when the tax Amazon states on advertising is above the rate of "Tax on Purchases"', () => {
    const s = bundleSession(code, { xero: { organisations: [...seedOrganisations(), ...regionalOrganisations()].map(unlocked) } });
    chooseTemplate(s, 'ca-gst');
    const { finished } = importFile(s, renderRegionalFile(CA_FILE).text);
    // Tax on Purchases set to the recoverable GST (5%); Amazon states GST 5% + PST 7% on advertising.
    s.x.sandbox.organisation(REGIONAL_TENANT_IDS.ca).taxRates.find((r) => r.TaxType === 'INPUT')!.EffectiveRate = '5';
    connect(s, REGIONAL_TENANT_IDS.ca);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.problems).toEqual([]);
    const warned = preview.warnings.filter((w) => w.includes('of tax on'));
    expect(warned).toEqual([expect.stringContaining('line "Advertising + Tax on fees" (account 408): Amazon states -18.09 of tax on -150.74, about 12.0%, but INPUT — Tax on Purchases is 5% in Maple Ridge Trading Inc.')]);
    expect(preview.canPost).toBe(true);
  });
});

describe('a settlement in another currency', () => {
  it('asks for the deposit in base currency, then gives every document one rate and shows base amounts', () => {
    const s = session();
    chooseTemplate(s, 'ca');
    const { finished } = importFile(s, renderRegionalFile(CA_FILE).text);
    const settlementId = finished!.settlementId;
    // The BC order's one Tax line is part the seller's, part Amazon's: both categories show.
    const tx = s.x.world.inspect.grid('Transactions').values;
    expect(tx.find((r) => r[5] === 'Tax' && r[6] === '702-0000002-0000002')![11]).toBe('Marketplace facilitator tax + Tax on sales');

    connect(s, US);
    let preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.exchange).toEqual({ baseCurrency: 'USD' });
    expect(preview.problems).toContainEqual(expect.stringContaining('This settlement is in CAD and becomes 2 documents; Harbor Lane Goods Inc works in USD. Enter the amount that reached your bank in USD'));
    expect(preview.canPost).toBe(false);

    expect(() => s.run(SELLER, 'saveDeposit', { settlementId, amount: '-10.00' })).toThrow(/opposite sign/);
    s.run(SELLER, 'saveDeposit', { settlementId, amount: '162.17' });
    preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.problems).toEqual([]);
    expect(preview.exchange).toEqual({ baseCurrency: 'USD', deposit: '162.17', rate: expect.stringMatching(/^1\.\d{6}$/), converted: '162.17' });
    expect(preview.parts.map((p) => p.totalBase)).toEqual(['0.00', '162.17']);
    expect(preview.warnings).toContainEqual(expect.stringContaining(`Every document uses one exchange rate, ${preview.exchange!.rate} CAD per USD, from the deposit of 162.17 USD.`));

    expect(postAs(s, SELLER, { settlementId, mode: 'post' }).outcome).toBe('posted');
    const held = s.x.sandbox.documents(US);
    expect(held.map((d) => d.currencyRate)).toEqual([`${preview.exchange!.rate}`, `${preview.exchange!.rate}`]);
  });
});
