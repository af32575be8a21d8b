/**
 * `Utilities.formatDate(date, timeZone, pattern)` with Java `SimpleDateFormat` letters:
 * `yyyy yy MM MMM MMMM M dd d HH H hh h mm m ss s SSS a EEE EEEE Z XXX X z` and `'quoted'` text.
 */
import { GoogleException } from './errors';
import { isKnownTimeZone, offsetAt, wallClockAt } from './tz';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(offsetMs: number, colon: boolean, zForZero: boolean): string {
  if (zForZero && offsetMs === 0) return 'Z';
  const minutes = Math.round(Math.abs(offsetMs) / 60000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${hh}${colon ? ':' : ''}${mm}`;
}

/** Formats an instant on the time zone's wall clock with a Java date pattern. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  if (!isKnownTimeZone(timeZone)) throw new GoogleException(`Invalid argument: ${timeZone}`);
  const w = wallClockAt(ms, timeZone);
  const offset = offsetAt(ms, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = pattern.slice(i + 1, end < 0 ? undefined : end);
      out += text === '' ? "'" : text;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n++;
    i += n;
    switch (ch) {
      case 'y': out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n); break;
      case 'M': out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]?.slice(0, 3) : pad(w.month, n); break;
      case 'd': out += pad(w.day, n); break;
      case 'H': out += pad(w.hour, n); break;
      case 'h': out += pad(((w.hour + 11) % 12) + 1, n); break;
      case 'm': out += pad(w.minute, n); break;
      case 's': out += pad(w.second, n); break;
      case 'S': out += pad(w.millisecond, n); break;
      case 'a': out += w.hour < 12 ? 'AM' : 'PM'; break;
      case 'E': out += n >= 4 ? DAYS[weekday] : DAYS[weekday]?.slice(0, 3); break;
      case 'Z': out += offsetText(offset, false, false); break;
      case 'X': out += offsetText(offset, n >= 3, true); break;
      case 'z': out += offset === 0 ? 'UTC' : `GMT${offsetText(offset, true, false)}`; break;
      default:
        if (/[A-Za-z]/.test(ch)) throw new GoogleException(`Illegal pattern character '${ch}'`);
        out += ch.repeat(n);
    }
  }
  return out;
}
