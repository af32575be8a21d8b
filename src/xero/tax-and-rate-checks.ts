/**
 * Two checks of a settlement's documents that need the organisation's settings: a line that
 * states its tax must use a tax rate that carries tax there (a custom TAX00x rate can be 0%, and
 * Xero's global edition starts Tax on Sales/Purchases at 0%), and a settlement in a foreign
 * currency posted as several documents must carry one CurrencyRate on all of them (otherwise Xero
 * converts each at its own date's rate and the month carry never clears in base currency).
 */
import { codeWithName } from '../core/mapping/tables';
import type { PlannedDocument } from '../core/xero/documents';
import type { ReferenceData } from './reference-data';

/** What these checks find, in words a person can act on; empty when the documents are fine. */
export function checkStatedTaxAndRates(documents: readonly PlannedDocument[], reference: ReferenceData): string[] {
  const problems = new Set<string>();
  const org = reference.organisationName;
  for (const item of documents.flatMap((d) => d.invoice.LineItems)) {
    if (!item.TaxAmount) continue;
    const rate = reference.taxRates.find((t) => t.taxType.toUpperCase() === item.TaxType.toUpperCase());
    if (rate && Number(rate.rate) === 0) {
      problems.add(
        `Amazon states tax on a line coded ${codeWithName(rate.taxType, rate.name)}, but that rate is 0% in ${org}, so Xero could not record it. ` +
          'Set the rate in Xero (Settings › Tax rates), choose a rate that carries tax in the Accounts tab, or send the "Tax on …" categories to a liability account there.',
      );
    }
  }
  const foreign = documents.filter((d) => d.invoice.CurrencyCode !== reference.baseCurrency);
  if (foreign.length > 1 && foreign.some((d) => d.invoice.CurrencyRate === undefined)) {
    const currency = foreign[0]!.invoice.CurrencyCode;
    // A negative settlement is money Amazon took from the seller's card, not a deposit.
    const taken = foreign.reduce((total, d) => total + d.total, 0) < 0;
    problems.add(
      `This settlement is in ${currency} and becomes ${foreign.length} documents; ${org} works in ${reference.baseCurrency}. ` +
        `Enter ${taken ? 'what Amazon took from your card' : 'the amount that reached your bank'} in ${reference.baseCurrency} (below), so every document uses one exchange rate and the carried-forward account clears in ${reference.baseCurrency}.`,
    );
  }
  return [...problems];
}
