/**
 * What the tracking settings offer: the organisation's active tracking categories with their
 * active options (Xero allows two active categories), and the marketplaces of the imported
 * settlements, each to be given an option. Read from the cached reference data (one call to
 * Xero the first time the categories are wanted).
 */
import type { TrackingChoicesDto } from '../../api/types';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import { SettlementRegistry } from '../registry';
import { readSettings } from '../settings';
import { appsScriptEnvironment } from '../xero/environment';

/** The tracking settings' choices (see the module comment). */
export function getTrackingChoices(): TrackingChoicesDto {
  const settings = readSettings().tracking ?? {};
  const marketplaces = [...new Set(SettlementRegistry.active().all().flatMap((r) => r.marketplaces))];
  const loaded = loadSpreadsheetReference(appsScriptEnvironment(), false, true);
  if (!loaded.ok) return { connected: false, message: loaded.failure.message, categories: [], marketplaces, settings };
  const categories = (loaded.value.reference.trackingCategories ?? [])
    .filter((c) => c.status === 'ACTIVE')
    .map((c) => ({ name: c.name, options: c.options.filter((o) => o.status === 'ACTIVE').map((o) => o.name) }));
  return { connected: true, categories, marketplaces, settings };
}
