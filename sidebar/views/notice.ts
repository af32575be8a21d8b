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

/** The one place the sidebar says what just happened: each outcome replaces the last. */
export interface NoticeArea {
  element: HTMLElement;
  /** Shows an outcome (or clears with null); `focus` moves the keyboard there, for outcomes of a press. */
  show(content: HTMLElement | null, options?: { focus?: boolean }): void;
}

/** Builds the notice area (empty until something happens). */
export function noticeArea(): NoticeArea {
  const element = h('div', { class: 'notice-area' });
  return {
    element,
    show(content, options = {}) {
      element.replaceChildren();
      if (!content) return;
      element.append(content);
      if (options.focus) {
        content.tabIndex = -1;
        content.focus();
      }
    },
  };
}
