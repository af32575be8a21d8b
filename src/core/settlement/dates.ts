/**
 * The date shapes Amazon writes in settlement files, read as UTC without `new Date(string)`, whose
 * reading of non-ISO strings differs between engines and time zones.
 */

/** A settlement date read as UTC. */
export interface SettlementDate {
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  instant: string;
  /** The UTC calendar day, `YYYY-MM-DD`. */
  day: string;
}

/** Why a date cell could not be read. */
export type DateProblem = 'unknown-format' | 'no-such-date';

// `2025-06-05T22:07:18+00:00`, with `Z`, fractional seconds or any numeric offset (or none).
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// `2026-06-17 08:14:22 UTC`, `2026-06-17 08:14:22 GMT` or plain `2026-06-17`.
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}) (?:UTC|GMT))?$/i;
// `14.03.2023 07:49:55 UTC` or `14.03.2023` (the EU marketplaces' V2 files).
const DMY = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2}):(\d{2}) (?:UTC|GMT))?$/i;
// `03/14/23` or `03/14/2023` (how Amazon describes posted-date).
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

/** Reads one date cell in any shape Amazon uses, converting offsets to UTC. */
export function parseSettlementDate(text: string): SettlementDate | DateProblem {
  let m = ISO.exec(text);
  if (m) {
    return utcDate(m[1], m[2], m[3], m[4], m[5], m[6], offsetMinutes(m[7]));
  }
  m = YMD.exec(text);
  if (m) return utcDate(m[1], m[2], m[3], m[4], m[5], m[6], 0);
  m = DMY.exec(text);
  if (m) return utcDate(m[3], m[2], m[1], m[4], m[5], m[6], 0);
  m = MDY.exec(text);
  if (m) {
    const year = m[3] as string;
    // Two-digit years can only be this century: settlements exist from 2000 on.
    return utcDate(year.length === 2 ? `20${year}` : year, m[1], m[2], undefined, undefined, undefined, 0);
  }
  return 'unknown-format';
}

/**
 * The two readings of a slash date: month first (how Amazon describes posted-date) and day first
 * (how a spreadsheet program in a day-first locale re-saves it). Either is undefined when it is no
 * real date. Returns undefined for text that is not a slash date at all.
 */
export interface SlashReadings {
  monthFirst: SettlementDate | undefined;
  dayFirst: SettlementDate | undefined;
}

/** Both readings of `03/04/25`-style text, or undefined when the text is not a slash date. */
export function slashReadings(text: string): SlashReadings | undefined {
  const m = MDY.exec(text);
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3];
  const reading = (month: string, day: string) => {
    const date = utcDate(year, month, day, undefined, undefined, undefined, 0);
    return typeof date === 'string' ? undefined : date;
  };
  return { monthFirst: reading(m[1]!, m[2]!), dayFirst: reading(m[2]!, m[1]!) };
}

/** True when a slash date reads as two different real days. */
export function isAmbiguous(readings: SlashReadings): boolean {
  return readings.monthFirst !== undefined && readings.dayFirst !== undefined && readings.monthFirst.day !== readings.dayFirst.day;
}

/** Minutes east of UTC for `Z`, `+02:00`, `-0530`, `+01`; none means UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function utcDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  offset: number,
): SettlementDate | DateProblem {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  // Years outside 1970–9998 are no settlement's, and Date.UTC would misread years below 100.
  if (
    year < 1970 || year > 9998 || monthDays === undefined || day < 1 || day > monthDays ||
    hour > 23 || minute > 59 || second > 59 || Number.isNaN(offset)
  ) {
    return 'no-such-date';
  }
  // Date.UTC on numbers (never a string) is exact and engine-independent; it also carries an
  // offset that crosses midnight or a month end into the right UTC day.
  const ms = Date.UTC(year, month - 1, day, hour, minute - offset, second);
  const instant = new Date(ms).toISOString().slice(0, 19) + 'Z';
  return { instant, day: instant.slice(0, 10) };
}
