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

/** The Xero connection as the sidebar shows it. */
export function getConnectionStatus(): ConnectionStatusDto {
  return entry.xeroConnectionStatus();
}

/** Xero's sign-in page for this person (opened in a new tab). */
export function getXeroConnectUrl(): { url: string } {
  return value(entry.xeroConnectUrl());
}

/** Binds the spreadsheet to an organisation, then fills the Accounts dropdowns from it. */
export function selectXeroOrganisation(request: { tenantId: string }): ConnectionStatusDto {
  const status = value(entry.selectXeroOrganisation(request.tenantId));
  if (status.canPost) refreshXeroAccounts();
  return status;
}

/** Disconnects this person from Xero (the spreadsheet keeps its organisation and records). */
export function disconnectXero(): ConnectionStatusDto {
  const status = entry.disconnectXero();
  appendLog(Workbook.active(), { what: 'Disconnect', settlementId: '', result: 'OK', details: status.message }, currentUser());
  return status;
}

/** Reads the organisation's accounts and tax rates afresh into the Accounts dropdowns and checks. */
export function refreshXeroAccounts(): { organisation: string; accounts: number; taxRates: number } {
  const workbook = Workbook.active();
  workbook.ensure();
  const { reference } = value(loadSpreadsheetReference(appsScriptEnvironment(), true));
  const counts = writeXeroLists(workbook, reference);
  markAccounts(workbook, readAccountsTab(workbook), reference);
  return { organisation: reference.organisationName, ...counts };
}

/** Saves the Xero app's client id and secret (never returned). */
export function saveXeroAppCredentials(request: { clientId: string; clientSecret: string; currentSecret?: string }) {
  return entry.saveXeroAppCredentials(request);
}
