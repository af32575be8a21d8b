/**
 * North America: sales tax is not a VAT. Amazon is the marketplace facilitator in every US state
 * with a sales tax, and in Canada for sellers who are not GST/HST registered and for some
 * provincial taxes; GST/HST Amazon.ca's tax collection service passes to a registered seller is
 * the seller's to report. Both market tools keep North American sales tax out of the sales lines,
 * in a liability account.
 */
import { balanceSheetRows, untaxedRows, type RegionalTemplate } from './types';

const LMB_US = 'Link My Books, "Amazon account and tax rate mappings for US businesses" (help.linkmybooks.com/en/articles/8101365)';
const A2X_MFT = 'A2X, "What is Marketplace Facilitator Tax and how do I account for it?" (support.a2xaccounting.com/articles/1496593)';
const A2X_TAX_MODULE = 'A2X, "Mapping in A2X to include or exclude transactions from your tax module" (support.a2xaccounting.com/en/articles/6152850): excluding is recommended for US and Canadian sellers';
const LMB_UK = 'Link My Books, "Amazon account and tax rate mappings for UK VAT registered businesses" (help.linkmybooks.com/en/articles/8100221): "Amazon Sales Tax (North American accounts only) — Current Liability"';
const XERO_GLOBAL = 'Xero, "Default tax rates in Xero" (help.xero.com/us/Tax-SetDefaults): Tax on Sales (OUTPUT), Tax on Purchases (INPUT), Tax Exempt (NONE), all 0% until you set them; Canadian organisations add their own rates (help.xero.com/int/SalesTax-Canada)';

/** United States: Amazon collects and remits; nothing reaches a tax return. */
export const US: RegionalTemplate = {
  id: 'us',
  name: 'United States',
  edition: 'US',
  country: 'US',
  marketplaces: ['Amazon.com', 'Amazon.com.mx'],
  rows: untaxedRows('NONE'),
  notes: [
    `Tax Amazon collects as marketplace facilitator comes with a withheld line of the same amount in the same order; both go to the "Marketplace facilitator tax" clearing account and net to zero (${A2X_MFT}; ${LMB_US}).`,
    `Sales and fees carry no tax rate ("NONE"): Amazon, not the seller, files that sales tax (${A2X_TAX_MODULE}).`,
    'Tax on sales that no withheld line cancels is kept apart in a liability ("Tax on sales", 2160) for you to report where you collected it yourself. Since every US state with a sales tax has a marketplace facilitator law this is rare: check it when it appears.',
  ],
};

/** Canada, registered for GST/HST: the tax Amazon passes on is the seller's liability. */
export const CA_GST: RegionalTemplate = {
  id: 'ca-gst',
  name: 'Canada, GST/HST registered',
  edition: 'GLOBAL',
  country: 'CA',
  marketplaces: ['Amazon.ca'],
  rows: [
    ['Sales', '201', 'NONE'],
    ['Refunds', '202', 'NONE'],
    ['Promotions', '203', 'NONE'],
    ['Reimbursements', '205', 'NONE'],
    // Amazon.ca charges GST/HST on its fees (their amounts include it): claim it back.
    ['Seller fees', '405', 'INPUT'],
    ['FBA fees', '406', 'INPUT'],
    ['Storage', '407', 'INPUT'],
    ['Postage', '425', 'INPUT'],
    ['Advertising', '408', 'INPUT'],
    ['Tax on sales', '2160', 'NONE'],
    ['Tax on refunds', '2160', 'NONE'],
    // Stated on the advertising line as its tax (the file gives the figure: V1 ServiceFee TaxAmount).
    ['Tax on fees', '408', 'INPUT'],
    ...balanceSheetRows('NONE'),
  ],
  notes: [
    `GST/HST that Amazon.ca's tax collection service charges buyers and pays to you (a Tax line with no withheld line) is yours to report: it goes to the "Tax on sales" liability (2160), from which you file your GST/HST return, as both market tools do for North American accounts (${LMB_UK}; ${A2X_TAX_MODULE}). Tax Amazon remits itself (provincial tax where it is the facilitator, and GST/HST of sellers who are not registered) comes with a withheld line and clears to zero.`,
    'One order can carry both: a Tax line partly cancelled by a withheld line (e.g. GST you owe plus PST Amazon remits) is split, the withheld part to the clearing account and the rest to your liability. Whether Amazon.ca writes such an order as one Tax line or two was not confirmed from a real file: both are handled.',
    `Amazon.ca charges GST/HST (and in some provinces PST/QST) on its fees depending on your province (Link My Books, "Dealing with Canadian GST/HST/PST/QST on Amazon fees", help.linkmybooks.com/en/articles/7936247). Fees carry "Tax on Purchases" (INPUT): set its rate to your province's recoverable rate in Xero. Where the file states the tax on a fee (advertising: -150.74 with tax -18.09 in a real file), the document carries that exact figure as the line's TaxAmount.`,
    `Xero's Canadian organisations use the global edition's codes (${XERO_GLOBAL}); a province-specific rate you created (TAX001…) can replace INPUT in any row.`,
  ],
};

/** Canada, not registered: Amazon remits; tax on fees is a cost. */
export const CA: RegionalTemplate = {
  id: 'ca',
  name: 'Canada, not registered for GST/HST',
  edition: 'GLOBAL',
  country: 'CA',
  marketplaces: [],
  rows: untaxedRows('NONE'),
  notes: [
    'Since 1 July 2021 Amazon.ca collects and remits GST/HST on sales of sellers who are not registered; those Tax lines come with withheld lines and clear to zero. Any Tax line that nothing cancels goes to the "Tax on sales" liability (2160) for you to look at: a seller who is not registered should not be collecting tax.',
    'Tax Amazon charges on your fees cannot be claimed back without a registration: it stays part of the fee (no tax rate, "NONE").',
    `Codes: ${XERO_GLOBAL}.`,
  ],
};
