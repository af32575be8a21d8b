/**
 * The Settlements list: every imported settlement, newest first, with its status and total.
 * Each one opens its detail.
 */
import type { SettlementListItem } from '../../src/api/types';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { period } from '../format';
import { settlementAmount } from '../settlement-wording';
import { messageOf } from '../server';
import { notice, working } from './notice';
import { statusChip } from './status';

/** The list panel and a way to read it again. */
export interface SettlementsPanel {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Puts the keyboard focus back on a settlement's entry (after leaving its detail). */
  focus(settlementId: string): void;
}

function item(ctx: SidebarContext, s: SettlementListItem): HTMLElement {
  const where = s.marketplaces.join(', ');
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'settlement-item', 'data-settlement': s.settlementId, onclick: () => ctx.openSettlement(s.settlementId) },
      h('span', { class: 'item-top' }, h('span', { class: 'item-id' }, s.settlementId), statusChip(s.status)),
      h('span', { class: 'item-bottom' }, h('span', { class: 'gray' }, `${period(s.start, s.end)}${where ? ` · ${where}` : ''}`), h('span', { class: 'num' }, settlementAmount(s.total, s.currency))),
    ),
  );
}

/** Builds the list panel; call `refresh` to read it. */
export function settlementsPanel(ctx: SidebarContext): SettlementsPanel {
  const headingId = uid('settlements');
  const body = h('div', { 'aria-live': 'polite' }, working('Reading the settlements…'));
  const refreshButton = h('button', { type: 'button', class: 'small-button', onclick: () => void refresh() }, 'Refresh');
  const element = h('section', { class: 'block settlements', 'aria-labelledby': headingId }, h('div', { class: 'heading-row' }, h('h2', { id: headingId }, 'Settlements'), refreshButton), body);

  async function refresh(): Promise<void> {
    try {
      const list = await ctx.call('listSettlements', {});
      replace(
        body,
        list.length
          ? h('ul', { class: 'settlement-list' }, ...list.map((s) => item(ctx, s)))
          : h('p', { class: 'gray' }, 'No settlements yet. Import a settlement file above to start.'),
      );
    } catch (error) {
      replace(body, notice('error', messageOf(error)));
    }
  }

  function focus(settlementId: string): void {
    const button = [...body.querySelectorAll<HTMLElement>('.settlement-item')].find((b) => b.dataset.settlement === settlementId);
    button?.focus();
  }

  return { element, refresh, focus };
}
