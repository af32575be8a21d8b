/**
 * Which OAuth scopes each Apps Script method needs, from the "Authorization" section of the
 * method's page in Google's reference (developers.google.com/apps-script/reference/…), and the
 * exception a call throws when the manifest's explicit `oauthScopes` grant none of them.
 *
 * Google's wording, as measured reports quote it when an explicit manifest lacks the scope
 * ("Specified permissions are not sufficient to call Ui.showModalDialog. Required permissions:
 * https://www.googleapis.com/auth/script.container.ui"; the same for Session.getActiveUser,
 * Session.getEffectiveUser, DriveApp.createFolder, MailApp): the method's class and name, then the
 * scope, or `(a || b)` when several would do, as in "Required permissions:
 * (https://www.googleapis.com/auth/spreadsheets.currentonly ||
 * https://www.googleapis.com/auth/spreadsheets)". Reports also show "You do not have permission
 * to call …" with the same tail, for a grant that lacks a scope the manifest lists; the fakes use
 * that wording for AuthMode.NONE (see world.ts). SettleSheet never matches on either wording
 * except to classify a UrlFetch refusal, where it accepts both.
 */
import { GoogleException } from './errors';

const SPREADSHEETS = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/spreadsheets'] as const;
const CONTAINER_UI = ['https://www.googleapis.com/auth/script.container.ui'] as const;
const EXTERNAL_REQUEST = ['https://www.googleapis.com/auth/script.external_request'] as const;
const USERINFO_EMAIL = ['https://www.googleapis.com/auth/userinfo.email'] as const;

// Every method of these classes lists the two spreadsheet scopes (e.g. Range.getValues,
// Sheet.getRange, Spreadsheet.getSheetByName).
const SPREADSHEET_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'Protection']);

// SpreadsheetApp: the methods that reach the document; getUi and the builders (newDataValidation,
// newRichTextValue, newConditionalFormatRule) list none.
const SPREADSHEET_APP_METHODS = new Set(['getActive', 'getActiveSpreadsheet', 'getActiveSheet', 'getActiveRange', 'flush', 'openById', 'openByUrl']);

// Ui: showSidebar and showModalDialog list script.container.ui (and reports quote the refusal).
// ASSUMPTION: alert, prompt and showModelessDialog need it too (the product's manifest has it).
const UI_METHODS = new Set(['showSidebar', 'showModalDialog', 'showModelessDialog', 'alert', 'prompt']);

/** The scopes a call needs (any one of them will do), or an empty list. */
export function requiredScopes(name: string): readonly string[] {
  const [service = '', method = ''] = name.split('.');
  if (SPREADSHEET_CLASSES.has(service)) return SPREADSHEETS;
  if (service === 'SpreadsheetApp') return SPREADSHEET_APP_METHODS.has(method) ? SPREADSHEETS : [];
  if (service === 'Ui') return UI_METHODS.has(method) ? CONTAINER_UI : [];
  // UrlFetchApp.fetch / fetchAll / getRequest list script.external_request.
  if (service === 'UrlFetchApp') return EXTERNAL_REQUEST;
  // Session.getActiveUser and getEffectiveUser list userinfo.email; getTemporaryActiveUserKey,
  // getScriptTimeZone and getActiveUserLocale list nothing.
  if (service === 'Session' && (method === 'getActiveUser' || method === 'getEffectiveUser')) return USERINFO_EMAIL;
  // PropertiesService, CacheService, LockService, Utilities, HtmlService, ScriptApp.getScriptId /
  // newStateToken, Logger and console list no scope.
  return [];
}

/** Google's text for the scopes a call needs. */
export function scopeList(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0]! : `(${scopes.join(' || ')})`;
}

/**
 * Throws Google's exception when an explicit scope list grants none of the scopes the call needs.
 * Without explicit scopes Apps Script grants what the code uses, so nothing is refused.
 */
export function checkScopes(name: string, granted: readonly string[] | undefined): void {
  if (granted === undefined) return;
  const needed = requiredScopes(name);
  if (needed.length === 0 || needed.some((scope) => granted.includes(scope))) return;
  throw new GoogleException(`Specified permissions are not sufficient to call ${name}. Required permissions: ${scopeList(needed)}`);
}
