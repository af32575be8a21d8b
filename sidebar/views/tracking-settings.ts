/**
 * Settings › Tracking in Xero: which of the organisation's tracking categories marketplaces and
 * fulfilment channels are tracked with, and which option each marketplace and channel posts under,
 * chosen from dropdowns of the organisation's own options (Xero allows two active categories).
 * Read from Xero when the settings are opened; saved with the other settings.
 */
import type { TrackingChoicesDto } from '../../src/api/types';
import { CHANNEL_NAMES, CHANNELS, DEFAULT_CHANNEL_OPTIONS } from '../../src/core/tracking/channel';
import type { TrackingDimension, TrackingSettings } from '../../src/core/tracking/tracking';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { notice } from './notice';
import { sectionLoadedOnOpen, settingsForm } from './settings-section';

const NOT_TRACKED = '';

/** A dropdown of names (with "not tracked" first), the current one chosen. */
function choice(id: string, names: readonly string[], value: string, none: string): HTMLSelectElement {
  const known = value === NOT_TRACKED || names.includes(value);
  return h(
    'select',
    { id },
    h('option', { value: NOT_TRACKED, selected: value === NOT_TRACKED }, none),
    ...names.map((n) => h('option', { value: n, selected: n === value }, n)),
    // An option saved earlier that Xero no longer has stays visible, so the person sees what changed.
    known ? null : h('option', { value, selected: true }, `${value} (not in Xero)`),
  );
}

/** The option a value posts under now: the saved one, else its own-named option when the category has it. */
function current(dimension: TrackingDimension | undefined, value: string, fallback: string, options: readonly string[]): string {
  const saved = Object.entries(dimension?.options ?? {}).find(([k]) => k.toLowerCase() === value.toLowerCase());
  if (saved) return saved[1];
  return options.find((o) => o.toLowerCase() === fallback.toLowerCase()) ?? (fallback === '' ? NOT_TRACKED : fallback);
}

/** One dimension: its category, and each value's option. */
function dimensionForm(title: string, hint: string, choices: TrackingChoicesDto, dimension: TrackingDimension | undefined, values: readonly [value: string, label: string, fallback: string][]) {
  const categoryId = uid('tracking-category');
  const category = choice(categoryId, choices.categories.map((c) => c.name), dimension?.category ?? '', 'Not tracked');
  const rows = h('div', { class: 'tracking-options' });
  let selects: [string, HTMLSelectElement][] = [];
  const fill = () => {
    const options = choices.categories.find((c) => c.name === category.value)?.options ?? [];
    selects = values.map(([value, , fallback]) => [value, choice(uid('tracking-option'), options, current(dimension, value, fallback, options), 'Not tracked')]);
    replace(
      rows,
      ...(category.value === NOT_TRACKED
        ? []
        : values.map(([, label], i) => h('div', { class: 'form-group' }, h('label', { for: selects[i]![1].id }, label), selects[i]![1]))),
    );
  };
  category.addEventListener('change', fill);
  fill();
  const element = h('fieldset', { class: 'tracking' }, h('legend', {}, title), h('p', { class: 'gray small' }, hint), h('div', { class: 'form-group' }, h('label', { for: categoryId }, 'Tracking category'), category), rows);
  const read = (): TrackingDimension | undefined =>
    category.value === NOT_TRACKED ? undefined : { category: category.value, options: Object.fromEntries(selects.map(([value, select]) => [value, select.value])) };
  return { element, read };
}

/** The section (appended to the settings panel by one hook); reads Xero's categories when the panel opens. */
export function trackingSettings(ctx: SidebarContext, panel: HTMLDetailsElement): HTMLElement {
  function form(choices: TrackingChoicesDto): HTMLElement {
    if (!choices.connected) return notice('info', `Connect to Xero to choose tracking categories. ${choices.message ?? ''}`.trim());
    if (choices.categories.length === 0) {
      return notice('info', 'Your Xero organisation has no active tracking categories. Add one (e.g. "Marketplace", with an option for each marketplace) in Xero under Accounting › Advanced › Tracking categories, then open Settings again.');
    }
    const settings: TrackingSettings = choices.settings;
    const marketplaces = dimensionForm(
      'Marketplaces',
      'Each line posts under its marketplace’s option; account-level lines (storage, subscription) under the main marketplace’s.',
      choices,
      settings.marketplace,
      (choices.marketplaces.length ? choices.marketplaces : ['Amazon.com']).map((m) => [m, m, m]),
    );
    const channels = dimensionForm(
      'Fulfilment channels',
      'From each order line’s fulfillment-id (AFN: FBA, MFN: you) and the line type; multi-channel orders show as a Non-Amazon marketplace.',
      choices,
      settings.channel,
      CHANNELS.map((c) => [c, CHANNEL_NAMES[c], DEFAULT_CHANNEL_OPTIONS[c]]),
    );
    const read = (): TrackingSettings => {
      const m = marketplaces.read();
      const c = channels.read();
      return { ...(m ? { marketplace: m } : {}), ...(c ? { channel: c } : {}) };
    };
    return settingsForm(
      ctx,
      'Save tracking',
      () => ({ tracking: read() }),
      () => (Object.keys(read()).length ? 'Tracking saved. The next preview shows each line’s tracking and checks every option against Xero.' : 'Tracking saved: nothing is tracked.'),
      marketplaces.element,
      channels.element,
    );
  }

  return sectionLoadedOnOpen(panel, 'tracking-settings', 'Tracking in Xero', 'Reading the tracking categories from Xero…', async () => form(await ctx.call('getTrackingChoices', {})));
}
