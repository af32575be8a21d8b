/**
 * What SettleSheet knows of one organisation's settings (reference.ts reads and caches it; the
 * checks before posting read it).
 */
import type { XeroAccount, XeroTaxRate, XeroTrackingCategory } from './client';
import type { LockDates } from './lock-dates';

/** What SettleSheet knows of one organisation's settings. */
export interface ReferenceData extends LockDates {
  tenantId: string;
  organisationName: string;
  baseCurrency: string;
  /** The organisation's ShortCode, for links that open it. */
  shortCode?: string;
  /** Every account with a code, archived ones included (so a check can say "archived", not "missing"). */
  accounts: XeroAccount[];
  taxRates: XeroTaxRate[];
  /** Enabled currencies, the base one included. */
  currencies: string[];
  /** The tracking categories with their options (archived included), once asked for: only lines that are tracked need them. */
  trackingCategories?: XeroTrackingCategory[];
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}
