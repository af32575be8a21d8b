/**
 * The reconciliation as a small waterfall: each step's bar runs from the running total before it
 * to the one after, then the net of the lines and the deposit. Green when they are equal, red
 * with the difference when not. The numbers are all in the text; the bars are decoration.
 */
import { formatAmount } from '../../src/core/money';
import { h } from '../dom';
import { differenceWords } from '../../src/core/words';
import { groupDigits, money } from '../format';
import { placeBar, type ReconciliationPicture } from '../reconciliation';

function bar(picture: ReconciliationPicture, from: number, to: number, tone: string): HTMLElement {
  const place = placeBar(picture, from, to);
  const element = h('span', { class: `bar ${tone}` });
  element.style.left = `${place.left}%`;
  element.style.width = `${place.width}%`;
  return h('span', { class: 'track', 'aria-hidden': 'true' }, element);
}

function row(label: string, amount: string, barElement: HTMLElement, extraClass = ''): HTMLElement {
  return h('li', { class: `step ${extraClass}`.trim() }, h('span', { class: 'step-line' }, h('span', {}, label), h('span', { class: 'num' }, amount)), barElement);
}

/** The verdict under the picture, in words: balanced to the cent, or how far off and what to do. */
export function verdictWords(picture: ReconciliationPicture): string {
  const amount = (m: number) => money(formatAmount(Math.abs(m), picture.decimals), picture.currency);
  const signed = (m: number) => money(formatAmount(m, picture.decimals), picture.currency);
  if (picture.difference === 0) {
    return picture.deposit < 0
      ? `Balanced: the lines add up to the ${amount(picture.deposit)} Amazon took from your card, to the cent.`
      : `Balanced: the lines add up to the deposit of ${amount(picture.deposit)}, to the cent.`;
  }
  return (
    `Not balanced: ${differenceWords(formatAmount(picture.difference, picture.decimals), picture.currency)}. ` +
    `The lines add up to ${signed(picture.net)} but Amazon's total is ${signed(picture.deposit)}. ` +
    'The file may be cut short or edited: download it again from Seller Central.'
  );
}

/** The picture, with its verdict. */
export function pictureView(picture: ReconciliationPicture): HTMLElement {
  const amount = (m: number) => groupDigits(formatAmount(m, picture.decimals));
  const balanced = picture.difference === 0;
  const steps = picture.steps.map((s) => row(s.label, amount(s.amount), bar(picture, s.from, s.to, s.amount < 0 ? 'down' : 'up')));
  const verdict = h('p', { class: `verdict ${balanced ? 'ok' : 'bad'}` }, h('span', { 'aria-hidden': 'true' }, balanced ? '✓ ' : '✗ '), verdictWords(picture));
  return h(
    'figure',
    { class: `picture ${balanced ? 'balanced' : 'unbalanced'}` },
    h('figcaption', {}, `From gross sales to the deposit (${picture.currency})`),
    h(
      'ol',
      { class: 'walk' },
      ...steps,
      row('Net of the lines', amount(picture.net), bar(picture, 0, picture.net, 'net'), 'total'),
      row(picture.deposit < 0 ? 'Taken from your card' : 'Deposit', amount(picture.deposit), bar(picture, 0, picture.deposit, balanced ? 'ok' : 'bad'), `total deposit ${balanced ? 'ok' : 'bad'}`),
    ),
    verdict,
  );
}
