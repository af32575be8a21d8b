/**
 * How the sidebar writes numbers, dates and counts for people. Amounts arrive as exact decimal
 * strings (`-1234.5`, `1200`): they are regrouped as text, never turned into floats.
 */
import { groupDigits } from '../src/core/words';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Money and digit grouping are said the same way by the server, the Log and the sidebar. */
export { groupDigits, moneyText as money } from '../src/core/words';

/** A day from an ISO date or instant, written unambiguously: `2025-06-05…` → `5 Jun 2025`. */
export function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** A period between two ISO dates or instants: `20 Jun – 4 Jul 2025`, the year said once when it is shared. */
export function period(from: string, to: string): string {
  const a = day(from);
  const b = day(to);
  const sameYear = from.slice(0, 4) === to.slice(0, 4) && a !== from;
  return sameYear ? `${a.replace(/ \d{4}$/, '')} – ${b}` : `${a} – ${b}`;
}

/** A count with its noun, singular or plural: `1 line`, `2,000 lines`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${groupDigits(String(n))} ${n === 1 ? singular : plural}`;
}

/**
 * A moment as the workbook writes it ("Posted at", the Log): `2026-11-30 14:49`, in the
 * spreadsheet's time zone (UTC when it is unknown or not one the browser knows).
 */
export function dateTime(iso: string, timeZone = 'UTC'): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  } catch {
    return dateTime(iso, 'UTC');
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
