/**
 * The Xero connection as the sidebar drives it: status, sign-in URL, choosing the organisation,
 * disconnecting, refreshing the accounts and tax rates. The work is in src/xero (through
 * src/server/xero's Apps Script adapters); this turns its results into the sidebar's contract and
 * keeps the workbook's Xero lists in step. (The Xero app's credentials are set by the deployer in
 * the Apps Script editor's Script properties only: see src/xero/config.ts.)
 *
 * Moving the spreadsheet to another organisation changes where everyone posts, so it is confirmed
 * naming both (src/xero/connection.ts), written to the Log with who and when, and each
 * collaborator's sidebar says so once, on its next status read.
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
import { UserFacingError, underDocumentLock } from './envelope';
import { currentUser } from '../identity';

function value<T>(result: XeroResult<T>): T {
  if (!result.ok) throw new UserFacingError(result.failure.message);
  return result.value;
}

// The document property naming the organisation whose accounts the Accounts tab's lists hold.
const LISTS_FOR = 'settlesheet.xeroListsFor';
// The user property naming the binding this person's sidebar last showed (`tenant@boundAt`).
const SEEN_BINDING = 'settlesheet.seenOrganisation';

/** Notes the binding this person now sees; returns the change someone else made since they last looked. */
function changeSeen(status: ConnectionStatusDto): ConnectionStatusDto['organisationChanged'] {
  const binding = status.organisation;
  if (!binding) return undefined;
  const user = PropertiesService.getUserProperties();
  const marker = `${binding.tenantId}@${binding.boundAt}`;
  const seen = user.getProperty(SEEN_BINDING);
  if (seen === marker) return undefined;
  user.setProperty(SEEN_BINDING, marker);
  const moved = seen !== null && !seen.startsWith(`${binding.tenantId}@`) && binding.previous && binding.boundBy !== status.user;
  return moved ? { from: binding.previous!, to: { tenantId: binding.tenantId, name: binding.name }, by: binding.boundBy, at: binding.boundAt } : undefined;
}

/** The status with the spreadsheet's time zone, in which the sidebar says when the organisation was chosen (as the Log does). */
function zoned(status: ConnectionStatusDto): ConnectionStatusDto {
  const timeZone = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone();
  return timeZone ? { ...status, timeZone } : status;
}

/**
 * The Xero connection as the sidebar shows it. The first status read after the spreadsheet's
 * organisation is connected (or changed) also fills the Accounts tab's lists from it, so a person
 * who just connected finds account names, checks and dropdowns without pressing anything.
 */
export function getConnectionStatus(): ConnectionStatusDto {
  const read: ConnectionStatusDto = zoned(entry.xeroConnectionStatus());
  const changed = changeSeen(read);
  const status: ConnectionStatusDto = changed ? { ...read, organisationChanged: changed } : read;
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

/**
 * Binds the spreadsheet to an organisation, then fills the Accounts dropdowns from it. Moving it
 * from another waits for the person's confirmation (`replacing`), and is logged.
 */
export function selectXeroOrganisation(request: { tenantId: string; replacing?: string }): ConnectionStatusDto {
  // The move and its Log line under one document lock: nobody's move can come between them.
  const status = underDocumentLock('change the organisation', () => {
    const before = entry.xeroConnectionStatus().organisation;
    const moved: ConnectionStatusDto = zoned(value(entry.selectXeroOrganisation(request.tenantId, request.replacing)));
    const after = moved.organisation;
    if (!moved.confirmRebind && before && after && before.tenantId !== after.tenantId) {
      appendLog(Workbook.active(), {
        what: 'Change organisation',
        settlementId: '',
        result: 'OK',
        details: `Moved this spreadsheet from ${before.name} to ${after.name}: everyone who uses it now posts to ${after.name}.`,
      }, currentUser());
    }
    return moved;
  });
  if (status.confirmRebind) return status;
  changeSeen(status);
  if (!status.canPost) return status;
  const { accounts, taxRates } = refreshXeroAccounts();
  return { ...status, listsLoaded: { accounts, taxRates } };
}

/** Disconnects this person from Xero (the spreadsheet keeps its organisation and records). */
export function disconnectXero(): ConnectionStatusDto {
  return underDocumentLock('disconnect from Xero', () => {
    const status = entry.disconnectXero();
    appendLog(Workbook.active(), { what: 'Disconnect', settlementId: '', result: 'OK', details: status.message }, currentUser());
    return zoned(status);
  });
}

/** Reads the organisation's accounts and tax rates afresh into the Accounts dropdowns and checks. */
export function refreshXeroAccounts(): { organisation: string; accounts: number; taxRates: number } {
  return loadXeroLists(true);
}

/**
 * Fills the Accounts lists and checks from the organisation (its cached reference data unless
 * `fresh`), under the document lock: the name and Check columns are written beside the rows just
 * read, so nobody may move those rows in between.
 */
function loadXeroLists(fresh: boolean): { organisation: string; accounts: number; taxRates: number } {
  const workbook = Workbook.active();
  workbook.ensure();
  const { reference } = value(loadSpreadsheetReference(appsScriptEnvironment(), fresh));
  return underDocumentLock('fill the Accounts lists', () => {
    const counts = writeXeroLists(workbook, reference);
    markAccounts(workbook, readAccountsTab(workbook), reference);
    PropertiesService.getDocumentProperties().setProperty(LISTS_FOR, reference.tenantId);
    return { organisation: reference.organisationName, ...counts };
  });
}
