/**
 * What the preview says besides problems: worth knowing, not blocking. Lines posted outside the
 * settlement's period and where they went, the exchange rate of a foreign settlement, tax the
 * seller owes under the US rows; and what stops a post while no region is chosen. (How a carried
 * month is approved is said with that month, in the parts: one voice for one fact.)
 */
import type { SettingsDto } from '../../api/types';
import type { Conversion } from '../../core/exchange';
import { FALLBACK_TEMPLATE, findTemplate, OWN_ACCOUNTS, templateForMarketplaces } from '../../core/mapping/templates';
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
  if (settings.template !== '' && settings.template !== OWN_ACCOUNTS && !findTemplate(settings.template)) {
    notes.push(`The template "${settings.template}" chosen in Settings is not one SettleSheet knows any more: choose one again.`);
  }
  const owed = usTaxOwedNote(summary, settings);
  if (owed) notes.push(owed);
  return notes;
}

/**
 * What stops a post while Settings has never said where the seller sells: the Accounts tab holds
 * the shipped US rows (no tax on anything), and a settlement whose marketplace (or currency)
 * suggests another region would reach Xero with none of that region's VAT or GST. Choosing the
 * region, or "keep my own Accounts rows" for a tab set up by hand, lifts it; nothing is rewritten
 * unasked.
 */
export function templateNotChosenProblem(summary: SettlementSummary, settings: SettingsDto): string | undefined {
  if (settings.template !== '') return undefined;
  const suggested = templateForMarketplaces(summary.marketplaces, summary.header.currency);
  if (suggested === FALLBACK_TEMPLATE) return undefined;
  const from = summary.marketplaces[0] ? `from ${summary.marketplaces[0]}` : `in ${summary.header.currency}`;
  return (
    `This settlement is ${from}, but Settings does not say yet where you sell and how you are registered, so the Accounts tab holds the shipped US rows, with no tax on anything: Xero would record none of your ${suggested.country === 'GB' || suggested.id === 'eu-vat' ? 'VAT' : 'tax'}. ` +
    `Open Settings and choose "${suggested.name}" (ticking "Replace the Accounts tab's rows"), or, if you set up the Accounts tab yourself, choose "My own Accounts rows".`
  );
}

/**
 * A note when the US rows meet tax the seller owes (a Tax line no withheld line cancels): in the
 * US Amazon remits sales tax in every state that has one, so this is usually a withheld line that
 * sits in another settlement, and the tax waits in the "Tax on sales" liability until it does.
 */
function usTaxOwedNote(summary: SettlementSummary, settings: SettingsDto): string | undefined {
  // Unchosen, the US rows apply; a settlement another region suggests is refused for that already.
  const template = settings.template === '' ? templateForMarketplaces(summary.marketplaces, summary.header.currency) : findTemplate(settings.template);
  if (template !== FALLBACK_TEMPLATE) return undefined;
  const sources = summary.parts.flatMap((p) => p.lines).flatMap((l) => l.sources).filter((s) => s.remittedBy === 'seller' && /^tax on (sales|refunds)$/i.test(s.category));
  if (sources.length === 0) return undefined;
  const amount = sources.reduce((t, s) => t + s.amount, 0);
  const rows = sources.reduce((t, s) => t + s.rows, 0);
  return (
    `${count(rows, 'tax line')} (${formatAmount(amount, summary.header.decimals)} ${summary.header.currency}) ${rows === 1 ? 'has' : 'have'} no withheld line in this settlement, so ${rows === 1 ? 'it goes' : 'they go'} to "Tax on sales" (a liability), not to the marketplace facilitator clearing account. ` +
    'In the US Amazon collects and remits sales tax itself: usually the withheld line is in another settlement. Check the order in Seller Central; if you collected this tax yourself, report it where you owe it.'
  );
}
