/**
 * Calendar arithmetic for month parts. Posted dates are UTC calendar dates (`YYYY-MM-DD`), so
 * the month of a line is simply its first seven characters.
 */
import type { SettlementHeader } from '../settlement/types';

/** The `YYYY-MM` month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The UTC calendar date of an ISO instant. */
export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/**
 * The days a part covers: its month clipped to the settlement period, widened to any of its
 * lines posted outside that period (real files have a few).
 */
export function partRange(
  header: SettlementHeader,
  month: string | undefined,
  firstPosted: string,
  lastPosted: string,
): { from: string; to: string } {
  let from = dayOf(header.start);
  let to = dayOf(header.end);
  if (month !== undefined) {
    from = max(`${month}-01`, from);
    to = min(lastDayOfMonth(month), to);
  }
  return { from: min(from, firstPosted), to: max(to, lastPosted) };
}
