/**
 * Importing a settlement the browser parsed: begin (the settlement's facts; hidden rows are made
 * ready at the end of Transactions), chunks of lines written straight into those rows, finish
 * (the rows shown, the aggregate, the settlement's record and Settlements row, unmapped triples
 * into Mapping, a Log line). Until finish the settlement is not imported at all: its rows are
 * hidden and no record points at them. Each call does bounded work (every Sheets call ≤100,000
 * cells), so any size fits Apps Script's six minutes.
 */
import type { AggregateEntryDto, BeginImportRequest, BeginImportResult, FinishImportRequest, LineDto, SettlementListItem } from '../../api/types';
import { createMatcher } from '../../core/mapping/match';
import { addMinor, currencyDecimals, formatAmount, parseAmount, type Minor } from '../../core/money';
import { compareEntries, type AggregateEntry } from '../../core/summary/aggregate';
import { summariseSettlement } from '../../core/summary/summarise';
import { importLogDetails } from '../log-words';
import { currentUser } from '../identity';
import { readImportState, writeImportState, type ImportState } from '../import-state';
import { importedUnits, recordImportedUnits } from '../cogs';
import { unitsCellsNeeded } from '../workbook/units-store';
import { unitRowsOf } from '../../api/import-payload';
import { aggregateOf } from '../settlement-aggregate';
import { SettlementRegistry, statusOf, type SettlementRecord } from '../registry';
import { cacheIfItFits } from '../storage/cache';
import { aggregateCellsNeeded, appendAggregate, deleteAggregate, type StoredEntry } from '../workbook/aggregates';
import { appendLog } from '../workbook/log';
import { appendUnmapped, readMappingTab, rulesOf } from '../workbook/mapping-tabs';
import { writeSettlementRow, type PostingView } from '../workbook/settlements-tab';
import { discardPendingRows, preparePendingRows, revealPendingRows, transactionCellsNeeded, transactionRow, writePendingRows } from '../workbook/transactions';
import { deleteTransactions } from '../workbook/transactions-maintenance';
import { Workbook } from '../workbook/workbook';
import { UserFacingError, underDocumentLock } from './envelope';
import { CHUNK_SIZE } from './schemas';
import { categoryLabel, lineCategoryLabel } from './preview';
import { listItemOf, postingViewOf } from './views';

const TABLE_KEY = 'settlesheet.import.mapping.';
// An import nobody has touched for this long was abandoned (the tab was closed mid-upload).
const ABANDONED_MS = 30 * 60 * 1000;
/** Google's limit on the cells (empty or not) of all tabs of a spreadsheet. */
const CELL_LIMIT = 10_000_000;
// Finishing appends one row each to the records, Settlements and Log tabs: at most this many cells
// if each of them has to grow.
const FINISH_ROW_CELLS = 5 + 17 + 6;

// The document cache exists whenever a spreadsheet is open; keys carry the import id either way.
const importCache = () => CacheService.getDocumentCache() ?? CacheService.getScriptCache();

function stateFor(importId: string): ImportState {
  const state = readImportState();
  if (!state || state.importId !== importId) {
    throw new UserFacingError('This import is no longer in progress (it was cancelled, finished, or replaced by another). Start the import again.');
  }
  return state;
}

/**
 * The Mapping tab as it was when the import began: read once, not once per chunk. (If the cache
 * lost it, or it was too big to cache, the tab is read again: correct, just one more call.)
 */
function importMappingTable(workbook: Workbook, importId: string): string[][] {
  const cached = importCache().get(TABLE_KEY + importId);
  return cached ? (JSON.parse(cached) as string[][]) : readMappingTab(workbook);
}

/** Every cell of every tab, empty or not: what Google counts toward its 10 million. */
function cellsInUse(workbook: Workbook): number {
  return workbook.spreadsheet.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

function noRoom(lines: number): UserFacingError {
  return new UserFacingError(
    `This settlement has ${lines} lines, more than this spreadsheet has room for (Google Sheets holds 10 million cells). Start a new SettleSheet spreadsheet for newer settlements.`,
  );
}

/** Starts an import, or says why it need not or cannot. */
export function beginImport(request: BeginImportRequest): BeginImportResult {
  const workbook = Workbook.active();
  workbook.ensure();
  return underDocumentLock('importing', () => {
    const current = readImportState();
    if (current && Date.now() - current.touchedAt < ABANDONED_MS) {
      return { status: 'busy', message: `${current.user} is importing settlement ${current.request.header.settlementId}. Try again when it is done.` };
    }
    const { header } = request;
    const decimals = currencyDecimals(header.currency);
    if (typeof parseAmount(header.totalAmount, decimals) !== 'number') {
      throw new UserFacingError(`The settlement total "${header.totalAmount}" does not fit ${header.currency}'s ${decimals} decimals.`);
    }
    const existing = SettlementRegistry.active().get(header.settlementId);
    if (existing && existing.contentHash === request.contentHash) {
      return { status: 'unchanged', settlement: listItemOf(existing) };
    }
    if (existing && !request.confirmReissue) {
      const posted = postingViewOf(existing).documents.length > 0;
      return {
        status: 'needs-confirmation',
        posted,
        message:
          `Settlement ${header.settlementId} was already imported from a file with different lines. Replace it with this file?` +
          (posted ? ' It was posted to Xero: after replacing, it will show "Changed since posting" and can only be posted again with "Void and re-post".' : ''),
      };
    }
    // An abandoned import's hidden rows go first: they give their cells back.
    if (current) discardPendingRows(workbook, current.pending, current.request.header.settlementId);
    // Exactly what the import adds: the rows Transactions must grow by, the units' rows, and the
    // rows finishing appends (the aggregate's rows, unknown until then, are counted again when it is known).
    const unitCells = request.unitRows === undefined ? 0 : unitsCellsNeeded(workbook, request.unitRows);
    if (cellsInUse(workbook) + transactionCellsNeeded(workbook, request.lineCount) + unitCells + FINISH_ROW_CELLS > CELL_LIMIT) throw noRoom(request.lineCount);
    const importId = Utilities.getUuid();
    cacheIfItFits(importCache(), TABLE_KEY + importId, JSON.stringify(readMappingTab(workbook)), 21600);
    const transactions = workbook.tab('transactions');
    // The state names the rows before they are made, so an interruption leaves nothing unaccounted for.
    const planned = { firstRow: transactions.getLastRow() + 1, count: request.lineCount };
    const state: ImportState = { importId, user: currentUser(), touchedAt: Date.now(), request, decimals, received: 0, sum: '0', pending: planned };
    writeImportState(state);
    preparePendingRows(workbook, request.lineCount, decimals);
    return { status: 'ready', importId, chunkSize: CHUNK_SIZE };
  });
}

/** Writes one chunk of lines into the import's hidden rows; a chunk sent twice (a retry) is written once. */
export function appendImportLines(request: { importId: string; offset: number; lines: LineDto[] }): { received: number } {
  const workbook = Workbook.active();
  return underDocumentLock('importing', () => {
    const state = stateFor(request.importId);
    const { header } = state.request;
    if (request.offset + request.lines.length <= state.received) return { received: state.received };
    if (request.offset !== state.received) {
      throw new UserFacingError(`Lines arrived out of order (expected line ${state.received + 1}, got ${request.offset + 1}). Start the import again.`);
    }
    if (state.received + request.lines.length > state.request.lineCount) {
      throw new UserFacingError('More lines arrived than the file announced. Start the import again.');
    }
    const matcher = createMatcher({ rules: rulesOf(importMappingTable(workbook, state.importId)), accounts: [] });
    let sum = BigInt(state.sum);
    const rows = request.lines.map((line) => {
      const [, postedDate, transactionType, amountType, amountDescription, , , marketplace, , taxRole = ''] = line;
      const category = lineCategoryLabel(matcher, { postedDate, transactionType, amountType, amountDescription, marketplace }, taxRole);
      const row = transactionRow(header.settlementId, header.currency, state.decimals, line, category);
      sum += BigInt(parseAmount(line[8], state.decimals) as Minor);
      return row;
    });
    writePendingRows(workbook, state.pending, request.offset, rows);
    writeImportState({ ...state, received: state.received + rows.length, sum: String(sum) });
    return { received: state.received + rows.length };
  });
}

/** Reads the browser's aggregate, checking it against what the chunks delivered. */
function checkedAggregate(state: ImportState, dtos: AggregateEntryDto[]): AggregateEntry[] {
  let rows = 0;
  let sum: Minor = 0;
  const entries = dtos.map(([postedDate, transactionType, amountType, amountDescription, marketplace, amount, count, remittedBy = '', channel = '']) => {
    const minor = parseAmount(amount, state.decimals);
    if (typeof minor !== 'number') throw new UserFacingError(`An aggregate amount "${amount}" could not be read. Start the import again.`);
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

/** Makes the import visible: everything it wrote becomes part of the workbook at once. */
export function finishImport(request: FinishImportRequest): SettlementListItem {
  const workbook = Workbook.active();
  return underDocumentLock('importing', () => {
    const state = stateFor(request.importId);
    const { header } = state.request;
    if (state.received !== state.request.lineCount) {
      throw new UserFacingError(`Only ${state.received} of ${state.request.lineCount} lines arrived. Start the import again.`);
    }
    const entries = checkedAggregate(state, request.aggregate);
    const mappingTable = importMappingTable(workbook, state.importId);
    const rules = rulesOf(mappingTable);
    const matcher = createMatcher({ rules, accounts: [] });
    const stored: StoredEntry[] = entries.map((entry) => ({ entry, category: categoryLabel(matcher.categoryFor(entry)) }));
    // The engine says what is unmapped and which marketplaces there are; accounts do not matter yet.
    const summary = summariseSettlement(
      aggregateOf({ ...state.request, lines: state.received }, entries),
      { rules, accounts: [] },
      { split: 'off' },
    );
    // Room for what finishing adds, counted before anything is written.
    const room = CELL_LIMIT - cellsInUse(workbook) - FINISH_ROW_CELLS;
    const units = importedUnits(request.units);
    const unitRows = units ? unitRowsOf(units) : 0;
    if (units && state.request.unitRows !== undefined && unitRows !== state.request.unitRows) {
      throw new UserFacingError(`The import does not add up (units of ${unitRows} SKUs, ${state.request.unitRows} announced). Nothing was imported; start the import again.`);
    }
    const unitCells = units ? unitsCellsNeeded(workbook, unitRows) : 0;
    if (aggregateCellsNeeded(workbook, stored.length) + unitCells > room) throw noRoom(state.received);

    const registry = SettlementRegistry.active();
    const previous = registry.get(header.settlementId);
    let pending = state.pending;
    if (previous) {
      const above = deleteTransactions(workbook, previous, registry, pending);
      pending = { firstRow: pending.firstRow - above, count: pending.count };
      deleteAggregate(workbook, previous.aggregates);
      registry.shiftAfterDelete('aggregates', previous.aggregates);
    }

    const aggregates = appendAggregate(workbook, header.settlementId, stored, room - unitCells);
    revealPendingRows(workbook, pending);
    const { unmapped, marketplaces } = summary;
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
      marketplaces,
      importedAt: new Date().toISOString(),
      importedBy: state.user,
      transactions: pending,
      aggregates,
      balanced: summary.check.difference === 0,
      unmapped: unmapped.length,
      changedSincePosting: previous ? postingViewOf(previous).documents.length > 0 : false,
    };
    // A settlement imported for the first time has no posted record: nothing to read for it.
    const posting: PostingView = previous ? postingViewOf(record) : { status: statusOf(record, 0), documents: [] };
    if (previous) registry.put(record);
    else registry.add(record);
    writeSettlementRow(workbook, record, posting, !previous);
    recordImportedUnits(workbook, header.settlementId, units);
    const added = appendUnmapped(workbook, mappingTable, unmapped, state.decimals, header.settlementId);
    appendLog(workbook, {
      what: 'Import',
      settlementId: header.settlementId,
      result: 'OK',
      details: importLogDetails({
        lines: state.received, source: state.request.source, replacing: previous !== undefined, currency: header.currency, decimals: state.decimals,
        total: summary.header.totalAmount, difference: summary.check.difference, unmapped, added,
      }),
    }, state.user);
    writeImportState(undefined);
    importCache().remove(TABLE_KEY + state.importId);
    return listItemOf(record, posting);
  });
}

/** Abandons an import: its hidden rows are deleted and nothing else was ever written. */
export function cancelImport(request: { importId: string }): { cancelled: boolean } {
  const workbook = Workbook.active();
  return underDocumentLock('importing', () => {
    const state = readImportState();
    if (!state || state.importId !== request.importId) return { cancelled: false };
    discardPendingRows(workbook, state.pending, state.request.header.settlementId);
    writeImportState(undefined);
    importCache().remove(TABLE_KEY + state.importId);
    return { cancelled: true };
  });
}
