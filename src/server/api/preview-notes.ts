/**
 * What the preview says besides problems: worth knowing, not blocking. Lines posted outside the
 * settlement's period and where they went, how month parts are approved, the exchange rate of a
 * foreign settlement, and which regional template the settlement's marketplace suggests while
 * none is chosen.
 */
import type { SettingsDto } from '../../api/types';
import type { Conversion } from '../../core/exchange';
import { FALLBACK_TEMPLATE, findTemplate, templateForMarketplaces } from '../../core/mapping/templates';
import { formatAmount } from '../../core/money';
import type { SettlementSummary } from '../../core/summary/types';
import type { PlannedDocument } from '../../core/xero/documents';
import { count } from '../../core/words';

/** The notes for a computed settlement and the documents Post would send. */
export function previewNotes(summary: SettlementSummary, documents: readonly PlannedDocument[], settings: SettingsDto, conversion: Conversion | undefined): string[] {
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
  const carries = documents.filter((d) => d.invoice.Status === 'AUTHORISED' && d !== documents[documents.length - 1] && summary.split === 'carry');
  if (carries.length > 0 && settings.documentStatus !== 'AUTHORISED') {
    const last = documents[documents.length - 1]!;
    notes.push(
      `${carries.map((d) => d.part).join(', ')} ${carries.length === 1 ? 'carries its' : 'carry their'} net forward and total${carries.length === 1 ? 's' : ''} zero: ` +
        `${carries.length === 1 ? 'it is' : 'they are'} created approved (AUTHORISED), as A2X and Link My Books do, so that month's sales and fees are in your reports. ` +
        `${last.invoice.InvoiceNumber}, which carries the deposit, is created as ${last.invoice.Status} for your review.`,
    );
  }
  if (conversion) {
    const base = (m: number) => `${formatAmount(m, conversion.baseDecimals)} ${conversion.baseCurrency}`;
    notes.push(
      `Every document uses one exchange rate, ${conversion.rate} ${header.currency} per ${conversion.baseCurrency}, from the deposit of ${base(conversion.deposit)}` +
        (conversion.converted === conversion.deposit
          ? '.'
          : `: no rate of 6 decimals converts the total exactly (it gives ${base(conversion.converted)}); Xero records the ${base(conversion.deposit - conversion.converted)} difference as a currency gain or loss when you match the deposit.`),
    );
  }
  if (settings.template === '') {
    const suggested = templateForMarketplaces(summary.marketplaces);
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
