/**
 * The add-on menu and what its items do. `onOpen` can run in AuthMode.NONE (before the person
 * has authorised the add-on in this file), so it only builds the menu and touches nothing else.
 */
import { count } from '../core/words';
import { escapeHtml } from '../xero/wire';
import * as xero from './api/xero';
import { UserFacingError } from './api/envelope';
import { reportHtml } from './self-check/report';
import { runSelfCheck } from './self-check';

/** Builds the add-on menu when the spreadsheet opens. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open SettleSheet', 'showSidebar')
    .addSeparator()
    .addItem('Connect to Xero', 'connectXeroFromMenu')
    .addItem('Refresh Xero accounts', 'refreshXeroAccountsFromMenu')
    .addItem('Disconnect from Xero', 'disconnectXeroFromMenu')
    .addSeparator()
    .addItem('Check this installation', 'checkInstallationFromMenu')
    .addItem('Help', 'showHelp')
    .addToUi();
}

/** Runs when the add-on is installed: the menu must appear without reopening the file. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the sidebar. */
export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('SettleSheet');
  SpreadsheetApp.getUi().showSidebar(page);
}

function dialog(title: string, body: string, height = 180): void {
  const html = HtmlService.createHtmlOutput(
    `<div style="font-family:Roboto,Arial,sans-serif;font-size:13px;line-height:1.5;color:#202124">${body}</div>`,
  )
    .setWidth(420)
    .setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

function failureMessage(e: unknown): string {
  if (e instanceof UserFacingError) return e.message;
  console.error(e);
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}

/** Menu: shows a link to Xero's sign-in page (it opens in a new tab, as Xero requires). */
export function connectXeroFromMenu(): void {
  try {
    const { url } = xero.getXeroConnectUrl();
    dialog(
      'Connect to Xero',
      `<p>Sign in to Xero in a new tab and tick the organisation this spreadsheet posts to.</p>` +
        `<p><a href="${escapeHtml(url)}" target="_blank" rel="noopener">Open Xero's sign-in page</a></p>` +
        `<p>When Xero says you are connected, close that tab and reopen the SettleSheet sidebar.</p>`,
    );
  } catch (e) {
    SpreadsheetApp.getUi().alert('Connect to Xero', failureMessage(e), SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

/** Menu: refreshes the accounts and tax rates the Accounts tab offers. */
export function refreshXeroAccountsFromMenu(): void {
  try {
    const counts = xero.refreshXeroAccounts();
    SpreadsheetApp.getActiveSpreadsheet().toast(`${count(counts.accounts, 'account')} and ${count(counts.taxRates, 'tax rate')} from ${counts.organisation}.`, 'SettleSheet');
  } catch (e) {
    SpreadsheetApp.getUi().alert('Refresh Xero accounts', failureMessage(e), SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

/** Menu: disconnects this person from Xero after asking. */
export function disconnectXeroFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Disconnect from Xero',
    'Disconnect your Xero login from SettleSheet? The spreadsheet keeps its organisation, settlements and posted records.',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  try {
    ui.alert('Disconnect from Xero', xero.disconnectXero().message ?? 'Disconnected.', ui.ButtonSet.OK);
  } catch (e) {
    ui.alert('Disconnect from Xero', failureMessage(e), ui.ButtonSet.OK);
  }
}

/**
 * Menu: checks everything SettleSheet relies on in this spreadsheet and shows the report. Asks
 * first whether the connected organisation is Xero's Demo Company: only then is a test invoice
 * created there (and deleted).
 */
export function checkInstallationFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Check this installation',
    'SettleSheet will check what it relies on here: its permissions, how this spreadsheet stores text and how fast it writes, Google\'s storage limits, and the Xero connection. ' +
      'It works in a scratch tab it deletes and changes none of your data.\n\n' +
      'Is the Xero organisation you are connected to Xero\'s Demo Company? Answer Yes only then: SettleSheet will also create one DRAFT invoice there and delete it. Answer No to check everything else.',
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer !== ui.Button.YES && answer !== ui.Button.NO) return;
  try {
    const report = runSelfCheck({ uiShown: true, confirmedDemo: answer === ui.Button.YES });
    dialog('SettleSheet installation check', reportHtml(report), 560);
  } catch (e) {
    ui.alert('Check this installation', failureMessage(e), ui.ButtonSet.OK);
  }
}

/** Menu: how SettleSheet works, in a few lines. */
export function showHelp(): void {
  dialog(
    'SettleSheet help',
    '<ol style="padding-left:18px">' +
      '<li>Open SettleSheet and connect to Xero.</li>' +
      '<li>Download the settlement from Seller Central (Payments → All Statements → Download Flat File V2) and import it in the sidebar.</li>' +
      '<li>Give every highlighted line in the <b>Mapping</b> tab a category, and every category an account and tax type in the <b>Accounts</b> tab.</li>' +
      '<li>Preview, then Post to Xero. Posting twice never creates a second set of documents.</li>' +
      '</ol>' +
      '<p>Every number is traceable: the <b>Summary</b> tab shows the Amazon lines behind each posted line, and <b>Transactions</b> holds every line of every settlement.</p>' +
      '<p>Signed in to several Google accounts at once? Google may refuse the sidebar ("authorisation required"): open the spreadsheet in a window signed in to one account only (e.g. a private window).</p>',
    330,
  );
}
