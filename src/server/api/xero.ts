/**
 * The Xero connection as the sidebar drives it: status, sign-in URL, choosing the organisation,
 * disconnecting, refreshing the accounts and tax rates, and saving the app's credentials. The
 * work is in src/xero (through src/server/xero's Apps Script adapters); this turns its results
 * into the sidebar's contract and keeps the workbook's Xero lists in step.
 */
import type { ConnectionStatusDto } from '../../api/types';
import type { XeroResult } from '../../xero/errors';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import * as entry from '../xero/entry-points';
import { appsScriptEnvironment } from '../xero/environment';
import { readAccountsTab } from '../workbook/mapping-tabs';
import { appendLog } from '../workbook/log';
import { markAccounts, writeXeroLists } from '../workbook/xero-lists';
import { Workbook } from '../workbook/workbook';
import { UserFacingError } from './envelope';
import { currentUser } from '../identity';

function value<T>(result: XeroResult<T>): T {
  if (!result.ok) throw new UserFacingError(result.failure.message);
  return result.value;
}

// The document property naming the organisation whose accounts the Accounts tab's lists hold.
const LISTS_FOR = 'settlesheet.xeroListsFor';

/**
 * The Xero connection as the sidebar shows it. The first status read after the spreadsheet's
 * organisation is connected (or changed) also fills the Accounts tab's lists from it, so a person
 * who just connected finds account names, checks and dropdowns without pressing anything.
 */
export function getConnectionStatus(): ConnectionStatusDto {
  const status: ConnectionStatusDto = entry.xeroConnectionStatus();
  const tenantId = status.organisation?.tenantId;
  if (!status.canPost || !tenantId || PropertiesService.getDocumentProperties().getProperty(LISTS_FOR) === tenantId) return status;
  try {
    const { accounts, taxRates } = loadXeroLists(false);
    return { ...status, listsLoaded: { accounts, taxRates } };
  } catch (e) {
    // The status still answers; the lists are tried again at the next status read.
    console.warn(`SettleSheet: could not fill the Accounts lists from Xero: ${e instanceof Error ? e.message : String(e)}`);
    return status;
  }
}

/** Xero's sign-in page for this person (opened in a new tab). */
export function getXeroConnectUrl(): { url: string } {
  return value(entry.xeroConnectUrl());
}

/** Binds the spreadsheet to an organisation, then fills the Accounts dropdowns from it. */
export function selectXeroOrganisation(request: { tenantId: string }): ConnectionStatusDto {
  const status: ConnectionStatusDto = value(entry.selectXeroOrganisation(request.tenantId));
  if (!status.canPost) return status;
  const { accounts, taxRates } = refreshXeroAccounts();
  return { ...status, listsLoaded: { accounts, taxRates } };
}

/** Disconnects this person from Xero (the spreadsheet keeps its organisation and records). */
export function disconnectXero(): ConnectionStatusDto {
  const status = entry.disconnectXero();
  appendLog(Workbook.active(), { what: 'Disconnect', settlementId: '', result: 'OK', details: status.message }, currentUser());
  return status;
}

/** Reads the organisation's accounts and tax rates afresh into the Accounts dropdowns and checks. */
export function refreshXeroAccounts(): { organisation: string; accounts: number; taxRates: number } {
  return loadXeroLists(true);
}

/** Fills the Accounts lists and checks from the organisation (its cached reference data unless `fresh`). */
function loadXeroLists(fresh: boolean): { organisation: string; accounts: number; taxRates: number } {
  const workbook = Workbook.active();
  workbook.ensure();
  const { reference } = value(loadSpreadsheetReference(appsScriptEnvironment(), fresh));
  const counts = writeXeroLists(workbook, reference);
  markAccounts(workbook, readAccountsTab(workbook), reference);
  PropertiesService.getDocumentProperties().setProperty(LISTS_FOR, reference.tenantId);
  return { organisation: reference.organisationName, ...counts };
}

/** Saves the Xero app's client id and secret (never returned). */
export function saveXeroAppCredentials(request: { clientId: string; clientSecret: string; currentSecret?: string }) {
  return entry.saveXeroAppCredentials(request);
}
