/**
 * How each regional template treats tax, and why, with the public help pages it follows (A2X, Link
 * My Books, Amazon, Xero); where a fact could not be confirmed, the note says so. Kept apart from
 * the templates' rows so the add-on's bundle (parsed on every server call) does not carry them: the
 * command line (`templates NAME`) and the README show them.
 */

const A2X_AU = 'A2X, "Enable advanced mapping rules in A2X for Amazon for UK VAT, OSS/IOSS and AU GST registered sellers" (support.a2xaccounting.com/en/articles/6333427)';
const A2X_AUG = 'A2X, "Amazon VAT changes for UK/EU sellers from 1 August 2024" (support.a2xaccounting.com/en/articles/9566245) and its September 2024 update (…/9950320)';
const A2X_GB = 'A2X, "New Tax Mapping for Amazon GB Domestic Transactions" (support.a2xaccounting.com/en/articles/10113318): FBA fees for orders shipped GB to GB carry 20%, from or to elsewhere 0% ("Zero-Rated Expenses")';
const A2X_INCLUDE = 'A2X, "Mapping in A2X to include or exclude transactions from your tax module" (support.a2xaccounting.com/en/articles/6152850): including sales and tax in the tax module is recommended for countries with one rate (UK, EU, NZ, AU)';
const A2X_MFT = 'A2X, "What is Marketplace Facilitator Tax and how do I account for it?" (support.a2xaccounting.com/articles/1496593)';
const A2X_TAX_MODULE = 'A2X, "Mapping in A2X to include or exclude transactions from your tax module" (support.a2xaccounting.com/en/articles/6152850): excluding is recommended for US and Canadian sellers';
const A2X_UK = 'A2X, "VAT Mapping for UK VAT Registered users" (support.a2xaccounting.com/en/articles/6150217)';
const A2X_VCS = 'A2X, "VAT on sales and the Amazon VAT calculation service" (support.a2xaccounting.com/a2x-and-vat/vat-on-sales-and-the-amazon-calculation-service): code the Sales and the Tax line to the sales account, both at 20% inclusive';
const AMAZON_AU = 'Amazon, "Australia Goods and Services Tax (GST)" (sellercentral-europe.amazon.com/gp/help/external/help.html?itemID=202146000): "GST registered sellers will not have a GST charge of 10% applied on their Selling on Amazon fees"; Amazon collects 10% on them from sellers who are not registered';
const LMB_AU = 'Link My Books, "Amazon account and tax rate mappings for Australian businesses" (help.linkmybooks.com/en/articles/8101515): "Amazon Sales Tax (only for US sales tax collected and withheld)"';
const LMB_EU = 'Link My Books, "How Link My Books calculates VAT on European Amazon seller accounts" (help.linkmybooks.com/en/articles/3966260): "Sales shipped to UK - Marketplace Responsible for VAT" is its own group';
const LMB_UK = 'Link My Books, "Amazon account and tax rate mappings for UK VAT registered businesses" (help.linkmybooks.com/en/articles/8100221)';
const LMB_NORTH_AMERICA = `${LMB_UK}: "Amazon Sales Tax (North American accounts only) — Current Liability"`;
const LMB_MARKETPLACE_VAT = 'Link My Books, "Setting up UK VAT tax rate mappings across sales channels" (help.linkmybooks.com/en/articles/12496823): "Marketplace responsible VAT → sales recorded as zero-rated (since the VAT has already been remitted by the platform)"';
const LMB_WIZARD = 'Link My Books, "Updated Tax Jurisdiction Grouping Wizard" (help.linkmybooks.com/en/articles/5253402): "Sales delivered to EU customers, from Great Britain, should now be Zero Rated for UK VAT"';
const LMB_UK_NON = 'Link My Books, "Amazon account and tax rate mappings for UK Non-VAT registered businesses" (help.linkmybooks.com/en/articles/8100521)';
const LMB_US = 'Link My Books, "Amazon account and tax rate mappings for US businesses" (help.linkmybooks.com/en/articles/8101365)';
const XERO_GLOBAL = 'Xero, "Default tax rates in Xero" (help.xero.com/us/Tax-SetDefaults): Tax on Sales (OUTPUT), Tax on Purchases (INPUT), Tax Exempt (NONE), all 0% until you set them; Canadian organisations add their own rates (help.xero.com/int/SalesTax-Canada)';
const XERO_NZ = "the tax rates of Xero's own GET /TaxRates example in its OpenAPI spec (an NZ organisation: 15% GST on Income OUTPUT2, 15% GST on Expenses INPUT2, No GST NONE, Zero Rated ZERORATED, GST on Imports GSTONIMPORTS)";

/** The notes of each template, by id. */
export const TEMPLATE_NOTES: Readonly<Record<string, readonly string[]>> = {
  us: [
    `Tax Amazon collects as marketplace facilitator comes with a withheld line of the same amount in the same order; both go to the "Marketplace facilitator tax" clearing account and net to zero (${A2X_MFT}; ${LMB_US}).`,
    `Sales and fees carry no tax rate ("NONE"): Amazon, not the seller, files that sales tax (${A2X_TAX_MODULE}).`,
    'Tax on sales that no withheld line cancels is kept apart in a liability ("Tax on sales", 2160) for you to report where you collected it yourself. Since every US state with a sales tax has a marketplace facilitator law this is rare (usually the withheld line is in another settlement): the preview says so when it appears.',
    'The sales of orders whose tax Amazon remits ("Sales, tax remitted by Amazon", and its refunds and promotions) have the same account and tax type as Sales here, so they post as Sales: a US document is the same with or without them.',
  ],
  'ca-gst': [
    `GST/HST that Amazon.ca's tax collection service charges buyers and pays to you (a Tax line with no withheld line) is yours to report: it goes to the "Tax on sales" liability (2160), from which you file your GST/HST return, as both market tools do for North American accounts (${LMB_NORTH_AMERICA}; ${A2X_TAX_MODULE}). Tax Amazon remits itself (provincial tax where it is the facilitator, and GST/HST of sellers who are not registered) comes with a withheld line and clears to zero.`,
    'One order can carry both: a Tax line partly cancelled by a withheld line (e.g. GST you owe plus PST Amazon remits) is split, the withheld part to the clearing account and the rest to your liability. Whether Amazon.ca writes such an order as one Tax line or two was not confirmed from a real file: both are handled.',
    `Amazon.ca charges GST/HST (and in some provinces PST/QST) on its fees depending on your province (Link My Books, "Dealing with Canadian GST/HST/PST/QST on Amazon fees", help.linkmybooks.com/en/articles/7936247). Fees carry "Tax on Purchases" (INPUT): set its rate to your province's recoverable rate in Xero. Where the file states the tax on a fee (advertising: -150.74 with tax -18.09 in a real file), the document carries that exact figure as the line's TaxAmount. When that figure is clearly more than the rate gives (12%, GST plus British Columbia's PST, against INPUT at 5%), the preview warns, naming the line: Xero would put the PST you cannot claim back on your GST/HST return. Create a rate for the combined tax, or send "Tax on fees" to no tax and claim the GST yourself, as your accountant advises.`,
    `Xero's Canadian organisations use the global edition's codes (${XERO_GLOBAL}); a province-specific rate you created (TAX001…) can replace INPUT in any row.`,
  ],
  ca: [
    'Since 1 July 2021 Amazon.ca collects and remits GST/HST on sales of sellers who are not registered; those Tax lines come with withheld lines and clear to zero. Any Tax line that nothing cancels goes to the "Tax on sales" liability (2160) for you to look at: a seller who is not registered should not be collecting tax.',
    'Tax Amazon charges on your fees cannot be claimed back without a registration: it stays part of the fee (no tax rate, "NONE").',
    `Codes: ${XERO_GLOBAL}.`,
  ],
  'uk-vat': [
    `VAT you charge on Amazon.co.uk sales (a Tax line with no withheld line) is coded to the sales account with "20% (VAT on Income)" (OUTPUT2), like the sale itself, so Xero's VAT return gets both the sale and its VAT (${A2X_VCS}; ${A2X_UK}). SettleSheet states the VAT Amazon calculated as the line's TaxAmount, so Xero records that figure instead of re-computing 1/6 of the line.`,
    `VAT Amazon remits as deemed supplier (goods under £135 from overseas, sales into the EU) comes with a MarketplaceFacilitatorVAT line and clears to zero (${LMB_EU}). The sale itself, its refund and its promotions go to "Sales, tax remitted by Amazon" (and "Refunds…", "Promotions…"), coded "Zero Rated Income" (ZERORATEDOUTPUT), so Xero computes no output VAT on them (${LMB_MARKETPLACE_VAT}). An order of which you owe any part of the VAT keeps the 20% rate.`,
    `Sales, refunds and promotions on the EU marketplaces (Amazon.de, .fr, .it, .es, .nl, .se, .pl, .com.be) are zero-rated for UK VAT (${LMB_WIZARD}); VAT you owe there (a Tax line with no withheld line) is another country's and goes to the "Tax on sales" liability (2160), off the UK return. Sales dispatched from stock in the EU are outside the scope of UK VAT rather than zero-rated: if you ship from EU stock, change those rows to "No VAT" (NONE).`,
    `Amazon's seller, FBA and storage fees were billed from Luxembourg under the reverse charge until 31 July 2024 ("Reverse Charge Expenses", REVERSECHARGES) and from the UK with 20% VAT from 1 August 2024 ("20% (VAT on Expenses)", INPUT2); UK advertising was always 20%, EU advertising reverse charge (${A2X_AUG}).`,
    `Since August 2024 FBA fees for orders shipped from or to outside GB are zero-rated (${A2X_GB}); the template has a zero-rated row for each EU marketplace's FBA fees. A settlement cannot tell GB-to-GB orders on Amazon.co.uk from others: check Amazon's VAT invoices if you ship abroad from GB.`,
    `The reimbursement category (lost or damaged stock) carries no VAT rate ("NONE"), as compensation usually falls outside VAT; neither market tool's page found here says how they code it, so this is unconfirmed. Postage bought through Buy Shipping is set VAT exempt ("Exempt Expenses", true of Royal Mail; other carriers charge 20%): not confirmed from a real settlement.`,
  ],
  uk: [
    `Without a VAT registration nothing goes on a VAT return: every line carries "No VAT" (NONE), fees include the VAT Amazon charged you as part of their cost (${LMB_UK_NON}).`,
    'Deemed-supplier VAT Amazon remits still clears to zero; a Tax line nothing cancels goes to the "Tax on sales" liability (2160) for you to look at.',
  ],
  'eu-vat': [
    `VAT you charge (a Tax line with no withheld line) is coded with the sale at your country's standard rate: Xero's global edition calls it "Tax on Sales" (OUTPUT); set its rate in Xero (help.xero.com/us/Tax-SetDefaults) and add reduced or OSS rates (TAX001…) as rows for the marketplaces that need them (${A2X_VCS}). Deemed-supplier VAT Amazon remits clears to zero, and the sales whose VAT it remits ("Sales, tax remitted by Amazon") carry "Tax Exempt" (NONE): none of that VAT is yours (as ${LMB_MARKETPLACE_VAT.split(':')[0]} does for the UK; no page found here says which code an EU seller's Xero should use).`,
    `Fees were reverse-charged from Luxembourg until 31 July 2024 (no VAT on the document: account for the reverse charge with your own rate) and carry local VAT for businesses established in Germany, France, Italy, Spain, the Netherlands, Poland, Belgium and Sweden from 1 August 2024 (${A2X_AUG}).`,
    'Advertising and postage are set to "Tax on Purchases" (INPUT): how Amazon Ads bills an EU seller was not confirmed from the sources here; check your invoices.',
  ],
  'au-gst': [
    `Sales, refunds and promotions carry "GST on Income" (OUTPUT): Amazon.com.au prices include GST, so Xero backs 1/11 out of each line; where the file states the GST (a Tax line with no withheld line) the document carries that figure as the line's tax (${A2X_INCLUDE}; ${A2X_AU}).`,
    `Seller, FBA and storage fees are "GST Free Expenses" (EXEMPTEXPENSES): ${AMAZON_AU}.`,
    `GST Amazon collects on low-value imported goods comes with LowValueGoodsTax withheld lines and clears to zero; only US sales tax goes to a sales-tax account in the market tools' Australian setup (${LMB_AU}). The sale whose GST Amazon remits goes to "Sales, tax remitted by Amazon", coded "GST Free Income" (EXEMPTOUTPUT), so Xero backs no GST out of it; no Australian page found here names the code (the UK principle is ${LMB_MARKETPLACE_VAT}).`,
    'Advertising and postage carry "GST on Expenses" (INPUT), and reimbursements "GST on Income" (OUTPUT): neither was confirmed from the sources here; check your Amazon invoices and your accountant.',
  ],
  au: [
    `Nothing goes on a BAS: every line is "BAS Excluded". Amazon charges 10% GST on the fees of sellers who are not registered; it is part of the fee (${AMAZON_AU}).`,
  ],
  'nz-gst': [
    `Codes are ${XERO_NZ}.`,
    "Amazon has no New Zealand marketplace: sales on Amazon.com.au or Amazon.com are exports, set \"Zero Rated\" so they appear on the GST return. Fees from Amazon's overseas entities carry \"No GST\". Neither treatment was confirmed from an A2X or Link My Books page (their New Zealand pages were not among the sources here): check with your accountant.",
    'GST Amazon collects on low-value goods comes with withheld lines and clears to zero. Tax an Amazon.com.au file states for you is Australian GST, not New Zealand GST: it goes to the "Tax on sales" liability (2160), off the GST return.',
  ],
  jp: [
    'Xero has no Japanese edition: a Japanese organisation uses the global edition, whose "Tax on Sales" (OUTPUT) and "Tax on Purchases" (INPUT) start at 0% (help.xero.com/us/Tax-SetDefaults): set them to 10% (and add the 8% reduced rate as TAX001 rows where you sell food).',
    'Amounts are in yen, which has no decimals. Fees are set to "Tax on Purchases": Amazon Japan charges consumption tax on them. Sales whose tax Amazon remits (with a withheld line) carry "Tax Exempt" (NONE). Neither A2X nor Link My Books documents a Japanese setup in the sources here: these rows are unconfirmed.',
  ],
};
