/**
 * The UK and the EU: VAT. A registered seller's VAT on sales belongs in the sales lines, with a
 * VAT rate, so the return gets the sales and the VAT; deemed-supplier VAT Amazon remits clears to
 * zero. Amazon's own fees changed on 1 August 2024 from reverse charge to VAT charged by Amazon.
 */
import { balanceSheetRows, untaxedRows, type RegionalTemplate, type TemplateRow } from './types';

/** The EU marketplaces, whose fees and advertising a UK seller is billed differently for. */
export const EU_MARKETPLACES = ['Amazon.de', 'Amazon.fr', 'Amazon.it', 'Amazon.es', 'Amazon.nl', 'Amazon.se', 'Amazon.pl', 'Amazon.com.be'];

const CHANGE = '2024-08-01';
const BEFORE = '2024-07-31';

const A2X_VCS = 'A2X, "VAT on sales and the Amazon VAT calculation service" (support.a2xaccounting.com/a2x-and-vat/vat-on-sales-and-the-amazon-calculation-service): code the Sales and the Tax line to the sales account, both at 20% inclusive';
const A2X_UK = 'A2X, "VAT Mapping for UK VAT Registered users" (support.a2xaccounting.com/en/articles/6150217)';
const A2X_AUG = 'A2X, "Amazon VAT changes for UK/EU sellers from 1 August 2024" (support.a2xaccounting.com/en/articles/9566245) and its September 2024 update (…/9950320)';
const A2X_GB = 'A2X, "New Tax Mapping for Amazon GB Domestic Transactions" (support.a2xaccounting.com/en/articles/10113318): FBA fees for orders shipped GB to GB carry 20%, from or to elsewhere 0% ("Zero-Rated Expenses")';
const LMB_UK = 'Link My Books, "Amazon account and tax rate mappings for UK VAT registered businesses" (help.linkmybooks.com/en/articles/8100221)';
const LMB_UK_NON = 'Link My Books, "Amazon account and tax rate mappings for UK Non-VAT registered businesses" (help.linkmybooks.com/en/articles/8100521)';
const LMB_EU = 'Link My Books, "How Link My Books calculates VAT on European Amazon seller accounts" (help.linkmybooks.com/en/articles/3966260): "Sales shipped to UK - Marketplace Responsible for VAT" is its own group';

/** A fee category: reverse charge until 31 July 2024, `after` from 1 August 2024. */
function feeRows(category: string, code: string, before: string, after: string): TemplateRow[] {
  return [
    [category, code, before, { to: BEFORE }],
    [category, code, after, { from: CHANGE }],
  ];
}

/** United Kingdom, VAT registered. */
export const UK_VAT: RegionalTemplate = {
  id: 'uk-vat',
  name: 'United Kingdom, VAT registered',
  edition: 'UK',
  country: 'GB',
  marketplaces: ['Amazon.co.uk'],
  rows: [
    ['Sales', '201', 'OUTPUT2'],
    ['Refunds', '202', 'OUTPUT2'],
    ['Promotions', '203', 'OUTPUT2'],
    ['Tax on sales', '201', 'OUTPUT2'],
    ['Tax on refunds', '202', 'OUTPUT2'],
    // Compensation for lost or damaged stock is outside the scope of VAT (see the notes).
    ['Reimbursements', '205', 'NONE'],
    ...feeRows('Seller fees', '405', 'REVERSECHARGES', 'INPUT2'),
    ...feeRows('FBA fees', '406', 'REVERSECHARGES', 'INPUT2'),
    // FBA fees of orders shipped from or to outside GB are zero-rated since the change.
    ...EU_MARKETPLACES.map((marketplace): TemplateRow => ['FBA fees', '406', 'ZERORATEDINPUT', { marketplace, from: CHANGE }]),
    ...feeRows('Storage', '407', 'REVERSECHARGES', 'INPUT2'),
    ['Advertising', '408', 'INPUT2'],
    // Advertising on the EU marketplaces is billed by Amazon's EU entities: reverse charge.
    ...EU_MARKETPLACES.map((marketplace): TemplateRow => ['Advertising', '408', 'REVERSECHARGES', { marketplace }]),
    ['Tax on fees', '408', 'INPUT2'],
    ['Postage', '425', 'EXEMPTINPUT'],
    ...balanceSheetRows('NONE'),
  ],
  notes: [
    `VAT you charge on Amazon.co.uk sales (a Tax line with no withheld line) is coded to the sales account with "20% (VAT on Income)" (OUTPUT2), like the sale itself, so Xero's VAT return gets both the sale and its VAT (${A2X_VCS}; ${A2X_UK}). SettleSheet states the VAT Amazon calculated as the line's TaxAmount, so Xero records that figure instead of re-computing 1/6 of the line.`,
    `VAT Amazon remits as deemed supplier (goods under £135 from overseas, sales into the EU) comes with a MarketplaceFacilitatorVAT line and clears to zero (${LMB_EU}).`,
    `Amazon's seller, FBA and storage fees were billed from Luxembourg under the reverse charge until 31 July 2024 ("Reverse Charge Expenses", REVERSECHARGES) and from the UK with 20% VAT from 1 August 2024 ("20% (VAT on Expenses)", INPUT2); UK advertising was always 20%, EU advertising reverse charge (${A2X_AUG}).`,
    `Since August 2024 FBA fees for orders shipped from or to outside GB are zero-rated (${A2X_GB}); the template has a zero-rated row for each EU marketplace's FBA fees. A settlement cannot tell GB-to-GB orders on Amazon.co.uk from others: check Amazon's VAT invoices if you ship abroad from GB.`,
    `Reimbursements for lost or damaged stock carry no VAT rate here ("NONE"), as the market tools default to (${LMB_UK}); not confirmed by HMRC guidance in this repository's sources. Postage bought through Buy Shipping is set VAT exempt ("Exempt Expenses", true of Royal Mail; other carriers charge 20%): not confirmed from a real settlement.`,
  ],
};

/** United Kingdom, not VAT registered. */
export const UK: RegionalTemplate = {
  id: 'uk',
  name: 'United Kingdom, not VAT registered',
  edition: 'UK',
  country: 'GB',
  marketplaces: [],
  rows: untaxedRows('NONE'),
  notes: [
    `Without a VAT registration nothing goes on a VAT return: every line carries "No VAT" (NONE), fees include the VAT Amazon charged you as part of their cost (${LMB_UK_NON}).`,
    'Deemed-supplier VAT Amazon remits still clears to zero; a Tax line nothing cancels goes to the "Tax on sales" liability (2160) for you to look at.',
  ],
};

/** An EU seller registered for VAT at home (Xero's global edition). */
export const EU_VAT: RegionalTemplate = {
  id: 'eu-vat',
  name: 'EU (Germany, France, Italy, Spain, the Netherlands…), VAT registered',
  edition: 'GLOBAL',
  country: 'DE',
  marketplaces: EU_MARKETPLACES,
  rows: [
    ['Sales', '201', 'OUTPUT'],
    ['Refunds', '202', 'OUTPUT'],
    ['Promotions', '203', 'OUTPUT'],
    ['Tax on sales', '201', 'OUTPUT'],
    ['Tax on refunds', '202', 'OUTPUT'],
    ['Reimbursements', '205', 'NONE'],
    ...feeRows('Seller fees', '405', 'NONE', 'INPUT'),
    ...feeRows('FBA fees', '406', 'NONE', 'INPUT'),
    ...feeRows('Storage', '407', 'NONE', 'INPUT'),
    ['Advertising', '408', 'INPUT'],
    ['Tax on fees', '408', 'INPUT'],
    ['Postage', '425', 'INPUT'],
    ...balanceSheetRows('NONE'),
  ],
  notes: [
    `VAT you charge (a Tax line with no withheld line) is coded with the sale at your country's standard rate: Xero's global edition calls it "Tax on Sales" (OUTPUT); set its rate in Xero (help.xero.com/us/Tax-SetDefaults) and add reduced or OSS rates (TAX001…) as rows for the marketplaces that need them (${A2X_VCS}). Deemed-supplier VAT Amazon remits clears to zero.`,
    `Fees were reverse-charged from Luxembourg until 31 July 2024 (no VAT on the document: account for the reverse charge with your own rate) and carry local VAT for businesses established in Germany, France, Italy, Spain, the Netherlands, Poland, Belgium and Sweden from 1 August 2024 (${A2X_AUG}).`,
    'Advertising and postage are set to "Tax on Purchases" (INPUT): how Amazon Ads bills an EU seller was not confirmed from the sources here; check your invoices.',
  ],
};
