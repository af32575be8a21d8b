/**
 * Wraps each `google.script.run` target: checks the request, runs the target, and returns an
 * envelope, so the sidebar gets plain words for every failure instead of a stack trace.
 */
import type { Envelope } from '../../api/types';
import { markExecutionStart } from '../execution';
import { noteLockTaken } from '../records/record-sheet';
import { MissingTabError } from '../workbook/workbook';

/** A failure the person can act on; its message is shown as it is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

interface RequestSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Makes a target from a request schema and the work it does. */
export function target<Req, Res>(schema: RequestSchema<Req>, work: (request: Req) => Res): (request?: unknown) => Envelope<Res> {
  return (request?: unknown) => {
    markExecutionStart();
    const parsed = schema.safeParse(request ?? {});
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.map(String).join('.') || 'request').join(', ');
      return { ok: false, message: `SettleSheet could not read what the sidebar sent (${where}). Reload the sidebar and try again.` };
    }
    try {
      return { ok: true, value: work(parsed.data) };
    } catch (e) {
      if (e instanceof UserFacingError || e instanceof MissingTabError) return { ok: false, message: e.message };
      // Unexpected: keep the details in the execution log for whoever maintains the add-on.
      console.error(e);
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, message: `Something went wrong in SettleSheet: ${message}. Try again; if it keeps happening, the Log tab and the script's executions list have details.` };
    }
  };
}

/** The document lock stayed taken: someone else is changing the workbook. */
export class LockBusy extends UserFacingError {
  override name = 'LockBusy';
}

/**
 * Runs work under the document lock, or tells the person someone else is busy (`what`: what this
 * person was about to do, e.g. "import"). Work nested in work
 * that already holds the lock runs at once and leaves the lock to the outer holder (Apps Script's
 * `releaseLock` does not count nesting).
 */
export function underDocumentLock<T>(what: string, work: () => T, waitMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  if (lock.hasLock()) return work();
  if (!lock.tryLock(waitMs)) {
    throw new LockBusy(`Someone else is changing this spreadsheet with SettleSheet right now (importing, previewing or posting), so SettleSheet could not ${what}. Try again in a minute.`);
  }
  noteLockTaken();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
