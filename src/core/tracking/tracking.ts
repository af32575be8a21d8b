/**
 * Xero tracking categories on summary lines: a seller may track each line by marketplace (a
 * category such as "Marketplace" with options Amazon.com, Amazon.ca) and, separately, by
 * fulfilment channel (a category such as "Fulfilment" with options FBA, Merchant Fulfilled), so
 * Xero's own reports show profit by marketplace and by channel, as A2X's marketplace tracking does
 * ("How to set up marketplace tracking in Xero", support.a2xaccounting.com/xero-support/
 * how-to-set-up-marketplace-tracking-in-xero).
 *
 * Tracking is data on the line: each mapped aggregate entry is given its tracking here, lines are
 * grouped per account × tax type × tracking (summary/lines.ts), and the document builder copies a
 * line's tracking as it is. Xero takes at most two tracking categories on a line, and each once
 * ("Any LineItem can have a maximum of 2 TrackingCategory elements", Xero's Invoices docs; an
 * organisation has at most two active tracking categories): hence two dimensions, two categories.
 *
 * Which options the organisation has is Xero's business: the preview checks them against Xero's
 * list before anything is sent (xero/tracking-checks.ts), as it checks account codes.
 */
import type { Channel } from './channel';
import { DEFAULT_CHANNEL_OPTIONS } from './channel';

/** The two things a line can be tracked by. */
export type TrackingDimensionName = 'marketplace' | 'channel';

/** One dimension's Xero tracking category and the option each of its values posts under. */
export interface TrackingDimension {
  /** The Xero tracking category's name, e.g. `Marketplace`; blank turns the dimension off. */
  category: string;
  /**
   * Value (a marketplace as the file writes it, or a channel: `fba`, `merchant`, `mcf`, '' for
   * account-level lines) → the option's name. A value not listed posts under its default option
   * (the marketplace's own name; for channels DEFAULT_CHANNEL_OPTIONS); an option of '' means
   * "not tracked".
   */
  options: Record<string, string>;
}

/** How lines are tracked; a dimension absent (or with a blank category) is not tracked. */
export interface TrackingSettings {
  marketplace?: TrackingDimension;
  channel?: TrackingDimension;
}

/** A tracking category and option on a line, as Xero takes them (`{"Name", "Option"}`). */
export interface LineTracking {
  category: string;
  option: string;
}

/** What decides a line's tracking: its marketplace and its channel. */
export interface TrackedFields {
  marketplace: string;
  channel: Channel;
}

/** The option a value of a dimension posts under ('' when it is not tracked). */
export function optionFor(dimension: TrackingDimensionName, settings: TrackingDimension, value: string): string {
  const wanted = value.toLowerCase();
  for (const [key, option] of Object.entries(settings.options)) if (key.toLowerCase() === wanted) return option.trim();
  return dimension === 'marketplace' ? value : DEFAULT_CHANNEL_OPTIONS[value as Channel] ?? '';
}

/** True when a dimension is switched on. */
export function tracks(dimension: TrackingDimension | undefined): dimension is TrackingDimension {
  return dimension !== undefined && dimension.category.trim() !== '';
}

/**
 * Gives each line its tracking under `settings`. Account-level lines (no marketplace in the file)
 * are tracked as lines of the settlement's `main` marketplace, as the Accounts tab maps them.
 */
export function trackingOf(settings: TrackingSettings | undefined, main: string): (fields: TrackedFields) => LineTracking[] {
  const dimensions = ([['marketplace', settings?.marketplace], ['channel', settings?.channel]] as const).filter(([, d]) => tracks(d)) as [TrackingDimensionName, TrackingDimension][];
  if (dimensions.length === 0) return () => NONE;
  return (fields) => {
    const tracking: LineTracking[] = [];
    for (const [name, dimension] of dimensions) {
      const value = name === 'marketplace' ? fields.marketplace || main : fields.channel;
      const option = optionFor(name, dimension, value);
      if (option !== '') tracking.push({ category: dimension.category.trim(), option });
    }
    return tracking;
  };
}

const NONE: LineTracking[] = [];

/** A key telling apart lines of different tracking. */
export function trackingKey(tracking: readonly LineTracking[]): string {
  return tracking.map((t) => `${t.category}\u001f${t.option}`).join('\u001e');
}

/** `Marketplace: Amazon.ca · Fulfilment: FBA`, or '' for an untracked line. */
export function trackingWords(tracking: readonly LineTracking[]): string {
  return tracking.map((t) => `${t.category}: ${t.option}`).join(' · ');
}

/** Why the settings cannot be used, in words (empty when they can). */
export function trackingSettingsProblems(settings: TrackingSettings | undefined): string[] {
  const marketplace = settings?.marketplace;
  const channel = settings?.channel;
  if (tracks(marketplace) && tracks(channel) && marketplace.category.trim().toLowerCase() === channel.category.trim().toLowerCase()) {
    return [
      `Marketplaces and fulfilment channels are both set to be tracked with the tracking category "${marketplace.category.trim()}": Xero takes each category once on a line. ` +
        'Choose another category for one of them in Settings › Tracking in Xero.',
    ];
  }
  return [];
}
