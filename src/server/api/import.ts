/**
 * Importing a settlement the browser parsed: begin (the settlement's facts; hidden rows are made
 * ready at the end of Transactions), chunks of lines written straight into those rows, finish
 * (import/finish.ts: the aggregate and units, checked against the lines, the settlement's record
 * and Settlements row, unmapped line types into Mapping, a Log line). Until finish the settlement
 * is not imported at all: its rows are hidden and no record points at them. Each call does
 * bounded work (every Sheets call ≤100,000 cells), so any size fits Apps Script's six minutes.
 *
 * One import runs at a time. One left half-way (the tab was closed) can be taken over or cancelled
 * at once by the person who started it, and by anyone once it has been idle for two minutes.
 */
import type { BeginImportRequest, BeginImportResult, FinishImportRequest, LineDto, SettlementListItem, StalledImportDto } from '../../api/types';
import { addToSumOfAmounts, lineTextProblem, settlementIdProblem } from '../../api/limits';
import { createMatcher } from '../../core/mapping/match';
import { currencyDecimals, parseAmount, type Minor } from '../../core/money';
import { unitsOfLines } from '../../core/cogs/units';
import { aggregateLines } from '../../core/summary/aggregate';
import { TaxRole, type TaxClassification } from '../../core/tax/classify';
import { impossibleTaxRole, splitShareFits, type LineTaxRole } from '../../core/tax/local-roles';
import type { SettlementLine } from '../../core/settlement/types';
import { count } from '../../core/words';
import { lineCategoryLabel } from '../category-labels';
import { currentUser } from '../identity';
import { readImportState, writeImportState, type ImportState } from '../import-state';
import { finishStagedImport } from '../import/finish';
import { settleUnfinishedWork } from '../unfinished-work';
import { addSketches, NO_SKETCHES, sketchesOf } from '../import/line-sketch';
import { CELL_LIMIT, cellsInUse, discardImport, finishCellsNeeded, importMappingTable, noRoom, placedPending, rememberMappingTable, stateFor } from '../import/staged';
import { LINE_FACTS_KEPT, SettlementRegistry } from '../registry';
import { mappingEdits, rulesOf } from '../workbook/mapping-tabs';
import { preparePendingRows, transactionCellsNeeded, transactionRow, writePendingRows } from '../workbook/transactions';
import { unitsCellsNeeded } from '../workbook/units-store';
import { Workbook } from '../workbook/workbook';
import { appendLog } from '../workbook/log';
import { whenText } from '../workbook/when';
import { LockBusy, UserFacingError, underDocumentLock } from './envelope';
import { CHUNK_SIZE } from './schemas';
import { listItemOf, postingViewOf } from './views';

/** How long an import must sit untouched before someone other than its starter may take it over. */
export const TAKE_OVER_AFTER_MS = 2 * 60 * 1000;
// An import nobody has touched for this long is simply let go when another begins.
const ABANDONED_MS = 30 * 60 * 1000;

/** The import in progress as another person is told about it. */
function stalledOf(state: ImportState, user: string): StalledImportDto {
  const idleMs = Date.now() - state.touchedAt;
  return {
    importId: state.importId,
    user: state.user,
    settlementId: state.request.header.settlementId,
    received: state.received,
    lines: state.request.lineCount,
    idleSeconds: Math.floor(idleMs / 1000),
    canTakeOver: state.user === user || idleMs >= TAKE_OVER_AFTER_MS,
  };
}

function busyWords(stalled: StalledImportDto, user: string): string {
  const where = `settlement ${stalled.settlementId} (${stalled.received.toLocaleString('en-US')} of ${count(stalled.lines, 'line')} arrived)`;
  if (stalled.user === user) return `Your import of ${where} did not finish. Continue it, or cancel it and start again.`;
  if (stalled.canTakeOver) return `${stalled.user} started importing ${where}, but nothing has arrived for ${Math.floor(stalled.idleSeconds / 60)} minutes. You can cancel it and import your file.`;
  return `${stalled.user} is importing ${where}. Try again when it is done; if it stays idle for two minutes, you can take it over.`;
}

/** Starts an import, or says why it need not or cannot. */
export function beginImport(request: BeginImportRequest): BeginImportResult {
  const workbook = Workbook.active();
  workbook.ensure();
  const { header } = request;
  const badId = settlementIdProblem(request.source, header.settlementId);
  if (badId) throw new UserFacingError(badId);
  const user = currentUser();
  try {
    return underDocumentLock('import', () => begin(workbook, request, user));
  } catch (error) {
    // Someone else is changing the workbook: an import waits its turn, like one already running.
    if (error instanceof LockBusy) return { status: 'busy', message: error.message };
    throw error;
  }
}

function begin(workbook: Workbook, request: BeginImportRequest, user: string): BeginImportResult {
  const { header } = request;
  settleUnfinishedWork(workbook);
  const current = readImportState();
  if (current && Date.now() - current.touchedAt < ABANDONED_MS) {
    const stalled = stalledOf(current, user);
    if (request.takeOver !== current.importId || !stalled.canTakeOver) return { status: 'busy', message: busyWords(stalled, user), stalled };
    if (sameFile(current.request, request)) {
      // The same file: carry on where it stopped, as this person.
      writeImportState({ ...current, user, request: { ...current.request, ...pick(request) } });
      return { status: 'ready', importId: current.importId, chunkSize: CHUNK_SIZE, received: current.received };
    }
  }
  const decimals = currencyDecimals(header.currency);
  if (typeof parseAmount(header.totalAmount, decimals) !== 'number') {
    throw new UserFacingError(`The settlement total "${header.totalAmount}" does not fit ${header.currency}'s ${decimals} decimals.`);
  }
  const existing = SettlementRegistry.active().get(header.settlementId);
  const again = existing !== undefined && existing.contentHash === request.contentHash;
  // The same file again changes nothing, unless an older SettleSheet imported it keeping less of each line.
  const keptLess = again && (existing.linesKept ?? 1) < LINE_FACTS_KEPT;
  if (again && !keptLess) {
    if (current) discardImport(workbook, current);
    return { status: 'unchanged', settlement: listItemOf(existing) };
  }
  if (existing && !request.confirmReissue) {
    const posted = postingViewOf(existing).documents.length > 0;
    return {
      status: 'needs-confirmation',
      posted,
      message: keptLess
        ? `Settlement ${header.settlementId} was imported by an earlier SettleSheet, which did not keep all SettleSheet now reads from each line (who remits each tax line, which sales carry tax Amazon remits, the fulfilment channels, the units sold). Import this same file again to add them?` +
          (posted ? ' It was posted to Xero: if what it gives now differs, it will show "Changed since posting".' : '')
        : `Settlement ${header.settlementId} was already imported from a file with different lines. Replace it with this file?` +
          (posted ? ' It was posted to Xero: after replacing, it will show "Changed since posting" and can only be posted again with "Void and re-post".' : ''),
    };
  }
  // An import taken over or abandoned gives its hidden rows back first.
  if (current) discardImport(workbook, current);
  // Exactly what the import adds: the rows Transactions must grow by, the units' rows, and the
  // rows finishing appends (the aggregate's rows, unknown until then, are counted again when it is known).
  const unitCells = request.unitRows === undefined ? 0 : unitsCellsNeeded(workbook, request.unitRows);
  if (cellsInUse(workbook) + transactionCellsNeeded(workbook, request.lineCount) + unitCells + finishCellsNeeded(workbook) > CELL_LIMIT) throw noRoom(request.lineCount);
  const importId = Utilities.getUuid();
  rememberMappingTable(workbook, importId);
  const transactions = workbook.tab('transactions');
  // The state names the rows before they are made, so an interruption leaves nothing unaccounted for.
  const planned = { firstRow: transactions.getLastRow() + 1, count: request.lineCount };
  const state: ImportState = {
    importId, user, touchedAt: Date.now(), request, decimals, received: 0, sum: '0', sumOfAmounts: 0, pending: planned,
    // Kept to the server: a page cannot make a wrong summary whose sketch matches without it.
    salt: `${Utilities.getUuid()}${Utilities.getUuid()}`,
    sketches: NO_SKETCHES,
    mappingEdits: mappingEdits(),
  };
  writeImportState(state);
  preparePendingRows(workbook, request.lineCount, decimals);
  return { status: 'ready', importId, chunkSize: CHUNK_SIZE, received: 0 };
}

/** True when a begin request is the file an import in progress was begun with. */
function sameFile(a: BeginImportRequest, b: BeginImportRequest): boolean {
  return a.header.settlementId === b.header.settlementId && a.contentHash === b.contentHash && a.lineCount === b.lineCount;
}

/** What a person taking an import over may decide again. */
function pick(request: BeginImportRequest): Partial<BeginImportRequest> {
  return { confirmReissue: request.confirmReissue ?? false, keepUnbalanced: request.keepUnbalanced ?? false, source: request.source };
}

/** The classification the browser gave a chunk's lines, as core's aggregation takes it. */
function classificationOf(lines: readonly LineDto[], decimals: number): TaxClassification {
  const roles = new Uint8Array(lines.length);
  const amazonPart = new Map<number, Minor>();
  lines.forEach((line, i) => {
    const role = line[9];
    roles[i] = role === 'amazon' ? TaxRole.Amazon : role === 'seller' ? TaxRole.Seller : role === 'amazon+seller' ? TaxRole.Split : TaxRole.None;
    if (role === 'amazon+seller') {
      const share = parseAmount(line[12], decimals);
      if (typeof share !== 'number') throw new UserFacingError(`Line ${line[0]}: Amazon's share "${line[12]}" could not be read. Reload the sidebar and import again.`);
      if (!splitShareFits(parseAmount(line[8], decimals) as Minor, share)) {
        throw new UserFacingError(`Line ${line[0]}: Amazon's share "${line[12]}" of its tax ${line[8]} is not a part of it. Nothing was imported: reload the sidebar and import the file again.`);
      }
      amazonPart.set(i, share);
    }
  });
  return { roles, amazonPart };
}

const ROLE_WORDS: Record<LineTaxRole, string> = { '': 'not a tax line', amazon: 'tax Amazon remits', seller: 'tax the seller accounts for', 'amazon+seller': 'tax split between Amazon and the seller' };

/** The words for a line the sidebar gave a tax role the line itself rules out. */
function impossibleRoleWords(line: LineDto, allowed: readonly LineTaxRole[]): string {
  const [fileLine, , transactionType, amountType, amountDescription, , , , , role] = line;
  return (
    `Line ${fileLine} (${transactionType} ${amountType} ${amountDescription}) came from the sidebar marked as ${ROLE_WORDS[role] ?? 'an unknown role'}, ` +
    `but such a line can only be ${allowed.map((r) => ROLE_WORDS[r]).join(' or ')}. Nothing was imported: reload the sidebar and import the file again.`
  );
}

/** Writes one chunk of lines into the import's hidden rows; a chunk sent twice (a retry) is written once. */
export function appendImportLines(request: { importId: string; offset: number; lines: LineDto[] }): { received: number } {
  const workbook = Workbook.active();
  return underDocumentLock('import', () => {
    const state = stateFor(request.importId);
    if (state.finishing) throw new UserFacingError('This import is finishing: its lines have all arrived.');
    const { header, source } = state.request;
    if (request.offset + request.lines.length <= state.received) return { received: state.received };
    if (request.offset !== state.received) {
      throw new UserFacingError(`Lines arrived out of order (expected line ${state.received + 1}, got ${request.offset + 1}). Start the import again.`);
    }
    if (state.received + request.lines.length > state.request.lineCount) {
      throw new UserFacingError('More lines arrived than the file announced. Start the import again.');
    }
    const matcher = createMatcher({ rules: rulesOf(importMappingTable(workbook, state.importId)), accounts: [] });
    let sum = BigInt(state.sum);
    let sumOfAmounts = state.sumOfAmounts ?? 0;
    const parsed: SettlementLine[] = [];
    const rows = request.lines.map((line) => {
      const [fileLine, postedDate, transactionType, amountType, amountDescription, orderId, sku, marketplace, amountText, taxRole, quantity, fulfillmentId] = line;
      // The browser checked these limits already; a page that did not is told the same words.
      const tooLong = lineTextProblem(source, fileLine, { transactionType, amountType, amountDescription, orderId, sku, marketplace, fulfillmentId });
      if (tooLong) throw new UserFacingError(tooLong);
      const row = transactionRow(header.settlementId, header.currency, state.decimals, line, lineCategoryLabel(matcher, { postedDate, transactionType, amountType, amountDescription, marketplace }, taxRole));
      const amount = parseAmount(amountText, state.decimals) as Minor;
      const added = addToSumOfAmounts(sumOfAmounts, amount, source, fileLine, header.currency, state.decimals);
      if (typeof added !== 'number') throw new UserFacingError(added.problem);
      sumOfAmounts = added;
      sum += BigInt(amount);
      parsed.push({ line: fileLine, postedDate, transactionType, amountType, amountDescription, amount, orderId, sku, marketplace, ...(quantity === null ? {} : { quantity }), fulfillmentId });
      return row;
    });
    // Who remits each line's tax is the browser's word only where other lines of the order decide it.
    const impossible = impossibleTaxRole(parsed, request.lines.map((line) => line[9]));
    if (impossible) throw new UserFacingError(impossibleRoleWords(request.lines[impossible.index]!, impossible.allowed));
    // What these lines add to the aggregate and the units, reduced by the core as the browser did.
    const chunk = sketchesOf(state.salt ?? '', aggregateLines(parsed, classificationOf(request.lines, state.decimals)).entries, unitsOfLines(parsed));
    writePendingRows(workbook, placedPending(workbook, state), request.offset, rows);
    const lastLine = request.lines[request.lines.length - 1]![0];
    writeImportState({ ...state, received: state.received + rows.length, lastLine, sum: String(sum), sumOfAmounts, sketches: addSketches(state.sketches ?? NO_SKETCHES, chunk) });
    return { received: state.received + rows.length };
  });
}

/** Makes the import visible: everything it wrote becomes part of the workbook at once (import/finish.ts). */
export function finishImport(request: FinishImportRequest): SettlementListItem {
  const workbook = Workbook.active();
  return underDocumentLock('import', () => finishStagedImport(workbook, request));
}

/**
 * Abandons an import: its hidden rows are deleted and nothing else was ever written. Its starter
 * may cancel it at any time, anyone else once it has been idle. An import whose finish had already
 * committed is finished instead, and said so.
 */
export function cancelImport(request: { importId: string }): { cancelled: boolean; imported?: SettlementListItem } {
  const workbook = Workbook.active();
  const user = currentUser();
  return underDocumentLock('import', () => {
    const before = readImportState();
    const finished = settleUnfinishedWork(workbook);
    if (finished && before?.importId === request.importId) return { cancelled: false, imported: finished };
    const state = readImportState();
    if (!state || state.importId !== request.importId || !stalledOf(state, user).canTakeOver) return { cancelled: false };
    discardImport(workbook, state);
    if (state.user !== user) {
      appendLog(workbook, { what: 'Cancel import', settlementId: state.request.header.settlementId, result: 'OK', details: `Cancelled ${state.user}'s import, idle since ${whenText(new Date(state.touchedAt).toISOString(), workbook.timeZone)}.` }, user);
    }
    return { cancelled: true };
  });
}
