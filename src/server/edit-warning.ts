/**
 * Says, at the moment someone edits the Mapping, Accounts or Costs tab, which posted settlements
 * the edit changes: their documents in Xero no longer say what the tabs now give, so each will show
 * "Changed since posting" and offer Void and re-post. Without this, the status changed unseen at
 * the next preview.
 *
 * It runs as the simple trigger `onEdit` (Google, "Simple triggers"): every editor's edit, with no
 * further permission (an installable trigger would need the script.scriptapp scope), in AuthMode
 * LIMITED, within 30 seconds, never calling a service that needs authorization. It only reads:
 * the add-on's tab ids, the edited tab, the posted records (one bounded read of the records tab),
 * and shows a toast in the spreadsheet. Each posted record keeps what its documents said, line by
 * line (core/changes), so no settlement's Amazon lines are read. For a single-cell edit, Google
 * passes the cell's value before (`e.oldValue`): the tab is checked as it was and as it is, and
 * only settlements THIS edit changes (or brings back into line) are named. Settlements posted
 * before SettleSheet kept those lines cannot be checked here; their preview still shows it.
 */
import { changedCategories, changedJournalItems } from '../core/changes/still-holds';
import { costBook, readCostsTable } from '../core/cogs/costs';
import { readAccountsTable, readMappingTable } from '../core/mapping/tables';
import type { Mapping } from '../core/mapping/types';
import { isOpen, postedRecordStore, type PostedRecord } from '../xero/posted-records';
import { POSTED_RECORD_PREFIX } from './records/document-store';
import { openRecords } from './records/open';
import { readCostsTab } from './workbook/costs-tab';
import { readAccountsTab, readMappingTab } from './workbook/mapping-tabs';
import { Workbook } from './workbook/workbook';

/** How long the toast stays (Spreadsheet.toast's timeoutSeconds). */
const TOAST_SECONDS = 20;
/** Settlements named one by one in a toast; the rest are counted. */
const NAMED = 3;

type EditedTab = 'mapping' | 'accounts' | 'costs';

/** The simple trigger: checks an edit against the posted settlements and says what it changes. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    const message = postedChangesOf(e);
    if (message) e.source.toast(message, 'SettleSheet', TOAST_SECONDS);
  } catch (error) {
    // A simple trigger's failure is shown to nobody: say it where the script's executions are listed.
    console.warn(`SettleSheet could not check this edit against the posted settlements: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What to say about an edit, or undefined when it changes no posted settlement. */
export function postedChangesOf(e: GoogleAppsScript.Events.SheetsOnEdit): string | undefined {
  // Before the add-on is used in this spreadsheet nothing may be read (AuthMode NONE), and there is nothing posted.
  if (e.authMode === ScriptApp.AuthMode.NONE || !PropertiesService.getDocumentProperties()) return undefined;
  const workbook = Workbook.active();
  const role = workbook.roleOf(e.range.getSheet().getSheetId());
  if (role !== 'mapping' && role !== 'accounts' && role !== 'costs') return undefined;
  // A workbook still being set up (or upgraded) is left to the sidebar, which does it under the lock.
  if (!workbook.isComplete()) return undefined;
  const posted = postedSettlements();
  if (posted.length === 0) return undefined;

  const now = tablesOf(workbook, role);
  const before = previousTables(e, role, now);
  const changedNow = changedSettlements(posted, role, now);
  if (!before) return changedNow.size > 0 ? noLongerMatch(changedNow, false) : undefined;
  const changedBefore = changedSettlements(posted, role, before);
  const newly = new Map([...changedNow].filter(([id]) => !changedBefore.has(id)));
  const restored = [...changedBefore.keys()].filter((id) => !changedNow.has(id));
  const said = [newly.size > 0 ? noLongerMatch(newly, true) : '', restored.length > 0 ? matchAgain(restored) : ''].filter(Boolean);
  return said.length > 0 ? said.join(' ') : undefined;
}

/** The posted records whose documents count in Xero, and say what they said. */
function postedSettlements(): PostedRecord[] {
  const all = new Map(openRecords().entries(POSTED_RECORD_PREFIX));
  const store = postedRecordStore({ get: (key) => all.get(key) ?? null, set: () => undefined, delete: () => undefined });
  return [...all.keys()]
    .map((key) => store.read(key.slice(POSTED_RECORD_PREFIX.length)))
    .filter((r): r is PostedRecord => r !== undefined && r.documents.some((d) => isOpen(d.status)));
}

/** The tables an edit of `role` is checked with: the Mapping and Accounts tables, or the Costs table. */
interface Tables {
  mapping: string[][];
  accounts: string[][];
  costs: string[][];
}

// A Costs edit changes only the SKUs' costs: the journals' accounts are the same before and after.
function tablesOf(workbook: Workbook, role: EditedTab): Tables {
  if (role === 'costs') return { mapping: [], accounts: [], costs: readCostsTab(workbook) };
  return { mapping: readMappingTab(workbook), accounts: readAccountsTab(workbook), costs: [] };
}

/**
 * The tables as they were before a single-cell edit (Google gives its old value), or undefined for
 * a larger edit (a paste, a deleted row), whose earlier values Google does not give.
 */
function previousTables(e: GoogleAppsScript.Events.SheetsOnEdit, role: EditedTab, now: Tables): Tables | undefined {
  const range = e.range;
  if (range.getNumRows() !== 1 || range.getNumColumns() !== 1) return undefined;
  const table = now[role].map((row) => [...row]);
  const row = range.getRow() - 1;
  const column = range.getColumn() - 1;
  while (table.length <= row) table.push([]);
  const cells = table[row]!;
  while (cells.length <= column) cells.push('');
  cells[column] = e.oldValue === undefined || e.oldValue === null ? '' : String(e.oldValue);
  return { ...now, [role]: table };
}

/** Posted settlements whose documents or journals would differ under `tables`, with what differs. */
function changedSettlements(posted: readonly PostedRecord[], role: EditedTab, tables: Tables): Map<string, string[]> {
  const mapping: Mapping = { rules: readMappingTable(tables.mapping).rows, accounts: readAccountsTable(tables.accounts).rows };
  const costs = costBook(readCostsTable(tables.costs).rows);
  const changed = new Map<string, string[]>();
  for (const record of posted) {
    const what = new Set<string>();
    if (record.lines && role !== 'costs') for (const category of changedCategories(record.lines, mapping)) what.add(category);
    // Journals follow the Costs tab and the Accounts tab (their two categories), not the Mapping tab.
    const journalsOpen = (record.journals ?? []).some((j) => isOpen(j.status));
    if (record.journalLines && journalsOpen && role !== 'mapping') {
      for (const item of changedJournalItems(record.journalLines, costs, mapping, record.lines?.marketplace ?? '')) what.add(item);
    }
    if (what.size > 0) changed.set(record.settlementId, [...what]);
  }
  return changed;
}

/** `24577301951 (Seller fees), 24601234567 (MUG-01) and 2 more`. */
function named(changed: ReadonlyMap<string, string[]>): string {
  const all = [...changed].map(([id, what]) => `${id} (${what.slice(0, 3).join(', ')}${what.length > 3 ? ', …' : ''})`);
  const shown = all.slice(0, NAMED);
  const rest = all.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function noLongerMatch(changed: ReadonlyMap<string, string[]>, byThisEdit: boolean): string {
  const one = changed.size === 1;
  const next = `Open ${one ? 'it' : 'each'} in SettleSheet to see what changed and to void and re-post, or undo the edit.`;
  if (one) return `${byThisEdit ? 'This edit changes posted settlement' : 'Posted settlement'} ${named(changed)}: it no longer matches what is in Xero. ${next}`;
  return `${byThisEdit ? `This edit changes ${changed.size} posted settlements` : `${changed.size} posted settlements no longer match what is in Xero`}: ${named(changed)}.${byThisEdit ? ' They no longer match what is in Xero.' : ''} ${next}`;
}

function matchAgain(ids: readonly string[]): string {
  const list = ids.length <= NAMED ? ids.join(', ') : `${ids.slice(0, NAMED).join(', ')} and ${ids.length - NAMED} more`;
  return `Settlement${ids.length === 1 ? '' : 's'} ${list} ${ids.length === 1 ? 'matches' : 'match'} what is in Xero again.`;
}
