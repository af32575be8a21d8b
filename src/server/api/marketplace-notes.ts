/**
 * What the preview says about marketplaces and fulfilment channels (worth knowing, not blocking):
 * which contact a document of several marketplaces is addressed to, and why a settlement is not
 * tracked by channel when it was imported before SettleSheet kept channels.
 */
import { tracks } from '../../core/tracking/tracking';
import type { Computed } from './compute';

/** The notes for a computed settlement. */
export function marketplaceNotes(c: Computed): string[] {
  const { summary, settings } = c;
  const notes: string[] = [];
  const amazon = summary.marketplaces.filter((m) => m.toLowerCase().startsWith('amazon.'));
  const contact = c.documents[0]?.invoice.Contact.Name;
  if (amazon.length > 1 && !summary.splitByMarketplace && contact) {
    const others = amazon.filter((m) => m !== summary.mainMarketplace);
    notes.push(
      `Each document is addressed to ${contact}, the contact of ${summary.mainMarketplace} (most of this settlement's lines), and also carries the lines of ${others.join(', ')}. ` +
        'To give each marketplace its own document and contact, choose "One document per marketplace" in Settings.',
    );
  }
  const ordered = c.stored.some((s) => s.entry.transactionType.toLowerCase() === 'order');
  if (tracks(settings.tracking?.channel) && ordered && c.stored.every((s) => s.entry.channel === '')) {
    notes.push('This settlement was imported before SettleSheet kept fulfilment channels, so its lines are not tracked by channel. Import its file again to track them.');
  }
  return notes;
}
