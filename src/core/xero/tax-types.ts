/**
 * Which Xero tax types put no tax on a document line, whatever the organisation. A line that
 * carries tax the settlement states (a seller's VAT, GST on a fee) states it as the line's
 * TaxAmount only when its tax type carries tax; on these codes the tax is simply part of the
 * amount (a seller outside the tax pays it as part of the cost). A code not listed here (OUTPUT2,
 * INPUT, TAX001…) is taken to carry tax: the preview checks the organisation's actual rate and
 * says so when one of them is 0%.
 */

// Xero's standard no-tax and zero-rated codes across editions (TaxType enum of the OpenAPI spec).
const NO_TAX = new Set([
  'NONE', 'BASEXCLUDED', 'EXEMPTOUTPUT', 'EXEMPTINPUT', 'EXEMPTEXPENSES', 'EXEMPTCAPITAL', 'EXEMPTEXPORT',
  'ZERORATED', 'ZERORATEDINPUT', 'ZERORATEDOUTPUT', 'ECZRINPUT', 'ECZROUTPUT', 'ECZROUTPUTSERVICES',
  'GSTONIMPORTS', 'GSTONCAPIMPORTS', 'INPUTTAXED',
  // The reverse charge is accounted on the return, not on the supplier's document.
  'REVERSECHARGES',
]);

/** True unless the tax type is one that never puts tax on a line. */
export function carriesTax(taxType: string): boolean {
  return !NO_TAX.has(taxType.trim().toUpperCase());
}
