/**
 * The confirmation before anything reaches Xero: what will be created, in words, with the button
 * that does it and a way back.
 */
import type { PostedDocumentDto, PreviewResult } from '../../src/api/types';
import { h, uid } from '../dom';
import { confirmationOf } from '../plan-wording';
import { cogsConfirmation } from './cogs';

/** The confirmation panel; `confirm` posts, `cancel` goes back. Focus moves to its title. */
export function confirmationView(
  preview: PreviewResult,
  options: { mode: 'post' | 'void-and-repost'; organisation?: string; posted?: readonly PostedDocumentDto[]; asked?: boolean },
  confirm: () => void,
  cancel: () => void,
): HTMLElement {
  const s = preview.settlement;
  const cogs = cogsConfirmation(preview, options);
  const wording = cogs.wording ?? confirmationOf(preview.plan, { ...options, deposit: s.total, currency: s.currency, posted: options.posted ?? s.documents });
  const titleId = uid('confirm');
  const title = h('h3', { id: titleId, tabindex: '-1' }, wording.title);
  const panel = h(
    'div',
    { class: 'confirmation', role: 'group', 'aria-labelledby': titleId },
    title,
    h('ul', {}, ...wording.documents.map((d) => h('li', {}, d))),
    ...[...wording.notes, ...cogs.notes].map((n) => h('p', { class: 'small' }, n)),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'action', onclick: confirm }, options.mode === 'post' ? 'Create in Xero' : 'Void and re-post'),
      h('button', { type: 'button', onclick: cancel }, 'Cancel'),
    ),
  );
  queueMicrotask(() => title.focus());
  return panel;
}
