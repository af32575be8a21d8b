/**
 * An organisation's lock dates (GET /Organisation's PeriodLockDate and EndOfYearLockDate, "Shown if
 * set"). Xero Central ("Set up or remove lock dates", as help.tradifyhq.com reproduces it): "users
 * can't add or edit transactions in Xero if the transaction date is on or before the lock date";
 * "Users can still create draft invoices, bills and expense claims, and submit these items for
 * approval"; the period lock binds "all user roles except the adviser user role", the end of year
 * lock binds everyone. (An older help.xero.com page says "earlier than"; the sandbox takes the
 * stricter "on or before", as DOMAIN.md §4 does.)
 *
 * Messages: creating or approving, "The document date cannot be before the end of year lock date,
 * currently set at 31-Jul-2013" (quoted in waynerobinson/xeroizer#92); voiding, "Document cannot be
 * edited as it is currently dated before end of year lock date" (the Xero message Tradify's help
 * page is titled after). ASSUMPTION: the period lock's messages are the same with "period lock
 * date"; deleting a DRAFT or SUBMITTED document dated in a locked period is refused like voiding
 * (the strict reading: Xero does not say).
 */
import type { OrganisationProfile } from './model';

/** Who is acting: advisers pass the period lock. */
export type UserRole = 'standard' | 'adviser';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2013-07-31` as Xero writes it in these messages: `31-Jul-2013`. */
function xeroDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
}

/** The lock that binds this user for a document dated `date`, if any (the end of year lock first). */
function lockOn(profile: OrganisationProfile, date: string, role: UserRole): { name: string; day: string } | undefined {
  if (profile.EndOfYearLockDate !== undefined && date <= profile.EndOfYearLockDate) return { name: 'end of year lock date', day: profile.EndOfYearLockDate };
  if (role !== 'adviser' && profile.PeriodLockDate !== undefined && date <= profile.PeriodLockDate) return { name: 'period lock date', day: profile.PeriodLockDate };
  return undefined;
}

/** Why a document dated `date` cannot be created or approved into the books, or undefined. */
export function lockedForPosting(profile: OrganisationProfile, date: string, role: UserRole): string | undefined {
  const lock = lockOn(profile, date, role);
  return lock && `The document date cannot be before the ${lock.name}, currently set at ${xeroDay(lock.day)}`;
}

/** Why a document dated `date` cannot be voided or deleted, or undefined. */
export function lockedForChange(profile: OrganisationProfile, date: string, role: UserRole): string | undefined {
  const lock = lockOn(profile, date, role);
  return lock && `Document cannot be edited as it is currently dated before ${lock.name}`;
}
