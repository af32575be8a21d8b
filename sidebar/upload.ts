/**
 * Sending a parsed settlement to the server: begin, the lines in chunks of the size the server
 * asks for, then finish. Progress is lines the server has confirmed. A cancel takes effect after
 * the chunk in flight (a `google.script.run` call cannot be stopped); a cancelled or failed upload
 * asks the server to drop what it staged, so nothing is left behind.
 */
import type { ImportPayload } from '../src/api/import-payload';
import type { AggregateEntryDto, BeginImportRequest, LineDto, SettlementListItem, StalledImportDto, UnitsEntryDto } from '../src/api/types';
import { count, groupDigits } from './format';
import { messageOf, type Caller } from './server';

/**
 * What an upload sends: the begin request, the aggregate, and the lines, asked for a chunk at a
 * time (from the reader that holds them, so a million lines are never all in the page at once).
 */
export interface UploadSource {
  begin: BeginImportRequest;
  aggregate: AggregateEntryDto[];
  /** Units per SKU per day (cost of goods sold). */
  units: UnitsEntryDto[];
  lines(from: number, to: number): Promise<LineDto[]> | LineDto[];
  /** Where the file was read (said in the Log, so the first real import shows whether a Worker ran). */
  reader?: 'worker' | 'page';
}

/** An upload source over a payload built in memory (tests, the workbench's scripts). */
export function sourceOf(payload: ImportPayload): UploadSource {
  return { begin: payload.begin, aggregate: payload.aggregate, units: payload.units, lines: (from, to) => payload.lines.slice(from, to) };
}

/** How far an upload is. */
export interface UploadProgress {
  sent: number;
  total: number;
}

/** How an upload ended. */
export type UploadOutcome =
  | { kind: 'imported'; settlement: SettlementListItem }
  | { kind: 'unchanged'; settlement: SettlementListItem }
  | { kind: 'needs-confirmation'; message: string; posted: boolean }
  | { kind: 'busy'; message: string; stalled?: StalledImportDto }
  | { kind: 'cancelled'; message: string }
  | { kind: 'failed'; message: string };

/** Lets the person stop an upload between chunks. */
export interface CancelSignal {
  readonly cancelled: boolean;
}

/** The progress in percent, whole numbers, 100 only when everything is sent. */
export function percentOf(progress: UploadProgress): number {
  if (progress.total === 0) return 100;
  return Math.floor((progress.sent * 100) / progress.total);
}

/** The progress in words: `1,200 of 5,000 lines sent (24%)`. */
export function progressText(progress: UploadProgress): string {
  return `${groupDigits(String(progress.sent))} of ${count(progress.total, 'line')} sent (${percentOf(progress)}%)`;
}

/** What the person decided before the upload: replace a re-issued settlement, keep an unbalanced file, take over a stalled import. */
export interface UploadChoices {
  confirmReissue?: boolean;
  keepUnbalanced?: boolean;
  /** The id of the import in progress the person chose to take over. */
  takeOver?: string;
}

/** Uploads a settlement, with the choices the person made. */
export async function uploadSettlement(
  call: Caller,
  payload: UploadSource,
  options: UploadChoices & { signal: CancelSignal; onProgress: (progress: UploadProgress) => void },
): Promise<UploadOutcome> {
  const total = payload.begin.lineCount;
  let begun;
  try {
    begun = await call('beginImport', {
      ...payload.begin,
      ...(options.confirmReissue ? { confirmReissue: true } : {}),
      ...(options.keepUnbalanced ? { keepUnbalanced: true } : {}),
      ...(options.takeOver ? { takeOver: options.takeOver } : {}),
    });
  } catch (error) {
    return { kind: 'failed', message: `${messageOf(error)} Nothing was imported.` };
  }
  if (begun.status === 'unchanged') return { kind: 'unchanged', settlement: begun.settlement };
  if (begun.status === 'needs-confirmation') return { kind: 'needs-confirmation', message: begun.message, posted: begun.posted };
  if (begun.status === 'busy') return { kind: 'busy', message: begun.message, ...(begun.stalled ? { stalled: begun.stalled } : {}) };

  const { importId, chunkSize } = begun;
  const abandon = async (outcome: { kind: 'cancelled' | 'failed'; message: string }): Promise<UploadOutcome> => {
    try {
      const answer = await call('cancelImport', { importId });
      // The server had already committed the import (its finish only failed to tidy up): it is in.
      if (answer.imported) return { kind: 'imported', settlement: answer.imported };
      return outcome;
    } catch (error) {
      // The server lets anyone take over an idle import; say so rather than claim it is clean.
      return { kind: outcome.kind, message: `${outcome.message} (Clearing the partial upload failed too: ${messageOf(error)} Importing again offers to cancel it.)` };
    }
  };
  // An import taken over continues where it stopped.
  let sent = Math.min(begun.received ?? 0, total);
  options.onProgress({ sent, total });
  const size = Math.max(1, chunkSize);
  // The next chunk is made while the current one travels.
  const chunkFrom = (from: number) => Promise.resolve().then(() => payload.lines(from, from + size));
  let next: Promise<LineDto[]> | undefined = sent < total ? chunkFrom(sent) : undefined;
  while (next) {
    if (options.signal.cancelled) return abandon({ kind: 'cancelled', message: 'Import cancelled: nothing was imported.' });
    try {
      const lines = await next;
      const after = sent + lines.length;
      next = after < total ? chunkFrom(after) : undefined;
      sent = (await call('appendImportLines', { importId, offset: sent, lines })).received;
    } catch (error) {
      next?.catch(() => undefined);
      return abandon({ kind: 'failed', message: `${messageOf(error)} The upload stopped at ${progressText({ sent, total })}; nothing was imported.` });
    }
    options.onProgress({ sent, total });
  }
  if (options.signal.cancelled) return abandon({ kind: 'cancelled', message: 'Import cancelled: nothing was imported.' });
  try {
    return { kind: 'imported', settlement: await call('finishImport', { importId, aggregate: payload.aggregate, units: payload.units, ...(payload.reader ? { reader: payload.reader } : {}) }) };
  } catch (error) {
    // The server's words say whether anything was imported; they are not contradicted here.
    return abandon({ kind: 'failed', message: messageOf(error) });
  }
}
