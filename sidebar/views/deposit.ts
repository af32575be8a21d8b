/**
 * A settlement in a currency other than the organisation's: the amount its deposit brought in
 * base currency (as the bank statement shows it), from which the one exchange rate every
 * document carries follows.
 */
import type { PreviewResult } from '../../src/api/types';
import type { SidebarContext } from '../context';
import { h, uid } from '../dom';
import { money } from '../format';
import { messageOf } from '../server';
import { notice } from './notice';

/** The deposit form of a foreign-currency settlement, or nothing for one in the base currency. */
export function depositView(ctx: SidebarContext, preview: PreviewResult, saved: () => Promise<void>): HTMLElement | null {
  const exchange = preview.exchange;
  if (!exchange) return null;
  const { settlementId, currency, total } = preview.settlement;
  const id = uid('deposit');
  const headingId = uid('deposit-heading');
  // A negative settlement is money Amazon took: asked for, and shown, as the amount that left the account.
  const taken = total.startsWith('-');
  const statement = taken ? 'card' : 'bank';
  const input = h('input', {
    id,
    type: 'text',
    inputmode: 'decimal',
    value: (exchange.deposit ?? '').replace(/^-/, ''),
    placeholder: `e.g. the ${exchange.baseCurrency} amount on your ${statement} statement`,
  });
  const save = h('button', { type: 'submit', class: 'small-button' }, exchange.rate ? 'Change' : 'Use this amount');
  const rate = exchange.rate
    ? h('p', { class: 'gray small' }, `Every document uses one rate, ${exchange.rate} ${currency} per ${exchange.baseCurrency}: ${money(total.replace(/^-/, ''), currency)} is ${money((exchange.converted ?? '').replace(/^-/, ''), exchange.baseCurrency)}.`)
    : h('p', { class: 'gray small' }, `From it SettleSheet works out the one exchange rate every document of this settlement uses, so ${taken ? 'the bill matches your card' : 'the invoice matches your bank deposit'} in Xero.`);
  return h(
    'form',
    {
      class: 'block deposit',
      'aria-labelledby': headingId,
      onsubmit: async (event) => {
        event.preventDefault();
        save.disabled = true;
        try {
          await ctx.call('saveDeposit', { settlementId, amount: input.value.trim() });
          ctx.notify(null);
          await saved();
        } catch (error) {
          ctx.notify(notice('error', messageOf(error)), { focus: true });
          save.disabled = false;
        }
      },
    },
    h('h3', { id: headingId }, `In ${exchange.baseCurrency}, your organisation's currency`),
    h('p', { class: 'small' }, `This settlement is in ${currency}; your organisation works in ${exchange.baseCurrency}.`),
    h('label', { for: id }, taken ? `What Amazon took from your card, in ${exchange.baseCurrency}` : `What reached your bank, in ${exchange.baseCurrency}`),
    h('div', { class: 'inline-row' }, input, save),
    rate,
  );
}
