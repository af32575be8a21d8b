/**
 * Every function Apps Script can call: triggers, menu items and `google.script.run` targets.
 * The build turns each export into a plain top-level function of dist/Code.js. Each target
 * checks its request and answers in an envelope (see api/envelope.ts).
 */
import type { Envelope, ServerApi } from '../api/types';
import { target } from './api/envelope';
import * as importing from './api/import';
import { previewSettlement as preview } from './api/preview';
import * as schemas from './api/schemas';
import * as settlements from './api/settlements';
import { readSettings, writeSettings } from './settings';

export { onOpen, onInstall, showSidebar } from './menu';

export const beginImport = target(schemas.BeginImportSchema, importing.beginImport);
export const appendImportLines = target(schemas.AppendLinesSchema, importing.appendImportLines);
export const finishImport = target(schemas.FinishImportSchema, importing.finishImport);
export const cancelImport = target(schemas.ImportIdSchema, importing.cancelImport);
export const listSettlements = target(schemas.NoArgumentsSchema, settlements.listSettlements);
export const previewSettlement = target(schemas.SettlementIdSchema, preview);
export const revealInMapping = target(schemas.TripleSchema, settlements.revealInMapping);
export const getMappingTables = target(schemas.NoArgumentsSchema, settlements.getMappingTables);
export const getSettings = target(schemas.NoArgumentsSchema, readSettings);
export const saveSettings = target(schemas.SettingsSchema, writeSettings);

/** The targets as the sidebar's typed wrapper sees them: the compiler keeps both sides in step. */
type Targets = { [K in keyof ServerApi]: (request: Parameters<ServerApi[K]>[0]) => Envelope<ReturnType<ServerApi[K]>> };
type Implements<T extends Partial<Targets>> = T;
export type ImplementedTargets = Implements<{
  beginImport: typeof beginImport;
  appendImportLines: typeof appendImportLines;
  finishImport: typeof finishImport;
  cancelImport: typeof cancelImport;
  listSettlements: typeof listSettlements;
  previewSettlement: typeof previewSettlement;
  revealInMapping: typeof revealInMapping;
  getMappingTables: typeof getMappingTables;
  getSettings: typeof getSettings;
  saveSettings: typeof saveSettings;
}>;
/** Google's /usercallback calls this after the Xero sign-in; the sidebar's Xero targets wrap src/server/xero. */
export { xeroAuthCallback } from './xero/entry-points';
