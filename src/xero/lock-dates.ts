/**
 * An organisation's lock dates and what they forbid. Xero refuses a document dated ON OR BEFORE a
 * lock date: `PeriodLockDate` binds every user except advisers, `EndOfYearLockDate` binds everyone
 * (Xero Central, "Set up or remove lock dates"; GET /Organisation gives each "if set"). With month
 * parts, a refused early part and an accepted late one would leave a one-sided carry in the
 * books, so a plan touching a locked period is refused before anything is sent, and so is voiding
 * a document that sits in one.
 */
import type { SettlementSummary } from '../core/summary/types';
import type { PlannedDocument } from '../core/xero/documents';

/** The lock dates of an organisation (`YYYY-MM-DD`, each only when set). */
export interface LockDates {
  periodLockDate?: string;
  endOfYearLockDate?: string;
}

/** The lock a document dated `date` falls in (the end of year lock first, as it binds everyone). */
export function lockOf(date: string, locks: LockDates): { kind: 'end of year' | 'period'; date: string } | undefined {
  if (locks.endOfYearLockDate && date <= locks.endOfYearLockDate) return { kind: 'end of year', date: locks.endOfYearLockDate };
  if (locks.periodLockDate && date <= locks.periodLockDate) return { kind: 'period', date: locks.periodLockDate };
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function partWords(document: PlannedDocument, several: boolean): string {
  const kind = document.invoice.Type === 'ACCPAY' ? 'bill' : 'sales invoice';
  const [year, month] = document.part.split('-');
  const which = several && month ? `The ${MONTHS[Number(month) - 1] ?? document.part} ${year} part` : 'The settlement';
  return `${which} (${kind} ${document.invoice.InvoiceNumber}, dated ${document.invoice.Date})`;
}

/**
 * Who can lift a lock, and where. Xero lets advisers post before the period lock date, but
 * SettleSheet refuses a locked period for everyone, advisers included (README, "Lock dates"): it
 * cannot tell who is signed in with its scopes, and a closed period is one the adviser signed off.
 * So the words serve both readers: an adviser moves the date; anyone else asks one to.
 */
function whoCanMove(lock: { kind: 'end of year' | 'period' }): string {
  return lock.kind === 'period'
    ? 'SettleSheet posts nothing into a locked period, even for advisers, whom Xero would let: an adviser in the organisation (you, if you are one) moves the period lock date (in Xero: Accounting › Advanced › Financial settings)'
    : 'Xero refuses it for everyone, advisers included: ask whoever closed that year to move the end of year lock date (in Xero: Accounting › Advanced › Financial settings)';
}

/**
 * Every planned document still to create (`toCreate`, all by default) dated on or before one of
 * the organisation's lock dates, in words that name the part and what the person can do; empty
 * when none is. Posting the whole settlement as one document (split `off`, dated at the
 * settlement's end) is offered when that date is open and Xero holds none of it yet.
 */
export function lockDateProblems(
  summary: SettlementSummary,
  documents: readonly PlannedDocument[],
  locks: LockDates,
  organisation: string,
  toCreate: readonly PlannedDocument[] = documents,
): string[] {
  const several = documents.length > 1;
  const last = documents[documents.length - 1];
  const endOpen = last !== undefined && lockOf(last.invoice.Date, locks) === undefined;
  const noneHeld = toCreate.length === documents.length;
  return toCreate.flatMap((document) => {
    const lock = lockOf(document.invoice.Date, locks);
    if (!lock) return [];
    const oneDocument = several && endOpen && noneHeld && summary.split !== 'off'
      ? ` Or post the settlement as one document dated ${last.invoice.Date}: set the month split to "off" in SettleSheet's settings.`
      : '';
    return [`${partWords(document, several)} is dated on or before ${organisation}'s ${lock.kind} lock date (${lock.date}). ${whoCanMove(lock)}, then post again.${oneDocument}`];
  });
}

/**
 * Why documents Xero holds cannot be voided or deleted because of a lock date, each ending with
 * `next` (what to do once the lock moves); empty when none.
 */
export function lockedForVoiding(documents: readonly { invoiceNumber: string; date?: string }[], locks: LockDates, next: string): string[] {
  return documents.flatMap((document) => {
    const lock = document.date === undefined ? undefined : lockOf(document.date, locks);
    if (!lock) return [];
    return [`${document.invoiceNumber} is dated ${document.date}, on or before the ${lock.kind} lock date (${lock.date}), so Xero will not void or delete it. ${whoCanMove(lock)}, then ${next}.`];
  });
}
