/**
 * Importing a settlement the browser parsed: begin (the settlement's facts), chunks of lines into
 * the hidden staging tab, finish (one move into Transactions, the aggregate, the Settlements row,
 * unmapped triples into Mapping, a Log line). Until finish the settlement is not imported at all;
 * each call does bounded work, so any size fits Apps Script's six minutes.
 */
import type { AggregateEntryDto, BeginImportRequest, BeginImportResult, FinishImportRequest, LineDto, SettlementListItem } from '../../api/types';
import { createMatcher } from '../../core/mapping/match';
import { addMinor, currencyDecimals, formatAmount, parseAmount, type Minor } from '../../core/money';
import { compareEntries, type AggregateEntry } from '../../core/summary/aggregate';
import { summariseSettlement } from '../../core/summary/summarise';
import { recordImportedUnits } from '../cogs';
import { aggregateOf } from '../settlement-aggregate';
import { SettlementRegistry, type SettlementRecord } from '../registry';
import { appendAggregate, deleteAggregate, type StoredEntry } from '../workbook/aggregates';
import { appendLog } from '../workbook/log';
import { appendUnmapped, readMappingTab, rulesOf } from '../workbook/mapping-tabs';
import { writeSettlementRow } from '../workbook/settlements-tab';
import { clearStaging, commitStagedRows, prepareStaging, stageRows, transactionRow } from '../workbook/transactions';
import { deleteTransactions } from '../workbook/transactions-maintenance';
import { TRANSACTION_COLUMNS } from '../workbook/layout';
import { Workbook } from '../workbook/workbook';
import { UserFacingError, underDocumentLock } from './envelope';
import { CHUNK_SIZE } from './schemas';
import { currentUser } from './user';
import { categoryLabel } from './preview';
import { listItemOf, postingViewOf } from './views';

const STATE_KEY = 'settlesheet.import';
const TABLE_KEY = 'settlesheet.import.mapping.';
// An import nobody has touched for this long was abandoned (the tab was closed mid-upload).
const ABANDONED_MS = 30 * 60 * 1000;
// Transactions and staging each hold a copy while importing: refuse what cannot fit.
const CELL_LIMIT = 10_000_000;

/** The one import in progress, kept between its calls. */
interface ImportState {
  importId: string;
  user: string;
  touchedAt: number;
  request: BeginImportRequest;
  decimals: number;
  received: number;
  /** Σ of the amounts received, in minor units, as a string (exact across calls). */
  sum: string;
}

// The document cache exists whenever a spreadsheet is open; keys carry the import id either way.
const importCache = () => CacheService.getDocumentCache() ?? CacheService.getScriptCache();

function readState(): ImportState | undefined {
  const raw = PropertiesService.getDocumentProperties().getProperty(STATE_KEY);
  return raw ? (JSON.parse(raw) as ImportState) : undefined;
}

function writeState(state: ImportState | undefined): void {
  const props = PropertiesService.getDocumentProperties();
  if (state) props.setProperty(STATE_KEY, JSON.stringify({ ...state, touchedAt: Date.now() }));
  else props.deleteProperty(STATE_KEY);
}

function stateFor(importId: string): ImportState {
  const state = readState();
  if (!state || state.importId !== importId) {
    throw new UserFacingError('This import is no longer in progress (it was cancelled, finished, or replaced by another). Start the import again.');
  }
  return state;
}

/**
 * The Mapping tab as it was when the import began: read once, not once per chunk. (If the cache
 * lost it, the tab is read again: correct, just one more call.)
 */
function importMappingTable(workbook: Workbook, importId: string): string[][] {
  const cached = importCache().get(TABLE_KEY + importId);
  return cached ? (JSON.parse(cached) as string[][]) : readMappingTab(workbook);
}


function cellsInUse(workbook: Workbook): number {
  return workbook.spreadsheet.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

/** Starts an import, or says why it need not or cannot. */
export function beginImport(request: BeginImportRequest): BeginImportResult {
  const workbook = Workbook.active();
  workbook.ensure();
  return underDocumentLock('importing', () => {
    const current = readState();
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
    const extraCells = request.lineCount * TRANSACTION_COLUMNS.length * 2;
    if (cellsInUse(workbook) + extraCells > CELL_LIMIT) {
      throw new UserFacingError(
        `This settlement has ${request.lineCount} lines, more than this spreadsheet has room for (Google Sheets holds 10 million cells). Start a new SettleSheet spreadsheet for newer settlements.`,
      );
    }
    const importId = Utilities.getUuid();
    try {
      importCache().put(TABLE_KEY + importId, JSON.stringify(readMappingTab(workbook)), 21600);
    } catch {
      // A Mapping tab over the cache's 100 KB is read again by each chunk instead: slower, still right.
    }
    prepareStaging(workbook, request.lineCount, decimals, current !== undefined);
    writeState({ importId, user: currentUser(), touchedAt: Date.now(), request, decimals, received: 0, sum: '0' });
    return { status: 'ready', importId, chunkSize: CHUNK_SIZE };
  });
}

/** Stores one chunk of lines in staging; a chunk sent twice (a retry) is written once. */
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
      const [, postedDate, transactionType, amountType, amountDescription, , , marketplace] = line;
      const answer = matcher.categoryFor({ postedDate, transactionType, amountType, amountDescription, marketplace });
      const row = transactionRow(header.settlementId, header.currency, state.decimals, line, categoryLabel(answer));
      sum += BigInt(parseAmount(line[8], state.decimals) as Minor);
      return row;
    });
    stageRows(workbook, request.offset, rows);
    writeState({ ...state, received: state.received + rows.length, sum: String(sum) });
    return { received: state.received + rows.length };
  });
}

/** Reads the browser's aggregate, checking it against what the chunks delivered. */
function checkedAggregate(state: ImportState, dtos: AggregateEntryDto[]): AggregateEntry[] {
  let rows = 0;
  let sum: Minor = 0;
  const entries = dtos.map(([postedDate, transactionType, amountType, amountDescription, marketplace, amount, count]) => {
    const minor = parseAmount(amount, state.decimals);
    if (typeof minor !== 'number') throw new UserFacingError(`An aggregate amount "${amount}" could not be read. Start the import again.`);
    rows += count;
    sum = addMinor(sum, minor);
    return { postedDate, transactionType, amountType, amountDescription, marketplace, amount: minor, rows: count };
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

    const registry = SettlementRegistry.active();
    const previous = registry.get(header.settlementId);
    if (previous) {
      deleteTransactions(workbook, previous, registry);
      deleteAggregate(workbook, previous.aggregates);
      registry.shiftAfterDelete('aggregates', previous.aggregates);
    }

    const transactions = commitStagedRows(workbook, state.received);
    const aggregates = appendAggregate(workbook, header.settlementId, state.decimals, stored);
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
      transactions,
      aggregates,
      balanced: summary.check.difference === 0,
      unmapped: unmapped.length,
      changedSincePosting: previous ? postingViewOf(previous).documents.length > 0 : false,
    };
    registry.put(record);
    writeSettlementRow(workbook, record, postingViewOf(record), !previous);
    recordImportedUnits(workbook, header.settlementId, request.units);
    const added = appendUnmapped(workbook, mappingTable, unmapped, state.decimals, header.settlementId);
    appendLog(workbook, {
      what: 'Import',
      settlementId: header.settlementId,
      result: 'OK',
      details:
        `${state.received} lines from ${state.request.source}${previous ? ' (replacing an earlier file)' : ''}; ` +
        (record.balanced ? 'balanced' : `NOT balanced: off by ${formatAmount(summary.check.difference, state.decimals)} ${header.currency}`) +
        (unmapped.length ? `; ${unmapped.length} line types need a category${added ? ` (${added} added to Mapping)` : ''}` : ''),
    }, state.user);
    writeState(undefined);
    importCache().remove(TABLE_KEY + state.importId);
    return listItemOf(record);
  });
}

/** Abandons an import: staging is emptied and nothing else was ever written. */
export function cancelImport(request: { importId: string }): { cancelled: boolean } {
  const workbook = Workbook.active();
  return underDocumentLock('importing', () => {
    const state = readState();
    if (!state || state.importId !== request.importId) return { cancelled: false };
    clearStaging(workbook);
    writeState(undefined);
    importCache().remove(TABLE_KEY + state.importId);
    return { cancelled: true };
  });
}
