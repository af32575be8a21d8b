/**
 * Australia, New Zealand and Japan: GST and consumption tax, each one rate per country, so a
 * registered seller's tax belongs in the sales lines (the market tools "include" them in the tax
 * module there). Amazon remits GST on low-value imported goods itself.
 */
import { balanceSheetRows, untaxedRows, type RegionalTemplate } from './types';

const LMB_AU = 'Link My Books, "Amazon account and tax rate mappings for Australian businesses" (help.linkmybooks.com/en/articles/8101515): "Amazon Sales Tax (only for US sales tax collected and withheld)"';
const AMAZON_AU = 'Amazon, "Australia Goods and Services Tax (GST)" (sellercentral-europe.amazon.com/gp/help/external/help.html?itemID=202146000): "GST registered sellers will not have a GST charge of 10% applied on their Selling on Amazon fees"; Amazon collects 10% on them from sellers who are not registered';
const A2X_INCLUDE = 'A2X, "Mapping in A2X to include or exclude transactions from your tax module" (support.a2xaccounting.com/en/articles/6152850): including sales and tax in the tax module is recommended for countries with one rate (UK, EU, NZ, AU)';
const A2X_AU = 'A2X, "Enable advanced mapping rules in A2X for Amazon for UK VAT, OSS/IOSS and AU GST registered sellers" (support.a2xaccounting.com/en/articles/6333427)';
const XERO_NZ = "the tax rates of Xero's own GET /TaxRates example in its OpenAPI spec (an NZ organisation: 15% GST on Income OUTPUT2, 15% GST on Expenses INPUT2, No GST NONE, Zero Rated ZERORATED, GST on Imports GSTONIMPORTS)";

/** Australia, registered for GST (with an ABN given to Amazon). */
export const AU_GST: RegionalTemplate = {
  id: 'au-gst',
  name: 'Australia, GST registered',
  edition: 'AU',
  country: 'AU',
  marketplaces: ['Amazon.com.au'],
  rows: [
    ['Sales', '201', 'OUTPUT'],
    ['Refunds', '202', 'OUTPUT'],
    ['Promotions', '203', 'OUTPUT'],
    ['Tax on sales', '201', 'OUTPUT'],
    ['Tax on refunds', '202', 'OUTPUT'],
    ['Reimbursements', '205', 'OUTPUT'],
    // No GST is charged on Selling on Amazon fees once Amazon has your ABN.
    ['Seller fees', '405', 'EXEMPTEXPENSES'],
    ['FBA fees', '406', 'EXEMPTEXPENSES'],
    ['Storage', '407', 'EXEMPTEXPENSES'],
    ['Advertising', '408', 'INPUT'],
    ['Tax on fees', '408', 'INPUT'],
    ['Postage', '425', 'INPUT'],
    ...balanceSheetRows('BASEXCLUDED'),
  ],
  notes: [
    `Sales, refunds and promotions carry "GST on Income" (OUTPUT): Amazon.com.au prices include GST, so Xero backs 1/11 out of each line; where the file states the GST (a Tax line with no withheld line) the document carries that figure as the line's tax (${A2X_INCLUDE}; ${A2X_AU}).`,
    `Seller, FBA and storage fees are "GST Free Expenses" (EXEMPTEXPENSES): ${AMAZON_AU}.`,
    `GST Amazon collects on low-value imported goods comes with LowValueGoodsTax withheld lines and clears to zero; only US sales tax goes to a sales-tax account in the market tools' Australian setup (${LMB_AU}).`,
    'Advertising and postage carry "GST on Expenses" (INPUT), and reimbursements "GST on Income" (OUTPUT): neither was confirmed from the sources here; check your Amazon invoices and your accountant.',
  ],
};

/** Australia, not registered for GST. */
export const AU: RegionalTemplate = {
  id: 'au',
  name: 'Australia, not registered for GST',
  edition: 'AU',
  country: 'AU',
  marketplaces: [],
  rows: untaxedRows('BASEXCLUDED'),
  notes: [
    `Nothing goes on a BAS: every line is "BAS Excluded". Amazon charges 10% GST on the fees of sellers who are not registered; it is part of the fee (${AMAZON_AU}).`,
  ],
};

/** New Zealand, registered for GST (selling on Amazon.com.au or Amazon.com). */
export const NZ_GST: RegionalTemplate = {
  id: 'nz-gst',
  name: 'New Zealand, GST registered',
  edition: 'NZ',
  country: 'NZ',
  marketplaces: [],
  rows: [
    // Goods sold abroad: exports are zero-rated in New Zealand.
    ['Sales', '201', 'ZERORATED'],
    ['Refunds', '202', 'ZERORATED'],
    ['Promotions', '203', 'ZERORATED'],
    ['Tax on sales', '201', 'OUTPUT2'],
    ['Tax on refunds', '202', 'OUTPUT2'],
    ['Reimbursements', '205', 'NONE'],
    ['Seller fees', '405', 'NONE'],
    ['FBA fees', '406', 'NONE'],
    ['Storage', '407', 'NONE'],
    ['Advertising', '408', 'NONE'],
    ['Tax on fees', '408', 'INPUT2'],
    ['Postage', '425', 'INPUT2'],
    ...balanceSheetRows('NONE'),
  ],
  notes: [
    `Codes are ${XERO_NZ}.`,
    "Amazon has no New Zealand marketplace: sales on Amazon.com.au or Amazon.com are exports, set \"Zero Rated\" so they appear on the GST return. Fees from Amazon's overseas entities carry \"No GST\". Neither treatment was confirmed from an A2X or Link My Books page (their New Zealand pages were not among the sources here): check with your accountant.",
    'GST Amazon collects on low-value goods shipped into New Zealand comes with withheld lines and clears to zero.',
  ],
};

/** Japan, registered for consumption tax (Xero's global edition, yen). */
export const JP: RegionalTemplate = {
  id: 'jp',
  name: 'Japan, consumption tax registered',
  edition: 'GLOBAL',
  country: 'JP',
  marketplaces: ['Amazon.co.jp'],
  rows: [
    ['Sales', '201', 'OUTPUT'],
    ['Refunds', '202', 'OUTPUT'],
    ['Promotions', '203', 'OUTPUT'],
    ['Tax on sales', '201', 'OUTPUT'],
    ['Tax on refunds', '202', 'OUTPUT'],
    ['Reimbursements', '205', 'NONE'],
    ['Seller fees', '405', 'INPUT'],
    ['FBA fees', '406', 'INPUT'],
    ['Storage', '407', 'INPUT'],
    ['Advertising', '408', 'INPUT'],
    ['Tax on fees', '408', 'INPUT'],
    ['Postage', '425', 'INPUT'],
    ...balanceSheetRows('NONE'),
  ],
  notes: [
    'Xero has no Japanese edition: a Japanese organisation uses the global edition, whose "Tax on Sales" (OUTPUT) and "Tax on Purchases" (INPUT) start at 0% (help.xero.com/us/Tax-SetDefaults): set them to 10% (and add the 8% reduced rate as TAX001 rows where you sell food).',
    'Amounts are in yen, which has no decimals. Fees are set to "Tax on Purchases": Amazon Japan charges consumption tax on them. Neither A2X nor Link My Books documents a Japanese setup in the sources here: these rows are unconfirmed.',
  ],
};
