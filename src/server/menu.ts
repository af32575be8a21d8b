/**
 * The add-on menu and the sidebar. `onOpen` can run in AuthMode.NONE, so it only builds the menu.
 */

/** Builds the add-on menu when the spreadsheet opens. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open SettleSheet', 'showSidebar')
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
