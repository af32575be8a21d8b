/**
 * Settings kept with the spreadsheet: where the seller sells and how they are registered (a
 * regional template for the Accounts tab), how a settlement spanning months is split, the status
 * new documents get in Xero, whether cost of goods sold journals are posted, and the contact the
 * documents are addressed to. Read when the panel is opened; each choice says what it means.
 */
import type { SettingsDto } from '../../src/api/types';
import { OWN_ACCOUNTS, TEMPLATES } from '../../src/core/mapping/templates';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { messageOf } from '../server';
import { notice, working } from './notice';
import { documentSettings } from './document-settings';
import { submitWith } from './settings-section';
import { trackingSettings } from './tracking-settings';

// Short choices that fit the 300 px sidebar; what each means is said under the dropdown.
const SPLITS: [SettingsDto['split'], string, string][] = [
  ['off', 'One document', 'One document per settlement, dated at its end, whatever months it spans.'],
  ['carry', 'By month, carried forward', 'One part per month; earlier months are carried into the last, so one document matches the deposit.'],
  ['separate', 'By month, separately', 'One document per month; together they match the deposit.'],
];
const COGS: [NonNullable<SettingsDto['cogs']>, string, string][] = [
  ['on', 'On: journals with the invoices', 'Each month’s units per SKU, costed from the Costs tab, become one Xero journal (debit Cost of goods sold, credit Inventory), posted with the invoices.'],
  ['off', 'Off', 'No journal is made or posted and the Costs tab is not read. Journals already in Xero stay as they are.'],
];
const EDITIONS = { US: 'US', UK: 'UK', AU: 'Australian', NZ: 'New Zealand', GLOBAL: 'global' } as const;
const STATUSES: [SettingsDto['documentStatus'], string, string][] = [
  ['DRAFT', 'Draft', 'You review and approve each document in Xero.'],
  ['SUBMITTED', 'Awaiting approval', 'Someone approves each document in Xero.'],
  ['AUTHORISED', 'Approved', 'Ready to match the bank deposit in Xero at once.'],
];

/** A dropdown with a line under it saying what the chosen option means. */
function select<T extends string>(id: string, options: [T, string, string][], value: T): { select: HTMLSelectElement; hint: HTMLElement } {
  const hintId = `${id}-hint`;
  const element = h('select', { id, 'aria-describedby': hintId }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  const hint = h('p', { id: hintId, class: 'gray small' });
  const say = () => (hint.textContent = options.find(([v]) => v === element.value)?.[2] ?? '');
  element.addEventListener('change', say);
  say();
  return { select: element, hint };
}

/** The settings panel (collapsed until opened). */
export function settingsPanel(ctx: SidebarContext): HTMLElement {
  const body = h('div', {}, working('Reading the settings…'));
  const details = h('details', { class: 'block settings' }, h('summary', {}, 'Settings'), body);
  details.append(trackingSettings(ctx, details), documentSettings(ctx, details));
  let loaded = false;

  function form(settings: SettingsDto): HTMLElement {
    const ids = { template: uid('template'), apply: uid('apply'), split: uid('split'), status: uid('status'), cogs: uid('cogs'), contact: uid('contact') };
    const templates: [string, string, string][] = [
      ['', 'Not chosen (US accounts)', 'The shipped Accounts rows: US-style, no tax. Choose where you sell to get your region’s tax types.'],
      [OWN_ACCOUNTS, 'My own Accounts rows', 'You set up the Accounts tab yourself: SettleSheet keeps its rows as they are and suggests no region.'],
      // The name fits the 300 px sidebar; what it sets up, and for whom, is said under it.
      ...TEMPLATES.map((t): [string, string, string] => [
        t.id,
        t.name,
        `Accounts and tax types as a seller who is “${t.name}” books them, in Xero's ${EDITIONS[t.edition]} edition` +
          `${t.marketplaces.length ? `; suggested for ${t.marketplaces.join(', ')} settlements` : ''}. The Accounts tab changes only if you tick the box below.`,
      ]),
    ];
    const { select: template, hint: templateHint } = select(ids.template, templates, settings.template);
    // Choosing another template offers to rewrite the Accounts tab; nothing is overwritten unasked.
    const apply = h('input', { id: ids.apply, type: 'checkbox' });
    const applyRow = h('div', { class: 'form-group checkbox', hidden: true }, apply, h('label', { for: ids.apply }, "Replace the Accounts tab's rows with this template's (your edits there are overwritten)"));
    template.addEventListener('change', () => {
      applyRow.hidden = template.value === settings.template || template.value === '' || template.value === OWN_ACCOUNTS;
      apply.checked = !applyRow.hidden;
    });
    const { select: split, hint: splitHint } = select(ids.split, SPLITS, settings.split);
    const { select: status, hint: statusHint } = select(ids.status, STATUSES, settings.documentStatus);
    const { select: cogs, hint: cogsHint } = select(ids.cogs, COGS, settings.cogs ?? 'on');
    const contact = h('input', { id: ids.contact, type: 'text', value: settings.contactName, placeholder: 'The main marketplace, e.g. Amazon.com' });
    const save = h('button', { type: 'submit', class: 'action' }, 'Save settings');
    return h(
      'form',
      {
        onsubmit: submitWith(ctx, save, async () => {
          const applied = !applyRow.hidden && apply.checked;
          const saved = await ctx.call('saveSettings', {
            split: split.value as SettingsDto['split'],
            documentStatus: status.value as SettingsDto['documentStatus'],
            contactName: contact.value.trim(),
            template: template.value,
            cogs: cogs.value as NonNullable<SettingsDto['cogs']>,
            applyTemplate: applied,
          });
          replace(body, form(saved));
          ctx.notify(notice('success', applied
            ? "Settings saved, and the Accounts tab now holds the template's rows: check them against your chart of accounts (its Check column marks what Xero lacks)."
            : 'Settings saved. The next preview and post use them.'));
        }),
      },
      h('div', { class: 'form-group' }, h('label', { for: ids.template }, 'Where you sell and how you are registered'), template, templateHint),
      applyRow,
      h('div', { class: 'form-group' }, h('label', { for: ids.split }, 'Settlements that span months'), split, splitHint),
      h('div', { class: 'form-group' }, h('label', { for: ids.status }, 'New documents in Xero are'), status, statusHint),
      h('div', { class: 'form-group' }, h('label', { for: ids.cogs }, 'Cost of goods sold'), cogs, cogsHint),
      h('div', { class: 'form-group' }, h('label', { for: ids.contact }, 'Xero contact'), contact),
      h('div', { class: 'buttons' }, save),
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
