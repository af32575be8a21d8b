/**
 * How a press of Post (or Void and re-post, or Void) ended, in words for the person who pressed
 * it: what happened, what Xero holds now, and what to do next.
 */
import { documentWords } from '../core/words';
import type { XeroFailure } from './errors';
import type { JournalOutcome } from './posting-journals';
import type { AttachmentOutcome } from './posting-attachments';
import type { MissingPart, PostedRecord } from './posted-records';

/** How a post ended. Every variant carries a message for the person who pressed the button. */
export type PostOutcome =
  /**
   * `journal`: what happened to the cost of goods sold journals, `attachments` to the files
   * attached to the documents, when there was something to say.
   */
  | { kind: 'posted'; message: string; record: PostedRecord; journal?: JournalOutcome; attachments?: AttachmentOutcome }
  | { kind: 'already-posted'; message: string; record: PostedRecord; journal?: JournalOutcome; attachments?: AttachmentOutcome }
  /** Xero holds some of the settlement's documents and refused `missing`: posting again finishes it. */
  | { kind: 'partly-posted'; message: string; record: PostedRecord; missing: MissingPart[] }
  /** `void` mode: what Xero held is voided or deleted, and nothing was posted instead. */
  | { kind: 'voided'; message: string; record: PostedRecord }
  | { kind: 'refused'; message: string; problems: string[] }
  | { kind: 'busy'; message: string }
  | { kind: 'rate-limited'; message: string; retryAfterSeconds: number }
  | { kind: 'reconnect'; message: string }
  /** `nothingCreated` is true only when this press certainly created nothing in Xero. */
  | { kind: 'failed'; message: string; nothingCreated: boolean; record?: PostedRecord };

/** Said when this press certainly created nothing. */
export const NOTHING_CREATED = 'Nothing was created in Xero.';
const PRESS_AGAIN = 'Press Post again: SettleSheet will find what Xero has and create only what is missing, never a duplicate.';

/** A refusal before anything was sent (or changed). */
export function refused(problems: string[], lead = 'Nothing was sent to Xero. Fix these first:'): PostOutcome {
  return { kind: 'refused', message: `${lead} ${problems.join(' ')}`, problems };
}

/** The outcome of a failure before anything was sent to create documents. */
export function postOutcomeOf(failure: XeroFailure): PostOutcome {
  return failedCall(failure, []);
}

/** The outcome of a failed Xero call; `mayHaveCreated` lists what Xero may hold after it. */
export function failedCall(failure: XeroFailure, mayHaveCreated: string[], record?: PostedRecord): PostOutcome {
  const uncertain = mayHaveCreated.length > 0 && (failure.kind === 'unavailable' || failure.kind === 'unexpected');
  const after = uncertain ? `Xero may have created ${mayHaveCreated.join(', ')}. ${PRESS_AGAIN}` : NOTHING_CREATED;
  if (failure.kind === 'rate-limited') return { kind: 'rate-limited', retryAfterSeconds: failure.retryAfterSeconds, message: `${failure.message} ${after}` };
  if (failure.kind === 'reconnect') return { kind: 'reconnect', message: `${failure.message} ${after}` };
  if (failure.kind === 'busy') return { kind: 'busy', message: `${failure.message} ${after}` };
  return { kind: 'failed', message: `${failure.message} ${after}`, nothingCreated: !uncertain, ...(record ? { record } : {}) };
}

/** The settlement is in Xero as recorded. */
export function alreadyPosted(record: PostedRecord): PostOutcome {
  const numbers = record.documents.map((d) => d.invoiceNumber).join(', ');
  return { kind: 'already-posted', record, message: `Settlement ${record.settlementId} is already in Xero (${numbers}), posted by ${record.by}.` };
}

/** Every document is in Xero now. */
export function posted(record: PostedRecord): PostOutcome {
  const list = record.documents.map((d) => documentWords(d, d.currency));
  return { kind: 'posted', record, message: `Settlement ${record.settlementId} is in ${record.organisationName}: ${list.join(', ')}.` };
}

/**
 * Xero holds some documents of the settlement and refused the rest: said plainly, with exactly
 * what Xero holds, what is missing and why, and the one thing to do.
 */
export function partlyPosted(record: PostedRecord, missing: MissingPart[]): PostOutcome {
  const held = record.documents.map((d) => `${d.invoiceNumber} (${d.part})`).join(', ');
  const absent = missing.map((m) => `${m.invoiceNumber} (${m.part})`).join(', ');
  const reasons = [...new Set(missing.flatMap((m) => m.reasons))].join(' ');
  return {
    kind: 'partly-posted',
    record,
    missing,
    message:
      `Settlement ${record.settlementId} is only partly posted: ${record.organisationName} holds ${held}, but Xero refused ${absent}. ${reasons} ` +
      'Fix what Xero said, then press "Finish posting": SettleSheet creates only what is missing, never a second copy of what is there.',
  };
}
