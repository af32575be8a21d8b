/**
 * Settings › Contacts and attachments: the Xero contact of each marketplace, whether a settlement
 * of several marketplaces gets one document per marketplace (each to its own contact) or one per
 * part (to the main marketplace's contact), and whether each document gets its summary attached.
 */
import type { SettingsDto } from '../../src/api/types';
import { defaultContactOf } from '../../src/core/xero/contacts';
import type { SidebarContext } from '../context';
import { h, uid } from '../dom';
import { sectionLoadedOnOpen, settingsForm } from './settings-section';

/** The section (appended to the settings panel by one hook); reads the settings when the panel opens. */
export function documentSettings(ctx: SidebarContext, panel: HTMLDetailsElement): HTMLElement {
  function form(settings: SettingsDto, marketplaces: readonly string[]): HTMLElement {
    const shown = [...new Set([...marketplaces, ...Object.keys(settings.contacts ?? {})])].filter((m) => m.toLowerCase().startsWith('amazon.'));
    const inputs = shown.map((m) => {
      const saved = Object.entries(settings.contacts ?? {}).find(([k]) => k.toLowerCase() === m.toLowerCase())?.[1] ?? '';
      return [m, h('input', { id: uid('contact'), type: 'text', value: saved, placeholder: settings.contactName || defaultContactOf(m) })] as const;
    });
    const splitId = uid('split-marketplace');
    const split = h('input', { id: splitId, type: 'checkbox', checked: settings.splitByMarketplace === true });
    const attachId = uid('attach');
    const attach = h('input', { id: attachId, type: 'checkbox', checked: settings.attachments !== 'off' });
    return settingsForm(
      ctx,
      'Save contacts and attachments',
      () => ({
        contacts: Object.fromEntries(inputs.map(([m, input]) => [m, input.value.trim()]).filter(([, v]) => v !== '')),
        splitByMarketplace: split.checked,
        attachments: attach.checked ? 'summary' : 'off',
      }),
      () => 'Saved. The next preview and post use them.',
      inputs.length
        ? h('p', { class: 'gray small' }, 'The Xero contact of each marketplace (blank: the one above, or the marketplace’s name).')
        : h('p', { class: 'gray small' }, 'Import a settlement to give its marketplaces their own contacts.'),
      ...inputs.map(([m, input]) => h('div', { class: 'form-group' }, h('label', { for: input.id }, m), input)),
      h('div', { class: 'form-group checkbox' }, split, h('label', { for: splitId }, 'One document per marketplace (each to its own contact). Otherwise one document per part, to the main marketplace’s contact.')),
      h('div', { class: 'form-group checkbox' }, attach, h('label', { for: attachId }, 'Attach a summary (CSV) to each document in Xero: every line, the Amazon lines behind it and the walk to the deposit.')),
    );
  }

  return sectionLoadedOnOpen(panel, 'document-settings', 'Contacts and attachments', 'Reading the settings…', async () => {
    const [settings, settlements] = await Promise.all([ctx.call('getSettings', {}), ctx.call('listSettlements', {})]);
    return form(settings, [...new Set(settlements.flatMap((s) => s.marketplaces))]);
  });
}
