// The command line's regional templates: listing them, choosing one, following the marketplace,
// and a deposit that reached the bank in another currency.
import { cli, scratchFiles } from '../../support/cli';
import { CA_FILE, NZ_FILE, renderRegionalFile, UK_FILE } from '../../support/regional-files';

const { write } = scratchFiles('settlesheet-templates-');
const uk = write('uk.txt', renderRegionalFile(UK_FILE).text);
const ca = write('ca.txt', renderRegionalFile(CA_FILE).text);

describe('templates', () => {
  it('lists every template with the marketplaces it is the default for', () => {
    const { code, out } = cli('templates');
    expect(code).toBe(0);
    expect(out).toMatch(/^us +United States \(default for Amazon\.com, Amazon\.com\.mx\)$/m);
    expect(out).toMatch(/^uk-vat +United Kingdom, VAT registered \(default for Amazon\.co\.uk\)$/m);
    for (const id of ['ca-gst', 'ca', 'uk', 'eu-vat', 'au-gst', 'au', 'nz-gst', 'jp']) expect(out).toMatch(new RegExp(`^${id} `, 'm'));
  });

  it('shows one template: how it treats tax, with sources, and its Accounts rows as CSV', () => {
    const { code, out } = cli('templates', 'uk-vat');
    expect(code).toBe(0);
    expect(out).toContain('United Kingdom, VAT registered (uk-vat, Xero UK edition tax types)');
    expect(out).toContain('support.a2xaccounting.com');
    expect(out).toContain('Category,Marketplace,Effective from,Effective to,Account code,Tax type');
    expect(out).toContain('Seller fees,,,2024-07-31,405,REVERSECHARGES');
    expect(out).toContain('Seller fees,,2024-08-01,,405,INPUT2');
  });

  it('names the templates when asked for one that does not exist', () => {
    expect(cli('templates', 'mars').err).toContain('There is no template "mars". Templates: us, ca-gst, ca, uk-vat, uk, eu-vat, au-gst, au, nz-gst, jp');
    expect(cli('summarize', uk, '--template', 'mars').code).toBe(2);
  });

  it('gives `defaults --template` the template\'s Accounts rows', () => {
    expect(cli('defaults', '--template', 'au-gst').out).toContain('Seller fees,,,,405,EXEMPTEXPENSES');
  });
});

describe('summarize with a template', () => {
  it('follows the main marketplace when no template is named', () => {
    const json = JSON.parse(cli('summarize', uk, '--json').out);
    expect(json.template).toBe('uk-vat');
    expect(json.parts.flatMap((p: { lines: { taxType: string }[] }) => p.lines).some((l: { taxType: string }) => l.taxType === 'OUTPUT2')).toBe(true);
  });

  it('uses the named template instead, and says which in the report', () => {
    const { code, out } = cli('summarize', uk, '--template', 'uk');
    expect(code).toBe(0);
    expect(out).toContain('template "uk" (United Kingdom, not VAT registered)');
    expect(out).not.toContain('OUTPUT2');
  });

  it('shows the tax the file states and posts it as TaxAmount', () => {
    const json = JSON.parse(cli('summarize', ca, '--json').out);
    const ad = json.parts.flatMap((p: { lines: { accountCode: string }[] }) => p.lines).find((l: { accountCode: string }) => l.accountCode === '408');
    expect(ad).toMatchObject({ taxType: 'INPUT', amount: '-168.83', statedTax: '-18.09' });
    expect(json.documents.flatMap((d: { LineItems: unknown[] }) => d.LineItems)).toContainEqual(expect.objectContaining({ AccountCode: '408', TaxAmount: -18.09 }));
  });
});

describe('summarize --deposit', () => {
  const nz = write('nz.txt', renderRegionalFile(NZ_FILE).text);

  it('derives one rate from the deposit, puts it on every document, and shows the base-currency amounts', () => {
    const json = JSON.parse(cli('summarize', nz, '--template', 'nz-gst', '--deposit', '207.53', 'NZD', '--json').out);
    expect(json.exchange).toEqual({ baseCurrency: 'NZD', rate: expect.stringMatching(/^\d\.\d{6}$/), deposit: '207.53', converted: '207.53' });
    expect(new Set(json.documents.map((d: { CurrencyRate: number }) => d.CurrencyRate))).toEqual(new Set([Number(json.exchange.rate)]));
    expect(json.parts.at(-1).totalBase).toBe('207.53');
    expect(json.parts[0].totalBase).toBe('0.00');
    const report = cli('summarize', nz, '--template', 'nz-gst', '--deposit', '207.53', 'NZD').out;
    expect(report).toContain(`Deposit 207.53 NZD: every document uses the rate ${json.exchange.rate} AUD per NZD.`);
  });

  it('refuses a deposit in the settlement\'s own currency, or of the other sign', () => {
    expect(cli('summarize', nz, '--deposit', '207.53', 'AUD').err).toContain('already in AUD');
    expect(cli('summarize', nz, '--deposit', '-207.53', 'NZD').err).toContain('opposite sign');
  });
});
