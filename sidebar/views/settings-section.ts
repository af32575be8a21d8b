/**
 * What the settings sections share (the main form, tracking, contacts and attachments): a section
 * read from the server when the settings panel is first opened, and a form that saves some
 * settings over the current ones and says how it went in the notice area.
 */
import type { SettingsDto } from '../../src/api/types';
import type { SidebarContext } from '../context';
import { h, replace, type Child } from '../dom';
import { messageOf } from '../server';
import { notice, working } from './notice';

/** A section titled `title` whose body `load` builds the first time `panel` is opened (again after a failure). */
export function sectionLoadedOnOpen(panel: HTMLDetailsElement, className: string, title: string, waiting: string, load: () => Promise<HTMLElement>): HTMLElement {
  const body = h('div', {}, working(waiting));
  let loaded = false;
  panel.addEventListener('toggle', () => {
    if (!panel.open || loaded) return;
    loaded = true;
    load().then(
      (content) => replace(body, content),
      (error: unknown) => {
        loaded = false;
        replace(body, notice('error', messageOf(error)));
      },
    );
  });
  return h('section', { class: className }, h('h3', {}, title), body);
}

/** A form whose button saves `changes()` over the current settings, then says `saved()`. */
export function settingsForm(ctx: SidebarContext, label: string, changes: () => Partial<SettingsDto>, saved: () => string, ...children: Child[]): HTMLElement {
  const save = h('button', { type: 'submit', class: 'action' }, label);
  return h(
    'form',
    {
      onsubmit: submitWith(ctx, save, async () => {
        const wanted = changes();
        await ctx.call('saveSettings', { ...(await ctx.call('getSettings', {})), ...wanted });
        ctx.notify(notice('success', saved()));
      }),
    },
    ...children,
    h('div', { class: 'buttons' }, save),
  );
}

/** A form's submit handler: `save` is disabled while `work` runs, and a failure is said in the notice area. */
export function submitWith(ctx: SidebarContext, save: HTMLButtonElement, work: () => Promise<void>): (event: Event) => Promise<void> {
  return async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      await work();
    } catch (error) {
      ctx.notify(notice('error', messageOf(error)));
    } finally {
      save.disabled = false;
    }
  };
}
