/**
 * North America: sales tax is not a VAT. Amazon is the marketplace facilitator in every US state
 * with a sales tax, and in Canada for sellers who are not GST/HST registered and for some
 * provincial taxes; GST/HST Amazon.ca's tax collection service passes to a registered seller is
 * the seller's to report. Both market tools keep North American sales tax out of the sales lines,
 * in a liability account.
 */
import { templateRows, untaxedRows, type RegionalTemplate } from './types';

/** United States: Amazon collects and remits; nothing reaches a tax return. */
export const US: RegionalTemplate = {
  id: 'us',
  name: 'United States',
  edition: 'US',
  country: 'US',
  marketplaces: ['Amazon.com', 'Amazon.com.mx'],
  rows: untaxedRows('NONE'),
};

/** Canada, registered for GST/HST: the tax Amazon passes on is the seller's liability. */
export const CA_GST: RegionalTemplate = {
  id: 'ca-gst',
  name: 'Canada, GST/HST registered',
  edition: 'GLOBAL',
  country: 'CA',
  marketplaces: ['Amazon.ca'],
  // Amazon.ca charges GST/HST on its fees (their amounts include it): claim it back.
  rows: templateRows({ sales: 'NONE', ownTax: 'liability', reimbursements: 'NONE', fees: 'INPUT', advertising: 'INPUT', postage: 'INPUT', none: 'NONE' }),
};

/** Canada, not registered: Amazon remits; tax on fees is a cost. */
export const CA: RegionalTemplate = {
  id: 'ca',
  name: 'Canada, not registered for GST/HST',
  edition: 'GLOBAL',
  country: 'CA',
  marketplaces: [],
  rows: untaxedRows('NONE'),
};
