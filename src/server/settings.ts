/**
 * Settings kept with the spreadsheet (document properties), shared by everyone who edits it.
 */
import type { SettingsDto } from '../api/types';
import { propertiesStore } from './storage/properties';

const KEY = 'settlesheet.settings';

/**
 * What a new spreadsheet starts with: month carry, drafts for review, contact from the
 * marketplace, no regional template chosen yet (the Accounts tab starts with the US rows), the
 * cost of goods sold journals on, nothing tracked, one document per part, and the summary attached
 * to each document.
 */
export const DEFAULT_SETTINGS: SettingsDto = {
  split: 'carry', documentStatus: 'DRAFT', contactName: '', template: '', cogs: 'on',
  tracking: {}, contacts: {}, splitByMarketplace: false, attachments: 'summary',
};

/** The spreadsheet's settings. */
export function readSettings(): SettingsDto {
  const raw = documentStore().get(KEY);
  return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<SettingsDto>) } : { ...DEFAULT_SETTINGS };
}

/** Saves the spreadsheet's settings; a setting left out (a form that does not show it) keeps its value. */
export function writeSettings(settings: SettingsDto): SettingsDto {
  const merged = { ...readSettings(), ...settings };
  documentStore().set(KEY, JSON.stringify(merged));
  return merged;
}

// Settings have no fixed size (a contact per marketplace, tracking options): the store splits a
// value past Google's per-value limit, which would otherwise refuse it ("Argument too large").
function documentStore() {
  return propertiesStore(PropertiesService.getDocumentProperties());
}
