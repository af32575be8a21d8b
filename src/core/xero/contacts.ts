/**
 * Which Xero contact a settlement's document is addressed to. Each Amazon marketplace is its own
 * seller of record to you (Amazon.com, Amazon.ca, Amazon.co.uk…), so a contact per marketplace
 * lets Xero's reports by contact show each one, as A2X's per-marketplace invoices do. A settlement
 * that mixes marketplaces has one document per part, addressed to its main marketplace's contact,
 * unless the person chooses one document per marketplace.
 */

/** The contact settings of a spreadsheet. */
export interface ContactSettings {
  /** One contact for every marketplace without its own (blank: each marketplace's default). */
  contactName?: string;
  /** Marketplace (as the file writes it) → Xero contact name. */
  byMarketplace?: Record<string, string>;
}

/** `Amazon.ca` for `amazon.ca`: a marketplace's default contact (Amazon when there is none). */
export function defaultContactOf(marketplace: string): string {
  return marketplace.toLowerCase().startsWith('amazon.') ? `Amazon.${marketplace.slice('amazon.'.length)}` : 'Amazon';
}

/** The contact a marketplace's documents are addressed to. */
export function contactFor(marketplace: string, settings: ContactSettings): string {
  const wanted = marketplace.toLowerCase();
  for (const [key, name] of Object.entries(settings.byMarketplace ?? {})) if (key.toLowerCase() === wanted && name.trim() !== '') return name.trim();
  return settings.contactName?.trim() || defaultContactOf(marketplace);
}

// Amazon's marketplaces by the last label of their domain, except Amazon.com itself.
const COM = 'US';

/**
 * A short code for a marketplace in invoice numbers (`Amazon.co.uk` → `UK`, `Amazon.com` → `US`,
 * `Amazon.com.au` → `AU`): letters and digits only, so numbers stay plain.
 */
export function marketplaceCode(marketplace: string): string {
  const domain = marketplace.toLowerCase().replace(/^amazon\./, '');
  if (domain === 'com') return COM;
  const last = domain.split('.').pop() ?? domain;
  return last.replace(/[^a-z0-9]/g, '').toUpperCase().slice(0, 8) || 'X';
}
