/**
 * Every function Apps Script can call: triggers, menu items, the Xero sign-in callback and the
 * `google.script.run` targets. The build turns each export into a plain top-level function of
 * dist/Code.js. Each target checks its request and answers in an envelope (see api/envelope.ts).
 */
import type { Envelope, ServerApi } from '../api/types';
import { target } from './api/envelope';
import * as importing from './api/import';
import * as mappingChoice from './api/mapping-choice';
import * as inXero from './api/documents-in-xero';
import { postSettlement as post } from './api/post';
import { previewSettlement as preview } from './api/preview';
import { removeSettlement as remove } from './api/remove';
import * as schemas from './api/schemas';
import * as settlements from './api/settlements';
import * as xero from './api/xero';
import { saveDeposit as deposit } from './api/exchange';
import { saveSettings as settingsSaved } from './api/template-settings';
import { getTrackingChoices as trackingChoices } from './api/tracking-choices';
import { attachOriginalFile as attachOriginal } from './api/attachments';
import { readSettings } from './settings';

export { onOpen, onInstall, showSidebar, connectXeroFromMenu, disconnectXeroFromMenu, refreshXeroAccountsFromMenu, checkInstallationFromMenu, showHelp } from './menu';
// Run from the Apps Script editor after deploying: the installation check, its report in the log.
export { settlesheetSelfTest } from './self-check';
// Named in the state token of Xero's sign-in: Google's /usercallback calls it with Xero's answer.
export { xeroAuthCallback } from './xero/entry-points';
// The simple trigger that says at once which posted settlements an edit of Mapping, Accounts or Costs changes.
export { onEdit } from './edit-warning';

export const beginImport = target(schemas.BeginImportSchema, importing.beginImport);
export const appendImportLines = target(schemas.AppendLinesSchema, importing.appendImportLines);
export const finishImport = target(schemas.FinishImportSchema, importing.finishImport);
export const cancelImport = target(schemas.ImportIdSchema, importing.cancelImport);
export const listSettlements = target(schemas.NoArgumentsSchema, settlements.listSettlements);
export const previewSettlement = target(schemas.SettlementIdSchema, preview);
export const postSettlement = target(schemas.PostSchema, post);
export const removeSettlement = target(schemas.RemoveSchema, remove);
export const revealInMapping = target(schemas.TripleSchema, settlements.revealInMapping);
export const chooseCategory = target(schemas.CategoryChoiceSchema, mappingChoice.chooseCategory);
export const documentsInXero = target(schemas.SettlementIdSchema, inXero.documentsInXero);
export const getMappingTables = target(schemas.NoArgumentsSchema, settlements.getMappingTables);
export const getConnectionStatus = target(schemas.NoArgumentsSchema, xero.getConnectionStatus);
export const getXeroConnectUrl = target(schemas.NoArgumentsSchema, xero.getXeroConnectUrl);
export const selectXeroOrganisation = target(schemas.TenantSchema, xero.selectXeroOrganisation);
export const disconnectXero = target(schemas.NoArgumentsSchema, xero.disconnectXero);
export const refreshXeroAccounts = target(schemas.NoArgumentsSchema, xero.refreshXeroAccounts);
export const getSettings = target(schemas.NoArgumentsSchema, readSettings);
export const saveSettings = target(schemas.SettingsSchema, settingsSaved);
export const saveDeposit = target(schemas.DepositSchema, deposit);
export const getTrackingChoices = target(schemas.NoArgumentsSchema, trackingChoices);
export const attachOriginalFile = target(schemas.OriginalFileSchema, attachOriginal);

/** The targets as the sidebar's typed wrapper sees them: the compiler keeps both sides in step. */
type Targets = { [K in keyof ServerApi]: (request: Parameters<ServerApi[K]>[0]) => Envelope<ReturnType<ServerApi[K]>> };
type Implements<T extends Targets> = T;
export type ImplementedTargets = Implements<{
  beginImport: typeof beginImport;
  appendImportLines: typeof appendImportLines;
  finishImport: typeof finishImport;
  cancelImport: typeof cancelImport;
  listSettlements: typeof listSettlements;
  previewSettlement: typeof previewSettlement;
  postSettlement: typeof postSettlement;
  removeSettlement: typeof removeSettlement;
  revealInMapping: typeof revealInMapping;
  chooseCategory: typeof chooseCategory;
  documentsInXero: typeof documentsInXero;
  getMappingTables: typeof getMappingTables;
  getConnectionStatus: typeof getConnectionStatus;
  getXeroConnectUrl: typeof getXeroConnectUrl;
  selectXeroOrganisation: typeof selectXeroOrganisation;
  disconnectXero: typeof disconnectXero;
  refreshXeroAccounts: typeof refreshXeroAccounts;
  getSettings: typeof getSettings;
  saveSettings: typeof saveSettings;
  saveDeposit: typeof saveDeposit;
  getTrackingChoices: typeof getTrackingChoices;
  attachOriginalFile: typeof attachOriginalFile;
}>;
