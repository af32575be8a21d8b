/**
 * The one import in progress in a spreadsheet, kept in document properties between its calls
 * (split into pieces when it outgrows a property value, see stateStore). It names the pending block, the
 * hidden rows at the end of Transactions its lines are written into (see
 * workbook/transactions.ts), so every other reader of Transactions can leave them alone; what the
 * server reduced the stored lines to (import/line-sketch.ts); and, while the import finishes, its
 * journal (import/finish.ts): written before the first step, so whatever stops the finish half-way,
 * the next call rolls it forward or back.
 */
import type { BeginImportRequest } from '../api/types';
import type { Sketches } from './import/line-sketch';
import type { RowBlock, SettlementRecord } from './registry';
import { propertiesStore } from './storage/properties';

const STATE_KEY = 'settlesheet.import';

/**
 * Where a finish stands. `writing`: the new aggregate and units rows are being written (a failure
 * rolls back: they are deleted, the old settlement is untouched). `written`: they are all there
 * (a failure rolls forward: the rows are shown and the record saved). `committed`: the record is
 * saved; what is left is tidying (the old file's rows, the Settlements row, Mapping, the Log).
 */
export interface FinishJournal {
  phase: 'writing' | 'written' | 'committed';
  /** The record the settlement gets (its blocks as planned). */
  record: SettlementRecord;
  /** Where the new aggregate rows go: after the last row of the aggregates tab. */
  aggregates: RowBlock;
  /** Where the new units rows go (separator included): after the last row of the units tab. */
  units: RowBlock;
  /** A re-issued file: the record it replaces. */
  previous?: SettlementRecord;
  /** Mapping rows the finish asked for (line types seen without a category), added while tidying. */
  unmapped: number;
}

/** The import in progress. */
export interface ImportState {
  importId: string;
  user: string;
  touchedAt: number;
  request: BeginImportRequest;
  decimals: number;
  received: number;
  /** Σ of the amounts received, in minor units, as a string (exact across calls). */
  sum: string;
  /** Σ of the amounts received taken as positive, in minor units: held under what adds exactly. */
  sumOfAmounts?: number;
  /**
   * Where the lines are: hidden rows of Transactions that belong to no settlement yet, put after
   * its last row when the import began. Kept current: a removal that deletes rows above them moves
   * this up (removals.ts), and each chunk and the finish check the last line written is still
   * where this says (import/staged.ts), so nothing typed below the tab can be taken for them.
   */
  pending: RowBlock;
  /** The file line number of the last line received: what the row `received` of the block holds. */
  lastLine?: number;
  /** Kept to the server: the salt of the sketches (never sent to the browser). */
  salt?: string;
  /** What the lines received reduce to (import/line-sketch.ts). */
  sketches?: Sketches;
  /** Set while the import finishes. */
  finishing?: FinishJournal;
  /** SettleSheet's writes to the Mapping tab when the import read it (mapping-tabs.ts). */
  mappingEdits?: number;
}

/** The import in progress, if any. */
export function readImportState(): ImportState | undefined {
  const raw = stateStore().get(STATE_KEY);
  const state = raw ? (JSON.parse(raw) as Partial<ImportState>) : undefined;
  // An import an older version began wrote into its staging tab, which the layout upgrade removed:
  // it cannot be finished, so it is no import at all (the person starts it again).
  return state && state.pending ? (state as ImportState) : undefined;
}

/** Saves (touching its time) or clears the import in progress. */
export function writeImportState(state: ImportState | undefined): void {
  if (state) stateStore().set(STATE_KEY, JSON.stringify({ ...state, touchedAt: Date.now() }));
  else stateStore().delete(STATE_KEY);
}

/** Saves the state without touching its time (a finish's journal is not the person's activity). */
export function saveJournal(state: ImportState): void {
  stateStore().set(STATE_KEY, JSON.stringify(state));
}

// The state holds a settlement's record (and, for a re-issue, the one it replaces): a file's
// marketplace names, a long failure message, make it grow past Google's per-value limit, so it
// is written through the store that splits such values (storage/properties.ts), in one call.
function stateStore() {
  return propertiesStore(PropertiesService.getDocumentProperties());
}

/** Where an import's lines are now (kept current by whatever deletes rows above them). */
export function pendingRows(state: ImportState): RowBlock {
  return state.pending;
}

/**
 * Moves the pending block up by `rows` rows deleted above it (a removal, under the document lock);
 * the import's time is not touched.
 */
export function movePendingUp(rows: number): void {
  const state = readImportState();
  if (!state || rows === 0 || state.finishing?.phase === 'committed') return;
  saveJournal({ ...state, pending: { firstRow: state.pending.firstRow - rows, count: state.pending.count } });
}

/** The rows of Transactions an unfinished import is writing, which nothing else may touch. */
export function pendingImportBlock(): RowBlock | undefined {
  const state = readImportState();
  // Once committed, the rows are the settlement's (shown, its record points at them).
  if (!state || state.finishing?.phase === 'committed') return undefined;
  return state.pending.count > 0 ? pendingRows(state) : undefined;
}
