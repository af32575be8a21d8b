/**
 * What the preview says besides problems: worth knowing, not blocking. Lines posted outside the
 * settlement's period and where they went, the exchange rate of a foreign settlement, and which
 * regional template the settlement's marketplace suggests while none is chosen. (How a carried
 * month is approved is said with that month, in the parts: one voice for one fact.)
 */
import type { SettingsDto } from '../../api/types';
import type { Conversion } from '../../core/exchange';
import { FALLBACK_TEMPLATE, findTemplate, templateForMarketplaces } from '../../core/mapping/templates';
import { formatAmount } from '../../core/money';
import type { SettlementSummary } from '../../core/summary/types';
import { count } from '../../core/words';

/** The notes for a computed settlement. */
export function previewNotes(summary: SettlementSummary, settings: SettingsDto, conversion: Conversion | undefined): string[] {
  const { header } = summary;
  const money = (m: number) => `${formatAmount(m, header.decimals)} ${header.currency}`;
  const notes: string[] = [];
  for (const o of summary.outsidePeriod) {
    const when = o.first === o.last ? o.first : `${o.first} to ${o.last}`;
    notes.push(
      `${count(o.rows, 'line')} (${money(o.amount)}) ${o.rows === 1 ? 'was' : 'were'} posted ${o.side} the settlement's period (${when}). ` +
        `${o.rows === 1 ? 'It is' : 'They are'} posted in part ${o.part}, so no document is dated outside the settlement.`,
    );
  }
  if (conversion) {
    const base = (m: number) => `${formatAmount(m, conversion.baseDecimals)} ${conversion.baseCurrency}`;
    const from = conversion.deposit < 0 ? `the ${base(-conversion.deposit)} Amazon took from your card` : `the deposit of ${base(conversion.deposit)}`;
    notes.push(
      `Every document uses one exchange rate, ${conversion.rate} ${header.currency} per ${conversion.baseCurrency}, from ${from}` +
        (conversion.converted === conversion.deposit
          ? '.'
          : `: no rate of 6 decimals converts the total exactly (it gives ${base(conversion.converted)}); Xero records the ${base(conversion.deposit - conversion.converted)} difference as a currency gain or loss when you match the deposit.`),
    );
  }
  if (settings.template === '') {
    const suggested = templateForMarketplaces(summary.marketplaces, header.currency);
    if (suggested !== FALLBACK_TEMPLATE) {
      notes.push(
        `This settlement is from ${summary.marketplaces[0]}. Choose where you sell and how you are registered in Settings (e.g. "${suggested.name}") ` +
          'so the Accounts tab gets that region\'s accounts and tax rates; until then it holds the US rows.',
      );
    }
  } else if (!findTemplate(settings.template)) {
    notes.push(`The template "${settings.template}" chosen in Settings is not one SettleSheet knows any more: choose one again.`);
  }
  return notes;
}
