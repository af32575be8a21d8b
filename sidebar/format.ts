/**
 * How the sidebar writes numbers, dates and counts for people. Amounts arrive as exact decimal
 * strings (`-1234.5`, `1200`): they are regrouped as text, never turned into floats.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A decimal string with thousands grouped: `-1234567.80` → `-1,234,567.80`. Text that is not a decimal comes back unchanged. */
export function groupDigits(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign = '', units = '', fraction = ''] = m;
  return `${sign}${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** An amount with its currency, as the sidebar shows money: `1,234.56 USD`. */
export function money(amount: string, currency: string): string {
  return `${groupDigits(amount)} ${currency}`;
}

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

/** A date and time from an ISO instant, in UTC as the server stores it: `5 Jun 2025, 14:07 UTC`. */
export function instant(iso: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${day(iso)}, ${m[1]}:${m[2]} UTC` : day(iso);
}
