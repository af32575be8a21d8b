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
import { currencyDecimals, formatAmount, parseAmount, type Minor } from '../core/money';
import type { PlannedDocument } from '../core/xero/documents';
import type { ReferenceData } from './reference-data';

// A stated rate this many percentage points above the organisation's is not cents of rounding.
const MARGIN_POINTS = 1n;
// …nor is an excess of less than this much money (a cent of rounding on a small fee): 0.05 in
// currencies with cents, one unit in those without.
const MARGIN_HUNDREDTHS = 5n;
// Rates are compared in millionths of a percent: Xero gives them as decimals such as "12.5000".
const RATE_SCALE = 1_000_000n;

/** Notes for the lines whose stated tax implies a rate clearly above their tax type's rate in the organisation. */
export function statedTaxAboveRateNotes(documents: readonly PlannedDocument[], reference: ReferenceData): string[] {
  const notes: string[] = [];
  for (const document of documents) {
    const decimals = currencyDecimals(document.invoice.CurrencyCode);
    const minor = (n: number) => parseAmount(String(n), decimals);
    for (const item of document.invoice.LineItems) {
      if (item.TaxAmount === undefined || item.TaxAmount === 0) continue;
      const rate = reference.taxRates.find((t) => t.taxType.toUpperCase() === item.TaxType.toUpperCase());
      const rateScaled = rate ? scaledRate(rate.rate) : undefined;
      // A 0% rate with stated tax is refused elsewhere (tax-and-rate-checks.ts).
      if (!rate || rateScaled === undefined || rateScaled <= 0n) continue;
      const line = minor(item.LineAmount);
      const tax = minor(item.TaxAmount);
      if (typeof line !== 'number' || typeof tax !== 'number') continue;
      // Amounts are tax inclusive: the net is the line less its tax.
      const net = line - tax;
      if (net === 0 || Math.sign(net) !== Math.sign(tax)) continue;
      const taxAbs = BigInt(Math.abs(tax));
      const netAbs = BigInt(Math.abs(net));
      // tax / net > rate + margin, and tax − net × rate is at least the money margin, in integers.
      const clearlyAboveRate = taxAbs * 100n * RATE_SCALE > (rateScaled + MARGIN_POINTS * RATE_SCALE) * netAbs;
      const excessScaled = taxAbs * 100n * RATE_SCALE - rateScaled * netAbs;
      const marginScaled = (decimals >= 2 ? MARGIN_HUNDREDTHS * 10n ** BigInt(decimals - 2) : 1n) * 100n * RATE_SCALE;
      if (!clearlyAboveRate || excessScaled < marginScaled) continue;
      const implied = Number((taxAbs * 1000n * 100n) / netAbs) / 1000;
      const name = item.Description.split(',')[0];
      notes.push(
        `${document.invoice.InvoiceNumber}, line "${name}" (account ${item.AccountCode}): Amazon states ${formatAmount(tax as Minor, decimals)} of tax on ${formatAmount(net as Minor, decimals)}, ` +
          `about ${implied.toFixed(1)}%, but ${codeWithName(rate.taxType, rate.name)} is ${rate.rate}% in ${reference.organisationName}. ` +
          'Xero records all of it under that rate on your return. If part of it cannot be claimed back (provincial sales tax such as PST in British Columbia), ' +
          'in the Accounts tab send this category to a tax rate you created for the combined rate, or to no tax (and claim the recoverable part yourself); ask your accountant which.',
      );
    }
  }
  return notes;
}

/** A rate such as "12.5000" in millionths of a percent; undefined when it is not a plain decimal. */
function scaledRate(text: string): bigint | undefined {
  const match = /^\s*(\d+)(?:\.(\d{0,6})\d*)?\s*$/.exec(text);
  if (!match) return undefined;
  return BigInt(match[1]!) * RATE_SCALE + BigInt((match[2] ?? '').padEnd(6, '0'));
}
