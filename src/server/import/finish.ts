/**
 * Finishing an import so that whatever stops it half-way (Google failing a call, the six minutes
 * running out) leaves the settlement as it was or as it is meant to be, never between, and the
 * person is told which. The import's journal (import-state.ts) is written before the first step:
 *
 * 1. everything is checked first: every line arrived, the browser's aggregate and units are
 *    those of the stored lines (line-sketch.ts), the lines add up to the total (or the person
 *    kept the file for inspection), nobody imported the settlement meanwhile, there is room;
 * 2. `writing`: the new aggregate and units rows go after the last rows of their tabs (the old
 *    file's rows, if any, are untouched); a failure here is rolled back by deleting them;
 * 3. `written`: the hidden lines are shown and the record saved, pointing at the new rows: from
 *    here a failure is rolled forward;
 * 4. `committed`: tidying. A re-issued file's old rows are deleted by their settlement-id cells
 *    (the new rows are the last ones carrying the id in each tab, whatever was typed below them),
 *    then the Settlements row, Mapping's new line types and the Log.
 * Each step is safe to repeat. The next call that finds the journal (any import call, a preview, a
 * post, the list) rolls it forward or back before it does anything else.
 */
import type { AggregateEntryDto, FinishImportRequest, SettlementListItem } from '../../api/types';
import { createMatcher } from '../../core/mapping/match';
import { addMinor, formatAmount, parseAmount, type Minor } from '../../core/money';
import { compareEntries, type AggregateEntry } from '../../core/summary/aggregate';
import { summariseSettlement } from '../../core/summary/summarise';
import type { UnmappedLine } from '../../core/summary/types';
import { count, differenceWords } from '../../core/words';
import { UserFacingError, underDocumentLock } from '../api/envelope';
import { listItemOf, postingViewOf } from '../api/views';
import { categoryLabel } from '../category-labels';
import { importedUnits } from '../cogs';
import { unitRowsOf, type UnitsEntry } from '../../core/cogs/units';
import { pendingRows, readImportState, saveJournal, type FinishJournal, type ImportState } from '../import-state';
import { LINE_FACTS_KEPT, SettlementRegistry, statusOf, type RowBlock, type SettlementRecord } from '../registry';
import { aggregateOf } from '../settlement-aggregate';
import { aggregateCellsNeeded, plannedAggregateBlock, readAggregate, writeAggregateAt, type StoredEntry } from '../workbook/aggregates';
import { importLogDetails } from '../log-words';
import { appendLog } from '../workbook/log';
import { appendUnmapped, appendWords, mappingEdits, readMappingTab, rulesOf, type MappingAppend } from '../workbook/mapping-tabs';
import { deleteRuns, rowsAbove, runsWhere, shiftHints } from '../workbook/rows-by-id';
import { writeSettlementRow, type PostingView } from '../workbook/settlements-tab';
import { revealPendingRows } from '../workbook/transactions';
import { isUnitsRowOf, plannedUnitsBlock, unitsCellsNeeded, writeUnitsAt } from '../workbook/units-store';
import { Workbook } from '../workbook/workbook';
import { sketchesOf } from './line-sketch';
import { CELL_LIMIT, cellsInUse, discardImport, finishCellsNeeded, forgetImport, importMappingTable, noRoom, placedPending, stateFor } from './staged';

/** What a finish's first pass knows that a roll-forward after a failure reads again. */
interface Fresh {
  entries: AggregateEntry[];
  reader?: FinishImportRequest['reader'];
}

/** Finishes the import `request.importId` (under the document lock); see the module comment. */
export function finishStagedImport(workbook: Workbook, request: FinishImportRequest): SettlementListItem {
  let state = stateFor(request.importId);
  if (state.finishing) {
    // A finish whose answer was lost, or that failed half-way, is asked again: settle it first.
    const settled = settle(workbook, state);
    if (settled) return settled;
    state = stateFor(request.importId);
  }
  const { header } = state.request;
  const replacing = () => {
    try {
      return SettlementRegistry.active().get(header.settlementId) !== undefined;
    } catch {
      return state.request.confirmReissue === true;
    }
  };
  let planned: Planned;
  try {
    const plan = planFinish(workbook, state, request);
    if (!('journal' in plan)) return plan;
    planned = plan;
  } catch (error) {
    // Nothing was written before the journal: say so, in Google's words when it was Google.
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(`Settlement ${header.settlementId} was not ${replacing() ? 'replaced' : 'imported'}: ${reason(error)}. Nothing changed. Import the file again.`);
  }
  const { journal, stored, units, entries, room, unitCells } = planned;
  const previous = journal.previous;
  state = { ...state, finishing: journal };
  try {
    saveJournal(state);
    writeAggregateAt(workbook, journal.aggregates, header.settlementId, stored, room - unitCells);
    writeUnitsAt(workbook, journal.units.firstRow, header.settlementId, units);
    journal.phase = 'written';
    saveJournal(state);
  } catch (error) {
    rollBackQuietly(workbook);
    throw new UserFacingError(
      `Settlement ${header.settlementId} was not ${previous ? 'replaced' : 'imported'}: ${reason(error)}. Nothing changed${previous ? ': it is as it was' : ''}. Import the file again.`,
    );
  }
  try {
    return rollForward(workbook, state, { entries, ...(request.reader ? { reader: request.reader } : {}) });
  } catch (error) {
    throw new UserFacingError(
      `Settlement ${header.settlementId} is imported${previous ? ' from the new file' : ''}, but SettleSheet could not finish tidying up after it (${reason(error)}). ` +
        'It finishes by itself the next time anyone uses SettleSheet in this spreadsheet.',
    );
  }
}

/** What a finish decided before writing anything. */
interface Planned {
  journal: FinishJournal;
  stored: StoredEntry[];
  units: UnitsEntry[];
  entries: AggregateEntry[];
  room: number;
  unitCells: number;
}

/**
 * Checks everything a finish depends on and plans its rows and record, writing nothing (an import
 * refused for good is let go). Answers the settlement when someone imported the same file meanwhile.
 */
function planFinish(workbook: Workbook, state: ImportState, request: FinishImportRequest): Planned | SettlementListItem {
  const { header } = state.request;
  if (state.received !== state.request.lineCount) {
    throw new UserFacingError(`Only ${state.received.toLocaleString('en-US')} of ${count(state.request.lineCount, 'line')} arrived. Start the import again.`);
  }
  const entries = checkedAggregate(state, request.aggregate);
  const units = importedUnits(request.units) ?? [];
  const reduced = sketchesOf(state.salt ?? '', entries, units);
  if (!state.sketches || reduced.aggregate !== state.sketches.aggregate || reduced.units !== state.sketches.units) {
    discardImport(workbook, state);
    throw notOfTheLines(state);
  }
  if (state.request.unitRows !== undefined && unitRowsOf(units) !== state.request.unitRows) {
    discardImport(workbook, state);
    throw new UserFacingError(`The import does not add up (units of ${count(unitRowsOf(units), 'SKU')}, ${state.request.unitRows} announced). Nothing was imported; start the import again.`);
  }
  const total = parseAmount(header.totalAmount, state.decimals) as Minor;
  const difference = Number(BigInt(state.sum) - BigInt(total));
  if (difference !== 0 && !state.request.keepUnbalanced) {
    discardImport(workbook, state);
    throw new UserFacingError(
      `Settlement ${header.settlementId} was not imported: ${differenceWords(formatAmount(difference, state.decimals), header.currency)}, so the file is not whole. ` +
        'Download it again from Seller Central (Payments → All Statements → Download Flat File V2); to look at this one anyway, choose "Keep it for inspection".',
    );
  }
  const registry = SettlementRegistry.active();
  const previous = registry.get(header.settlementId);
  if (previous && !state.request.confirmReissue) {
    // Someone imported this settlement since the import began: its basis changed, so it stops.
    discardImport(workbook, state);
    if (previous.contentHash === state.request.contentHash) return listItemOf(previous);
    throw new UserFacingError(`${previous.importedBy} imported settlement ${header.settlementId} from another file meanwhile. Nothing was imported: start again to replace it.`);
  }

  const rules = rulesOf(importMappingTable(workbook, state.importId));
  const matcher = createMatcher({ rules, accounts: [] });
  const stored: StoredEntry[] = entries.map((entry) => ({ entry, category: categoryLabel(matcher.categoryFor(entry)) }));
  const summary = summariseSettlement(aggregateOf({ ...state.request, lines: state.received }, entries), { rules, accounts: [] }, { split: 'off' });
  // Room for what finishing adds, counted before anything is written.
  const room = CELL_LIMIT - cellsInUse(workbook) - finishCellsNeeded(workbook);
  const unitCells = unitsCellsNeeded(workbook, unitRowsOf(units));
  if (aggregateCellsNeeded(workbook, stored.length) + unitCells > room) throw noRoom(state.received);

  const aggregates = plannedAggregateBlock(workbook, stored.length);
  const unitsBlock = plannedUnitsBlock(workbook, header.settlementId, units);
  const record: SettlementRecord = {
    settlementId: header.settlementId,
    source: state.request.source,
    format: state.request.format,
    header,
    decimals: state.decimals,
    lines: state.received,
    dataRows: state.request.dataRows,
    rowsWithoutAmount: state.request.rowsWithoutAmount,
    contentHash: state.request.contentHash,
    ...(state.request.fileSha256 ? { fileSha256: state.request.fileSha256 } : {}),
    linesKept: LINE_FACTS_KEPT,
    marketplaces: summary.marketplaces,
    importedAt: new Date().toISOString(),
    importedBy: state.user,
    transactions: placedPending(workbook, state),
    aggregates,
    units: unitsBlock,
    balanced: difference === 0,
    unmapped: summary.unmapped.length,
    changedSincePosting: previous ? postingViewOf(previous).documents.length > 0 : false,
  };
  const journal: FinishJournal = {
    phase: 'writing',
    record,
    aggregates,
    units: unitsBlock,
    ...(previous ? { previous } : {}),
    unmapped: summary.unmapped.length,
  };
  return { journal, stored, units, entries, room, unitCells };
}

/**
 * Rolls an interrupted finish forward or back, if there is one (any call that reads or writes the
 * workbook's settlements does this first). Returns the settlement a roll-forward finished.
 */
export function settleUnfinishedImport(workbook = Workbook.active()): SettlementListItem | undefined {
  if (!readImportState()?.finishing) return undefined;
  return underDocumentLock('finish an interrupted import', () => {
    const state = readImportState();
    return state?.finishing ? settle(workbook, state) : undefined;
  });
}

/** Rolls a journal forward (the new rows are all written) or back; the settlement when forward. */
function settle(workbook: Workbook, state: ImportState): SettlementListItem | undefined {
  if (state.finishing!.phase !== 'writing') return rollForward(workbook, state);
  rollBack(workbook, state);
  return undefined;
}

/** Deletes whatever the new rows of a finish still `writing` left, and forgets the finish. */
function rollBack(workbook: Workbook, state: ImportState): void {
  const journal = state.finishing!;
  const id = journal.record.settlementId;
  const last = (b: { firstRow: number; count: number }) => b.firstRow + b.count - 1;
  deleteRuns(workbook, 'aggregates', runsWhere(workbook, 'aggregates', (v) => v === id, journal.aggregates.firstRow, last(journal.aggregates)));
  deleteRuns(workbook, 'units', runsWhere(workbook, 'units', isUnitsRowOf(id), journal.units.firstRow, last(journal.units)));
  const { finishing: _done, ...rest } = state;
  saveJournal(rest);
}

function rollBackQuietly(workbook: Workbook): void {
  try {
    const state = readImportState();
    if (state?.finishing?.phase === 'writing') rollBack(workbook, state);
  } catch (error) {
    // The journal stays: the next call rolls it back.
    console.warn(`SettleSheet: rolling back an import failed too: ${reason(error)}`);
  }
}

/** Shows the lines, saves the record, tidies up, forgets the import; returns the settlement. */
function rollForward(workbook: Workbook, state: ImportState, fresh?: Fresh): SettlementListItem {
  const journal = state.finishing!;
  const registry = SettlementRegistry.active();
  if (journal.phase === 'written') {
    revealPendingRows(workbook, pendingRows(state));
    // A new settlement's record is one appendRow; a replaced one (or a second try) is found and rewritten.
    if (fresh && !journal.previous) registry.add(journal.record);
    else registry.put(journal.record);
    journal.phase = 'committed';
    saveJournal(state);
  }
  const record = journal.previous ? removeReplacedRows(workbook, registry, journal) : journal.record;
  const posting: PostingView = journal.previous ? postingViewOf(record) : { status: statusOf(record, 0), documents: [] };
  writeSettlementRow(workbook, record, posting, fresh !== undefined && !journal.previous);
  const entries = fresh?.entries ?? readAggregate(workbook, record).stored.map((s) => s.entry);
  // The Mapping tab as it is now: the import's own reading when neither SettleSheet has written there
  // since nor has the tab's height changed (a person typing a rule adds a row), read afresh otherwise:
  // someone may have listed or mapped these line types, and they must not be listed twice.
  let appended: MappingAppend | undefined;
  let unmapped: UnmappedLine[] = [];
  if (journal.unmapped > 0) {
    const reading = fresh && state.mappingEdits === mappingEdits() ? importMappingTable(workbook, state.importId) : undefined;
    const table = reading && reading.length === workbook.tab('mapping').getLastRow() ? reading : readMappingTab(workbook);
    const now = summariseSettlement(aggregateOf(record, entries), { rules: rulesOf(table), accounts: [] }, { split: 'off' });
    unmapped = now.unmapped;
    appended = appendUnmapped(workbook, table, unmapped, record.decimals, record.settlementId);
  }
  appendLog(workbook, { what: 'Import', settlementId: record.settlementId, result: 'OK', details: `${importDetails(record, entries, journal, unmapped, appended)}${readerWords(fresh?.reader)}` }, state.user);
  forgetImport(state.importId);
  return listItemOf(record, posting);
}

/**
 * Deletes the rows of the file a re-issue replaced, told apart from the new file's by content:
 * each tab's rows carrying the settlement's id, in order, end with the new file's (they were put
 * after every row the tab had, and nothing but this import adds rows with its id), so every such
 * row before the last `count` is the old file's, wherever anything a person typed below them is.
 * Safe to repeat: once the old rows are gone, only the new ones carry the id. Returns the record
 * with its row hints where the new rows are now.
 */
function removeReplacedRows(workbook: Workbook, registry: SettlementRegistry, journal: FinishJournal): SettlementRecord {
  const { record } = journal;
  const id = record.settlementId;
  const isId = (v: string) => v === id;
  const lines = removeAllButLast(workbook, 'transactions', isId, record.lines);
  shiftHints(registry, 'transactions', lines.removed, id);
  const entries = removeAllButLast(workbook, 'aggregates', isId, record.aggregates.count);
  shiftHints(registry, 'aggregates', entries.removed, id);
  const units = removeAllButLast(workbook, 'units', isUnitsRowOf(id), journal.units.count);
  shiftHints(registry, 'units', units.removed, id);
  const moved: SettlementRecord = { ...record, transactions: lines.kept, aggregates: entries.kept, units: units.kept };
  const movedUp = (tab: 'transactions' | 'aggregates' | 'units') => moved[tab]!.firstRow !== record[tab]?.firstRow;
  if (movedUp('transactions') || movedUp('aggregates') || movedUp('units')) registry.put(moved);
  return moved;
}

/**
 * Deletes the rows of a tab that `belong`, all but the last `count` of them; returns the runs
 * deleted and where the kept rows are now (one block: a re-issue's new rows were written as one).
 */
function removeAllButLast(workbook: Workbook, role: 'transactions' | 'aggregates' | 'units', belongs: (v: string) => boolean, count: number): { removed: RowBlock[]; kept: RowBlock } {
  const runs = runsWhere(workbook, role, belongs);
  const removed: RowBlock[] = [];
  let keep = count;
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i]!;
    const kept = Math.min(keep, run.count);
    keep -= kept;
    if (kept < run.count) removed.unshift({ firstRow: run.firstRow, count: run.count - kept });
  }
  const newFirst = runs.length ? runs[runs.length - 1]!.firstRow + runs[runs.length - 1]!.count - count : 0;
  deleteRuns(workbook, role, removed);
  return { removed, kept: { firstRow: newFirst - rowsAbove(removed, newFirst), count } };
}

/** The Log's words for an import (log-words.ts), with what the Mapping tab could not list one by one. */
function importDetails(record: SettlementRecord, entries: readonly AggregateEntry[], journal: FinishJournal, unmapped: readonly UnmappedLine[], appended: MappingAppend | undefined): string {
  const sum = entries.reduce((s, e) => addMinor(s, e.amount), 0);
  const total = parseAmount(record.header.totalAmount, record.decimals) as Minor;
  const words = importLogDetails({
    lines: record.lines, source: record.source, replacing: journal.previous !== undefined, currency: record.header.currency, decimals: record.decimals,
    total, difference: sum - total, unmapped, added: appended?.added ?? 0,
  });
  const grouped = appended && (appended.groupRows > 0 || appended.notListed > 0) ? appendWords({ ...appended, added: 0 }) : '';
  return grouped ? `${words} Also: ${grouped}.` : words;
}

/**
 * Where the sidebar read the file. Whether Apps Script's sidebar lets a Worker start from a Blob is
 * an assumption (README, Assumptions): the Log of the first real import says which ran.
 */
function readerWords(reader: FinishImportRequest['reader']): string {
  if (reader === 'worker') return ' Read in the browser by a Worker.';
  if (reader === 'page') return ' Read in the browser on the page (no Worker could start).';
  return '';
}

/**
 * Reads the browser's aggregate, checking its line count and sum against what the chunks
 * delivered. An empty entry (no lines, no amount), or two entries of one line type, are refused:
 * the sketch cannot see either (a zero adds nothing; two parts add up to the whole), and neither
 * is what the core's aggregation makes (a made-up empty entry would list a line type no file holds
 * in Mapping).
 */
function checkedAggregate(state: ImportState, dtos: AggregateEntryDto[]): AggregateEntry[] {
  let rows = 0;
  let sum: Minor = 0;
  const keys = new Set<string>();
  const entries = dtos.map(([postedDate, transactionType, amountType, amountDescription, marketplace, amount, count, remittedBy = '', channel = '']) => {
    const minor = parseAmount(amount, state.decimals);
    if (typeof minor !== 'number') throw new UserFacingError(`An aggregate amount "${amount}" could not be read. Start the import again.`);
    const key = JSON.stringify([postedDate, transactionType, amountType, amountDescription, marketplace, remittedBy, channel]);
    // A share of a split line counts no line of its own (the other share counts it), but is never nothing.
    if (!Number.isInteger(count) || count < 0 || (count === 0 && minor === 0) || keys.has(key)) throw notOfTheLines(state);
    keys.add(key);
    rows += count;
    sum = addMinor(sum, minor);
    return { postedDate, transactionType, amountType, amountDescription, marketplace, remittedBy, channel, amount: minor, rows: count };
  });
  if (rows !== state.received || String(sum) !== state.sum) {
    throw new UserFacingError(
      `The import does not add up (lines ${rows} of ${state.received}, amounts ${formatAmount(sum, state.decimals)} vs ${formatAmount(Number(state.sum), state.decimals)}). Nothing was imported; start the import again.`,
    );
  }
  return entries.sort(compareEntries);
}

/** The words for a summary from the browser that is not that of the lines it sent. */
function notOfTheLines(state: ImportState): UserFacingError {
  return new UserFacingError(
    `What the sidebar sent as the summary of settlement ${state.request.header.settlementId} is not what its lines add up to, so nothing was imported. Reload the sidebar and import the file again.`,
  );
}

/** What went wrong, in the words Google or SettleSheet used. */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
