/**
 * Australia, New Zealand and Japan: GST and consumption tax, each one rate per country, so a
 * registered seller's tax belongs in the sales lines (the market tools "include" them in the tax
 * module there). Amazon remits GST on low-value imported goods itself.
 */
import { templateRows, untaxedRows, type RegionalTemplate } from './types';

/** Australia, registered for GST (with an ABN given to Amazon). */
export const AU_GST: RegionalTemplate = {
  id: 'au-gst',
  name: 'Australia, GST registered',
  edition: 'AU',
  country: 'AU',
  marketplaces: ['Amazon.com.au'],
  // No GST is charged on Selling on Amazon fees once Amazon has your ABN.
  // Sales whose low-value goods GST Amazon remits: "GST Free Income", no GST of the seller's.
  rows: templateRows({ sales: 'OUTPUT', remitted: 'EXEMPTOUTPUT', ownTax: 'sales', reimbursements: 'OUTPUT', fees: 'EXEMPTEXPENSES', advertising: 'INPUT', postage: 'INPUT', none: 'BASEXCLUDED' }),
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
  // Goods sold abroad: exports are zero-rated in New Zealand. Tax an Amazon.com.au file states is
  // Australian, not New Zealand GST: it is kept apart in a liability.
  rows: templateRows({ sales: 'ZERORATED', ownTax: 'liability', reimbursements: 'NONE', fees: 'NONE', advertising: 'NONE', postage: 'INPUT2', none: 'NONE' }),
};

/** Japan, registered for consumption tax (Xero's global edition, yen). */
export const JP: RegionalTemplate = {
  id: 'jp',
  name: 'Japan, consumption tax registered',
  edition: 'GLOBAL',
  country: 'JP',
  marketplaces: ['Amazon.co.jp'],
  rows: templateRows({ sales: 'OUTPUT', remitted: 'NONE', ownTax: 'sales', reimbursements: 'NONE', fees: 'INPUT', advertising: 'INPUT', postage: 'INPUT', none: 'NONE' }),
};
