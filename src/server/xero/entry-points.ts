/**
 * The Xero functions Apps Script calls: the OAuth callback (named in the state token) and the
 * sidebar's `google.script.run` targets. Each builds this execution's environment and returns
 * plain data: no tokens, no secret, no Dates.
 */
import { callbackPage } from '../../xero/callback-page';
import { completeConnection, connectionStatus, connectUrl, disconnect, selectOrganisation, type CallbackOutcome, type ConnectionStatus } from '../../xero/connection';
import type { XeroResult } from '../../xero/errors';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import { appsScriptEnvironment } from './environment';
import { UrlFetchRefused } from './url-fetch';

/** The user property where the callback notes what Google gave it (the installation check reports it). */
export const CALLBACK_SEEN_KEY = 'settlesheet.callback';

function logged<T>(result: XeroResult<T>): XeroResult<T> {
  if (!result.ok) console.warn(`SettleSheet Xero: ${result.failure.kind}: ${result.failure.message}`);
  return result;
}

/** Xero's sign-in URL for the sidebar to open in a new tab. */
export function xeroConnectUrl(): XeroResult<{ url: string }> {
  return logged(connectUrl(appsScriptEnvironment()));
}

/**
 * Google's /usercallback calls this with Xero's answer (its name is oauth.ts's CALLBACK_FUNCTION);
 * it stores the connection and shows a page.
 */
export function xeroAuthCallback(e: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput {
  // Evidence for the installation check: did Google give this callback the spreadsheet's services?
  PropertiesService.getUserProperties().setProperty(CALLBACK_SEEN_KEY, JSON.stringify({ hadDocument: PropertiesService.getDocumentProperties() !== null, at: new Date().toISOString() }));
  let outcome: CallbackOutcome;
  try {
    outcome = completeConnection(appsScriptEnvironment(), e?.parameter ?? {});
  } catch (error) {
    // Google refused to reach Xero (its quota, the allow-list): say so on the page, not as a crash.
    if (!(error instanceof UrlFetchRefused)) throw error;
    outcome = { ok: false, title: 'Xero was not connected', message: error.message };
  }
  if (!outcome.ok) console.warn(`SettleSheet Xero: sign-in failed: ${outcome.message}`);
  return HtmlService.createHtmlOutput(callbackPage(outcome)).setTitle('SettleSheet · Xero');
}

/** What the sidebar shows about the Xero connection. */
export function xeroConnectionStatus(): ConnectionStatus {
  return connectionStatus(appsScriptEnvironment());
}

/** Binds the spreadsheet to one of the person's organisations (to switch: `replacing`, the one confirmed). */
export function selectXeroOrganisation(tenantId: string, replacing?: string): XeroResult<ConnectionStatus> {
  return logged(selectOrganisation(appsScriptEnvironment(), String(tenantId), replacing === undefined ? undefined : String(replacing)));
}

/** Disconnects the person from Xero; the spreadsheet keeps its organisation and posted records. */
export function disconnectXero(): ConnectionStatus {
  return disconnect(appsScriptEnvironment());
}

/** The bound organisation's accounts and tax rates as the Accounts tab's choices. */
export function xeroAccountChoices(refresh?: boolean): XeroResult<{ organisation: string; accounts: string[]; taxRates: string[] }> {
  const loaded = logged(loadSpreadsheetReference(appsScriptEnvironment(), refresh === true));
  if (!loaded.ok) return loaded;
  const { reference, accounts, taxRates } = loaded.value;
  return { ok: true, value: { organisation: reference.organisationName, accounts, taxRates } };
}
