/**
 * The UK and the EU: VAT. A registered seller's VAT on sales belongs in the sales lines, with a
 * VAT rate, so the return gets the sales and the VAT; deemed-supplier VAT Amazon remits clears to
 * zero. Amazon's own fees changed on 1 August 2024 from reverse charge to VAT charged by Amazon.
 */
import { templateRows, untaxedRows, type RegionalTemplate, type TemplateRow } from './types';

const CHANGE = '2024-08-01';
const BEFORE = '2024-07-31';

/** The EU marketplaces, whose fees and advertising a UK seller is billed differently for. */
export const EU_MARKETPLACES = ['Amazon.de', 'Amazon.fr', 'Amazon.it', 'Amazon.es', 'Amazon.nl', 'Amazon.se', 'Amazon.pl', 'Amazon.com.be'];

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
  rows: templateRows(
    {
      sales: 'OUTPUT2', ownTax: 'sales',
      // Deemed-supplier sales: Link My Books records them zero-rated (see the notes).
      remitted: 'ZERORATEDOUTPUT',
      // Compensation for lost or damaged stock is outside the scope of VAT (see the notes).
      reimbursements: 'NONE',
      fees: (category, code) => feeRows(category, code, 'REVERSECHARGES', 'INPUT2'),
      advertising: 'INPUT2', postage: 'EXEMPTINPUT', none: 'NONE',
    },
    [
      // FBA fees of orders shipped from or to outside GB are zero-rated since the change.
      ...EU_MARKETPLACES.map((marketplace): TemplateRow => ['FBA fees', '406', 'ZERORATEDINPUT', { marketplace, from: CHANGE }]),
      // Sales on the EU marketplaces carry no UK VAT: zero-rated when dispatched from GB (see the
      // notes); VAT the seller owes there is another country's, kept apart in the liability.
      ...EU_MARKETPLACES.flatMap((marketplace): TemplateRow[] => [
        ['Sales', '201', 'ZERORATEDOUTPUT', { marketplace }],
        ['Refunds', '202', 'ZERORATEDOUTPUT', { marketplace }],
        ['Promotions', '203', 'ZERORATEDOUTPUT', { marketplace }],
        ['Tax on sales', '2160', 'NONE', { marketplace }],
        ['Tax on refunds', '2160', 'NONE', { marketplace }],
      ]),
      // Advertising on the EU marketplaces is billed by Amazon's EU entities: reverse charge.
      ...EU_MARKETPLACES.map((marketplace): TemplateRow => ['Advertising', '408', 'REVERSECHARGES', { marketplace }]),
    ],
  ),
};

/** United Kingdom, not VAT registered. */
export const UK: RegionalTemplate = {
  id: 'uk',
  name: 'United Kingdom, not VAT registered',
  edition: 'UK',
  country: 'GB',
  marketplaces: [],
  rows: untaxedRows('NONE'),
};

/** An EU seller registered for VAT at home (Xero's global edition). */
export const EU_VAT: RegionalTemplate = {
  id: 'eu-vat',
  name: 'EU, VAT registered',
  edition: 'GLOBAL',
  country: 'DE',
  marketplaces: EU_MARKETPLACES,
  rows: templateRows({
    sales: 'OUTPUT', ownTax: 'sales', reimbursements: 'NONE',
    // Sales whose VAT Amazon remits as deemed supplier: none of it is the seller's output VAT.
    remitted: 'NONE',
    fees: (category, code) => feeRows(category, code, 'NONE', 'INPUT'),
    advertising: 'INPUT', postage: 'INPUT', none: 'NONE',
  }),
};
