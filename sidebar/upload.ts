/**
 * Sending a parsed settlement to the server: begin, the lines in chunks of the size the server
 * asks for, then finish. Progress is lines the server has confirmed. A cancel takes effect after
 * the chunk in flight (a `google.script.run` call cannot be stopped); a cancelled or failed upload
 * asks the server to drop what it staged, so nothing is left behind.
 */
import type { ImportPayload } from '../src/api/import-payload';
import type { AggregateEntryDto, BeginImportRequest, LineDto, SettlementListItem, UnitsEntryDto } from '../src/api/types';
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
  | { kind: 'busy'; message: string }
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

/** Uploads a settlement; `confirmReissue` replaces an imported settlement of the same id. */
export async function uploadSettlement(
  call: Caller,
  payload: UploadSource,
  options: { confirmReissue?: boolean; signal: CancelSignal; onProgress: (progress: UploadProgress) => void },
): Promise<UploadOutcome> {
  const total = payload.begin.lineCount;
  let begun;
  try {
    begun = await call('beginImport', options.confirmReissue ? { ...payload.begin, confirmReissue: true } : payload.begin);
  } catch (error) {
    return { kind: 'failed', message: `${messageOf(error)} Nothing was imported.` };
  }
  if (begun.status === 'unchanged') return { kind: 'unchanged', settlement: begun.settlement };
  if (begun.status === 'needs-confirmation') return { kind: 'needs-confirmation', message: begun.message, posted: begun.posted };
  if (begun.status === 'busy') return { kind: 'busy', message: begun.message };

  const { importId, chunkSize } = begun;
  const abandon = async (outcome: { kind: 'cancelled' | 'failed'; message: string }): Promise<UploadOutcome> => {
    try {
      await call('cancelImport', { importId });
      return outcome;
    } catch (error) {
      // The server forgets an abandoned import after a while; say so rather than claim it is clean.
      return { kind: outcome.kind, message: `${outcome.message} (Clearing the partial upload failed too: ${messageOf(error)} It is discarded automatically within 30 minutes.)` };
    }
  };
  options.onProgress({ sent: 0, total });
  const size = Math.max(1, chunkSize);
  let sent = 0;
  // The next chunk is made while the current one travels.
  const chunkFrom = (from: number) => Promise.resolve().then(() => payload.lines(from, from + size));
  let next: Promise<LineDto[]> | undefined = total > 0 ? chunkFrom(0) : undefined;
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
    return { kind: 'imported', settlement: await call('finishImport', { importId, aggregate: payload.aggregate, units: payload.units }) };
  } catch (error) {
    return abandon({ kind: 'failed', message: `${messageOf(error)} Nothing was imported.` });
  }
}
