/**
 * A settlement Xero holds only part of: what Xero holds (as links), what it refused and why, and
 * the ONE action that resolves it (finish posting, void and re-post, or void what was posted),
 * asked for once more before anything is sent.
 */
import type { PartlyPostedDto } from '../../src/api/types';
import { h, replace, uid, type Child } from '../dom';
import { monthWords } from '../../src/core/words';
import { money } from '../format';
import { documentsList } from './parts';

/** What the panel's action asks the server for. */
export type PartlyPostedMode = 'post' | 'void-and-repost' | 'void';

const ACTIONS: Record<PartlyPostedDto['action'], { mode: PartlyPostedMode; label: string }> = {
  finish: { mode: 'post', label: 'Finish posting' },
  'void-and-repost': { mode: 'void-and-repost', label: 'Void and re-post' },
  void: { mode: 'void', label: 'Void what was posted' },
};

const KIND = { ACCREC: 'Sales invoice', ACCPAY: 'Bill' } as const;

/** What the person is asked to confirm, in words. */
function confirmWords(state: PartlyPostedDto, organisation: string): string {
  const held = state.held.map((d) => d.invoiceNumber).join(', ');
  const missing = state.missing.map((m) => m.invoiceNumber).join(', ');
  const stay = state.held.length === 1 ? 'stays as it is' : 'stay as they are';
  if (state.action === 'finish') return `This creates ${missing} in ${organisation}. ${held} ${stay}: nothing is created twice.`;
  if (state.action === 'void') return `This voids ${held} in ${organisation} (drafts are deleted). Nothing new is posted.`;
  return `This voids ${held} in ${organisation} (drafts are deleted), then posts the whole settlement again under new numbers.`;
}

/** The panel. `canFinish` is false while the preview lists problems that would stop a post. */
export function partlyPostedView(
  state: PartlyPostedDto,
  currency: string,
  options: { organisation?: string; canFinish: boolean; act(mode: PartlyPostedMode): void },
): HTMLElement {
  const headingId = uid('partly');
  const whyId = uid('partly-why');
  const organisation = options.organisation ?? 'Xero';
  const action = ACTIONS[state.action];
  const blocked = state.action === 'finish' && !options.canFinish;
  const area = h('div', { class: 'post-area' });
  const button = (): Child[] => [
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'action', disabled: blocked, 'aria-describedby': whyId, onclick: ask }, action.label)),
    blocked ? h('p', { class: 'gray small' }, 'Resolve the problems above, then finish posting.') : null,
  ];
  function ask(): void {
    replace(
      area,
      h('p', {}, confirmWords(state, organisation)),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', class: 'action', onclick: () => options.act(action.mode) }, action.label),
        h('button', { type: 'button', onclick: () => replace(area, ...button()) }, 'Cancel'),
      ),
    );
  }
  replace(area, ...button());
  return h(
    'section',
    { class: 'posted partly-posted', 'aria-labelledby': headingId },
    // Headed like a posted settlement's "In Xero", with how much of it is there.
    h('h3', { id: headingId }, `In Xero: ${state.held.length} of ${state.held.length + state.missing.length} documents`),
    h('p', {}, `${organisation} holds only part of this settlement:`),
    documentsList(state.held, currency),
    h('p', {}, state.missing.length === 1 ? 'Not in Xero, because Xero refused it:' : 'Not in Xero, because Xero refused them:'),
    h(
      'ul',
      { class: 'plain' },
      ...state.missing.map((m) =>
        h(
          'li',
          {},
          h('span', {}, `${KIND[m.type]} ${m.invoiceNumber} (${monthWords(m.part)}) · ${money(m.total, currency)}`),
          h('ul', {}, ...m.reasons.map((reason) => h('li', { class: 'small' }, reason))),
        ),
      ),
    ),
    h('p', { id: whyId, class: 'gray small' }, state.why),
    area,
  );
}
