/**
 * Finds the add-on's tabs and creates them on first use. A tab is remembered by its sheet id in
 * document properties, so a person may rename it; a user's own tab that already has one of our
 * names is never touched: ours gets another name.
 */
import { MAPPING_COLUMNS, accountsTableRows, mappingTableRows } from '../../core/mapping/tables';
import { defaultRules } from '../../core/mapping/defaults';
import { templateAccounts } from '../../core/mapping/templates';
import { readSettings } from '../settings';
import { setUpCostsTab } from './costs-tab';
import { TABS, layoutOf, type TabLayout, type TabRole } from './layout';
import { noteLockTaken } from '../records/record-sheet';
import { upgradeLayout, LAYOUT_VERSION, LAYOUT_KEY } from './layout-upgrade';

const TABS_KEY = 'settlesheet.tabs';

/** Each role's tab by sheet id (and the roles of older versions, such as the import staging tab). */
export type TabRegistry = Partial<Record<TabRole | 'staging', { id: number; name: string }>>;

/** A tab the add-on needs is gone (deleted by someone); reopening the sidebar recreates it. */
export class MissingTabError extends Error {
  override name = 'MissingTabError';
}

/** The active spreadsheet as SettleSheet sees it: its tabs by role. */
export class Workbook {
  private registry: TabRegistry;
  private readonly resolved = new Map<TabRole, GoogleAppsScript.Spreadsheet.Sheet>();

  private constructor(
    readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly documentProperties: GoogleAppsScript.Properties.Properties,
  ) {
    this.registry = JSON.parse(documentProperties.getProperty(TABS_KEY) ?? '{}') as TabRegistry;
  }

  /** The workbook of the active spreadsheet. */
  static active(): Workbook {
    return new Workbook(SpreadsheetApp.getActiveSpreadsheet(), PropertiesService.getDocumentProperties());
  }

  /** The spreadsheet's time zone: dates people type are midnight there. */
  get timeZone(): string {
    return this.spreadsheet.getSpreadsheetTimeZone();
  }

  /** The tab for a role; throws MissingTabError when it is gone. */
  tab(role: TabRole): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.find(role);
    if (!sheet) {
      throw new MissingTabError(`The ${layoutOf(role).name} tab is missing. Close and reopen the SettleSheet sidebar to recreate it.`);
    }
    return sheet;
  }

  /** The role of a tab by its sheet id, when it is one of the add-on's (nothing is created or read). */
  roleOf(sheetId: number): TabRole | undefined {
    return (Object.keys(this.registry) as (TabRole | 'staging')[]).find((role): role is TabRole => role !== 'staging' && this.registry[role]?.id === sheetId);
  }

  /** True when every tab exists and is laid out as this version lays it out (nothing to do). */
  isComplete(): boolean {
    return TABS.every((t) => this.find(t.role) !== undefined) && this.layoutVersion() === LAYOUT_VERSION;
  }

  private layoutVersion(): number {
    return Number(this.documentProperties.getProperty(LAYOUT_KEY) ?? 0);
  }

  /**
   * Creates the tabs that do not exist yet (leaving the person on the tab they were on) and brings
   * tabs an older version made up to date; returns the roles it created.
   */
  ensure(): TabRole[] {
    if (this.isComplete()) return [];
    // Two people opening the sidebar of a new spreadsheet at once must not each create the tabs.
    const lock = LockService.getDocumentLock();
    const held = lock.hasLock();
    if (!held && !lock.tryLock(30_000)) throw new MissingTabError('SettleSheet is setting up its tabs for someone else. Try again in a minute.');
    if (!held) noteLockTaken();
    try {
      this.registry = JSON.parse(this.documentProperties.getProperty(TABS_KEY) ?? '{}') as TabRegistry;
      this.resolved.clear();
      if (this.isComplete()) return [];
      const existed = TABS.filter((t) => this.find(t.role) !== undefined).map((t) => t.role);
      const created = this.createMissing();
      if (this.layoutVersion() !== LAYOUT_VERSION) {
        upgradeLayout(this, this.registry, existed);
        this.documentProperties.setProperty(TABS_KEY, JSON.stringify(this.registry));
        this.documentProperties.setProperty(LAYOUT_KEY, String(LAYOUT_VERSION));
      }
      return created;
    } finally {
      if (!held) lock.releaseLock();
    }
  }

  private createMissing(): TabRole[] {
    const created: TabRole[] = [];
    if (TABS.every((t) => this.find(t.role) !== undefined)) return created;
    // Inserting a sheet makes it the active one; the person should stay where they were.
    const before = this.spreadsheet.getActiveSheet();
    for (const layout of TABS) {
      if (this.find(layout.role)) continue;
      const sheet = this.create(layout);
      this.registry[layout.role] = { id: sheet.getSheetId(), name: sheet.getName() };
      this.resolved.set(layout.role, sheet);
      created.push(layout.role);
    }
    this.documentProperties.setProperty(TABS_KEY, JSON.stringify(this.registry));
    // Validations refer to other tabs, so they are set once every tab exists.
    if (created.includes('mapping')) this.setUpMapping();
    if (created.includes('accounts')) this.setUpAccounts();
    if (created.includes('costs')) setUpCostsTab(this.tab('costs'));
    this.spreadsheet.setActiveSheet(before);
    return created;
  }

  private find(role: TabRole): GoogleAppsScript.Spreadsheet.Sheet | undefined {
    const cached = this.resolved.get(role);
    if (cached) return cached;
    const known = this.registry[role];
    if (!known) return undefined;
    let sheet = this.spreadsheet.getSheetByName(known.name) ?? undefined;
    if (!sheet || sheet.getSheetId() !== known.id) {
      sheet = this.spreadsheet.getSheets().find((s) => s.getSheetId() === known.id);
      if (!sheet) return undefined;
      this.registry[role] = { id: known.id, name: sheet.getName() };
      this.documentProperties.setProperty(TABS_KEY, JSON.stringify(this.registry));
    }
    this.resolved.set(role, sheet);
    return sheet;
  }

  /** A free name: ours, or ours marked as SettleSheet's when a person's tab already has it. */
  private freeName(name: string): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : n === 2 ? `${name} (SettleSheet)` : `${name} (SettleSheet ${n - 1})`;
      if (!this.spreadsheet.getSheetByName(candidate)) return candidate;
    }
  }

  private create(layout: TabLayout): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.spreadsheet.insertSheet(this.freeName(layout.name));
    const width = Math.max(layout.header.length, layout.role === 'summary' ? 8 : 1);
    // Every cell counts toward the 10-million-cell limit: keep only the columns the tab uses.
    if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
    if (layout.header.length) {
      sheet.getRange(1, 1, 1, layout.header.length).setValues([[...layout.header]]).setFontWeight('bold').setBackground('#e8eaed');
      sheet.setFrozenRows(1);
    }
    const rows = sheet.getMaxRows() - 1;
    for (const [column, format] of Object.entries(layout.formats ?? {})) {
      sheet.getRange(2, Number(column), rows, 1).setNumberFormat(format);
    }
    for (const [column, px] of Object.entries(layout.widths ?? {})) sheet.setColumnWidth(Number(column), px);
    if (layout.note) sheet.getRange(1, 1).setNote(layout.note);
    if (layout.maintained) sheet.protect().setDescription('Maintained by SettleSheet').setWarningOnly(true);
    if (layout.hidden) sheet.hideSheet();
    return sheet;
  }

  private setUpMapping(): void {
    const sheet = this.tab('mapping');
    const rows = mappingTableRows(defaultRules()).slice(1);
    sheet.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
    const category = MAPPING_COLUMNS.indexOf('Category') + 1;
    const categoryLetter = String.fromCharCode(64 + category);
    const categories = SpreadsheetApp.newDataValidation()
      .requireValueInRange(this.tab('accounts').getRange('A2:A'), true)
      .setAllowInvalid(true)
      .setHelpText('A category from the Accounts tab (add new categories there first).')
      .build();
    const body = sheet.getMaxRows() - 1;
    sheet.getRange(2, category, body, 1).setDataValidation(categories);
    const waiting = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(LEN($A2&$B2&$C2)>0,LEN($${categoryLetter}2)=0)`)
      .setBackground('#fff2cc')
      .setRanges([sheet.getRange(2, 1, body, sheet.getMaxColumns())])
      .build();
    sheet.setConditionalFormatRules([waiting]);
  }

  private setUpAccounts(): void {
    const sheet = this.tab('accounts');
    // The rows of the regional template chosen in the settings (the US rows until one is).
    const rows = accountsTableRows(templateAccounts(readSettings().template)).slice(1);
    sheet.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
    const xero = this.tab('xero');
    const body = sheet.getMaxRows() - 1;
    const fromList = (range: string, help: string) =>
      SpreadsheetApp.newDataValidation().requireValueInRange(xero.getRange(range), true).setAllowInvalid(true).setHelpText(help).build();
    sheet.getRange(2, 5, body, 1).setDataValidation(fromList('A2:A', 'An ACTIVE account of the connected Xero organisation.'));
    sheet.getRange(2, 6, body, 1).setDataValidation(fromList('D2:D', 'An ACTIVE tax rate of the connected Xero organisation.'));
    const flagged = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=AND(LEN($H2)>0,$H2<>"OK")')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange(2, 1, body, sheet.getMaxColumns())])
      .build();
    sheet.setConditionalFormatRules([flagged]);
  }
}
