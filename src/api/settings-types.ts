/**
 * The Xero connection and the spreadsheet's settings as the sidebar shows and saves them, with the
 * organisation's tracking categories to choose from.
 */
import type { SplitMode } from '../core/summary/types';
import type { TrackingSettings } from '../core/tracking/tracking';
import type { DocumentStatus } from '../core/xero/invoice';

/** The organisation's tracking categories and what the spreadsheet tracks, for the settings. */
export interface TrackingChoicesDto {
  /** False when Xero could not be read (not connected); `message` says why. */
  connected: boolean;
  message?: string;
  /** The organisation's ACTIVE tracking categories with their ACTIVE options. */
  categories: { name: string; options: string[] }[];
  /** The marketplaces of the imported settlements, most recent first. */
  marketplaces: string[];
  settings: TrackingSettings;
}


/** A Xero organisation the user can reach. */
export interface OrganisationDto {
  tenantId: string;
  name: string;
}

/** The Xero connection as the sidebar shows it. */
export interface ConnectionStatusDto {
  /** The deployer has set the Xero app's client id and secret. */
  configured: boolean;
  /** This user has a working Xero login. */
  connected: boolean;
  user: string;
  /** The organisation this spreadsheet posts to, shared by every collaborator (and where it posted before, if moved). */
  organisation?: OrganisationDto & { boundBy: string; boundAt: string; previous?: OrganisationDto };
  /** The organisations this user's login can reach (to pick or switch). */
  organisations: OrganisationDto[];
  canPost: boolean;
  /** What to do next, when something is missing. */
  message?: string;
  /** Set when this call just read the organisation's accounts and tax rates into the Accounts tab's lists. */
  listsLoaded?: { accounts: number; taxRates: number };
  /** Choosing another organisation waits for this confirmation (nothing changed yet). */
  confirmRebind?: { from: OrganisationDto; to: OrganisationDto; message: string };
  /** Someone moved the spreadsheet to another organisation since this person last looked (said once). */
  organisationChanged?: { from: OrganisationDto; to: OrganisationDto; by: string; at: string };
  /** The spreadsheet's time zone, for saying when the organisation was chosen as the Log does. */
  timeZone?: string;
}

/** Settings kept with the spreadsheet. */
export interface SettingsDto {
  split: SplitMode;
  documentStatus: DocumentStatus;
  /** Blank: the settlement's main marketplace (e.g. `Amazon.ca`). */
  contactName: string;
  /** Where you sell and how you are registered: a regional template's id, blank until chosen. */
  template: string;
  /** Cost of goods sold journals: on unless turned off (absent means unchanged when saving). */
  cogs?: 'on' | 'off';
  /** Xero tracking categories for marketplaces and fulfilment channels (absent means unchanged when saving). */
  tracking?: TrackingSettings;
  /** Marketplace → its Xero contact (absent means unchanged when saving). */
  contacts?: Record<string, string>;
  /** One document per part and marketplace, each to its own contact (absent means unchanged). */
  splitByMarketplace?: boolean;
  /** Attach each document's summary CSV after posting: on unless turned off (absent means unchanged). */
  attachments?: 'summary' | 'off';
}

/** Saving the settings; `applyTemplate` also replaces the Accounts tab's rows with the template's. */
export type SaveSettingsRequest = SettingsDto & { applyTemplate?: boolean };
