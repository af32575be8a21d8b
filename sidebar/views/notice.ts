/**
 * Messages in the sidebar: errors, warnings, successes and "working…" lines, each announced to
 * screen readers (errors assertively, the rest politely).
 */
import { h, type Child } from '../dom';

/** How a notice looks and how urgently it is announced. */
export type NoticeKind = 'error' | 'warning' | 'success' | 'info';

/** A message block. */
export function notice(kind: NoticeKind, ...content: Child[]): HTMLElement {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

/** A list of messages of one kind, or nothing when there are none. */
export function noticeList(kind: NoticeKind, title: string, items: readonly string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return notice(kind, h('strong', {}, title), h('ul', {}, ...items.map((item) => h('li', {}, item))));
}

/** A "working…" line with a spinner, for work that takes a moment. */
export function working(text: string): HTMLElement {
  return h('p', { class: 'working', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}
