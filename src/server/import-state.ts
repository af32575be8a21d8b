/**
 * The one import in progress in a spreadsheet, kept in document properties between its calls (a
 * small, fixed-size fact: well under a property value's 8 KB). It names the pending block, the
 * hidden rows at the end of Transactions its lines are written into (see
 * workbook/transactions.ts), so every other reader of Transactions can leave them alone.
 */
import type { BeginImportRequest } from '../api/types';
import type { RowBlock } from './registry';

const STATE_KEY = 'settlesheet.import';

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
  /** Where the lines are being written: hidden rows of Transactions that belong to no settlement yet. */
  pending: RowBlock;
}

/** The import in progress, if any. */
export function readImportState(): ImportState | undefined {
  const raw = PropertiesService.getDocumentProperties().getProperty(STATE_KEY);
  const state = raw ? (JSON.parse(raw) as Partial<ImportState>) : undefined;
  // An import an older version began wrote into its staging tab, which the layout upgrade removed:
  // it cannot be finished, so it is no import at all (the person starts it again).
  return state && state.pending ? (state as ImportState) : undefined;
}

/** Saves (touching its time) or clears the import in progress. */
export function writeImportState(state: ImportState | undefined): void {
  const props = PropertiesService.getDocumentProperties();
  if (state) props.setProperty(STATE_KEY, JSON.stringify({ ...state, touchedAt: Date.now() }));
  else props.deleteProperty(STATE_KEY);
}

/** The rows of Transactions an unfinished import is writing, which nothing else may touch. */
export function pendingImportBlock(): RowBlock | undefined {
  const pending = readImportState()?.pending;
  return pending && pending.count > 0 ? pending : undefined;
}
