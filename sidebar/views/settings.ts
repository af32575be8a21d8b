/**
 * Settings kept with the spreadsheet: where the seller sells and how they are registered (a
 * regional template for the Accounts tab), how a settlement spanning months is split, the status
 * new documents get in Xero, and the contact they are addressed to. Read when the panel is opened.
 */
import type { SettingsDto } from '../../src/api/types';
import { TEMPLATES } from '../../src/core/mapping/templates';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { messageOf } from '../server';
import { notice, working } from './notice';

const SPLITS: [SettingsDto['split'], string][] = [
  ['off', 'One document per settlement'],
  ['carry', 'Split by month, carried forward (one document matches the deposit)'],
  ['separate', 'One document per month'],
];
const STATUSES: [SettingsDto['documentStatus'], string][] = [
  ['DRAFT', 'Draft (review in Xero before approving)'],
  ['SUBMITTED', 'Awaiting approval'],
  ['AUTHORISED', 'Approved (ready to reconcile)'],
];

function select<T extends string>(id: string, options: [T, string][], value: T): HTMLSelectElement {
  return h('select', { id }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** The settings panel (collapsed until opened). */
export function settingsPanel(ctx: SidebarContext): HTMLElement {
  const body = h('div', {}, working('Reading the settings…'));
  const details = h('details', { class: 'block settings' }, h('summary', {}, 'Settings'), body);
  let loaded = false;

  function form(settings: SettingsDto): HTMLElement {
    const ids = { template: uid('template'), apply: uid('apply'), split: uid('split'), status: uid('status'), contact: uid('contact') };
    const template = select(ids.template, [['', 'Not chosen (US accounts)'], ...TEMPLATES.map((t): [string, string] => [t.id, t.name])], settings.template);
    // Choosing another template offers to rewrite the Accounts tab; nothing is overwritten unasked.
    const apply = h('input', { id: ids.apply, type: 'checkbox' });
    const applyRow = h('div', { class: 'form-group checkbox', hidden: true }, apply, h('label', { for: ids.apply }, "Replace the Accounts tab's rows with this template's (your edits there are overwritten)"));
    template.addEventListener('change', () => {
      applyRow.hidden = template.value === settings.template || template.value === '';
      apply.checked = !applyRow.hidden;
    });
    const split = select(ids.split, SPLITS, settings.split);
    const status = select(ids.status, STATUSES, settings.documentStatus);
    const contact = h('input', { id: ids.contact, type: 'text', value: settings.contactName, placeholder: 'The main marketplace, e.g. Amazon.com' });
    const message = h('div', {});
    const save = h('button', { type: 'submit', class: 'action' }, 'Save settings');
    return h(
      'form',
      {
        onsubmit: async (event) => {
          event.preventDefault();
          save.disabled = true;
          try {
            const applied = !applyRow.hidden && apply.checked;
            const saved = await ctx.call('saveSettings', {
              split: split.value as SettingsDto['split'],
              documentStatus: status.value as SettingsDto['documentStatus'],
              contactName: contact.value.trim(),
              template: template.value,
              applyTemplate: applied,
            });
            replace(body, form(saved));
            body.append(notice('success', applied
              ? "Saved, and the Accounts tab now holds the template's rows: check them against your chart of accounts (Refresh accounts marks what Xero lacks)."
              : 'Saved. The next preview and post use these settings.'));
          } catch (error) {
            replace(message, notice('error', messageOf(error)));
          } finally {
            save.disabled = false;
          }
        },
      },
      h('div', { class: 'form-group' }, h('label', { for: ids.template }, 'Where you sell and how you are registered'), template),
      applyRow,
      h('div', { class: 'form-group' }, h('label', { for: ids.split }, 'Settlements that span months'), split),
      h('div', { class: 'form-group' }, h('label', { for: ids.status }, 'New documents in Xero are'), status),
      h('div', { class: 'form-group' }, h('label', { for: ids.contact }, 'Xero contact'), contact),
      h('div', { class: 'buttons' }, save),
      message,
    );
  }

  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    ctx.call('getSettings', {}).then(
      (settings) => replace(body, form(settings)),
      (error: unknown) => {
        loaded = false;
        replace(body, notice('error', messageOf(error)));
      },
    );
  });
  return details;
}
