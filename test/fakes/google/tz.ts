/**
 * Wall-clock time in an IANA time zone, for spreadsheet dates and `Utilities.formatDate`.
 * Sheets stores a date as a wall-clock serial number in the spreadsheet's time zone, so writing a
 * `Date` and reading it back goes instant → wall clock → instant.
 */

/** A calendar date and time of day, as a clock on the wall shows it. */
export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the name is a time zone this machine's Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in the time zone at the instant. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms - millisecond))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1,
    hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0, millisecond,
  };
}

/** The wall clock's fields read as if they were UTC, in epoch ms (the zone-free "local" time). */
export function wallClockAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The time zone's offset from UTC at the instant, in ms (positive east of Greenwich). */
export function offsetAt(ms: number, timeZone: string): number {
  return wallClockAsUtc(wallClockAt(ms, timeZone)) - ms;
}

/** The instant at which the time zone's clocks show the wall clock (the later one in a DST overlap). */
export function instantOf(w: WallClock, timeZone: string): number {
  const local = wallClockAsUtc(w);
  const first = local - offsetAt(local, timeZone);
  const second = local - offsetAt(first, timeZone);
  return second;
}
