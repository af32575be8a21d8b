/**
 * A warning, not a refusal: a line whose stated tax is clearly more than its tax rate gives. Amazon
 * states the whole tax it charged on a fee (a real Amazon.ca file: advertising −410.23 with
 * −49.23 of tax, 12%: GST 5% plus British Columbia's PST 7%), while "Tax on Purchases" is set to
 * the recoverable rate. Xero records the stated figure, so the provincial tax, which the seller
 * cannot claim back, would land on the GST/HST return (Link My Books, "Dealing with Canadian
 * GST/HST/PST/QST on Amazon fees", help.linkmybooks.com/en/articles/7936247). Only the person
 * knows the fix for their province, so the preview names the line and the choices.
 */
import { codeWithName } from '../core/mapping/tables';
import type { PlannedDocument } from '../core/xero/documents';
import type { ReferenceData } from './reference-data';

// A stated rate this many percentage points above the organisation's is not cents of rounding.
const MARGIN_POINTS = 1;
// …nor is an excess of less than this much money (a cent of rounding on a small fee).
const MARGIN_AMOUNT = 0.05;

/** Notes for the lines whose stated tax implies a rate clearly above their tax type's rate in the organisation. */
export function statedTaxAboveRateNotes(documents: readonly PlannedDocument[], reference: ReferenceData): string[] {
  const notes: string[] = [];
  for (const document of documents) {
    for (const item of document.invoice.LineItems) {
      if (item.TaxAmount === undefined || item.TaxAmount === 0) continue;
      const rate = reference.taxRates.find((t) => t.taxType.toUpperCase() === item.TaxType.toUpperCase());
      const percent = rate ? Number(rate.rate) : NaN;
      // A 0% rate with stated tax is refused elsewhere (tax-and-rate-checks.ts).
      if (!rate || !(percent > 0)) continue;
      // Amounts are tax inclusive: the net is the line less its tax.
      const net = item.LineAmount - item.TaxAmount;
      if (net === 0 || Math.sign(net) !== Math.sign(item.TaxAmount)) continue;
      const implied = (item.TaxAmount / net) * 100;
      const excess = Math.abs(item.TaxAmount) - Math.abs((net * percent) / 100);
      if (implied - percent <= MARGIN_POINTS || excess < MARGIN_AMOUNT) continue;
      const name = item.Description.split(',')[0];
      notes.push(
        `${document.invoice.InvoiceNumber}, line "${name}" (account ${item.AccountCode}): Amazon states ${item.TaxAmount.toFixed(2)} of tax on ${net.toFixed(2)}, ` +
          `about ${implied.toFixed(1)}%, but ${codeWithName(rate.taxType, rate.name)} is ${rate.rate}% in ${reference.organisationName}. ` +
          'Xero records all of it under that rate on your return. If part of it cannot be claimed back (provincial sales tax such as PST in British Columbia), ' +
          'in the Accounts tab send this category to a tax rate you created for the combined rate, or to no tax (and claim the recoverable part yourself); ask your accountant which.',
      );
    }
  }
  return notes;
}
