/**
 * Australia, New Zealand and Japan: GST and consumption tax, each one rate per country, so a
 * registered seller's tax belongs in the sales lines (the market tools "include" them in the tax
 * module there). Amazon remits GST on low-value imported goods itself.
 */
import { balanceSheetRows, untaxedRows, type RegionalTemplate } from './types';

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
};

/** Australia, not registered for GST. */
export const AU: RegionalTemplate = {
  id: 'au',
  name: 'Australia, not registered for GST',
  edition: 'AU',
  country: 'AU',
  marketplaces: [],
  rows: untaxedRows('BASEXCLUDED'),
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
};
