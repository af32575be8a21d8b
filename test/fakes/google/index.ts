/**
 * Faithful in-memory fakes of the Apps Script services SettleSheet uses. Start with
 * `createGoogleFakes()`; give each execution `world.globalsFor({ user })`; read state with
 * `world.inspect` and call counts with `world.calls`.
 */
export { createGoogleFakes, intrinsicsOf, GoogleWorld, type AppsScriptGlobals, type ExecutionOptions, type GoogleFakesOptions, type ServiceCall, type CallHook } from './world';
export { CallCounter, SHEETS_SERVICES } from './calls';
/** The world `createGoogleFakes` returns. */
export type { GoogleWorld as GoogleFakes } from './world';
export { GoogleException } from './errors';
export type { Intrinsics } from './realm';
export type { GridSnapshot, SheetSummary, UiSnapshot, ValidationSummary, ProtectionSummary, RuleSummary, LockSummary } from './inspect';
export type { AlertAnswerer, ButtonName, ShownAlert, ShownMenu, ShownPage, ShownToast } from './spreadsheet/ui';
export type { RecordedRequest } from './url-fetch';
export type { LogLine } from './logger';
export type { StateToken } from './script';
