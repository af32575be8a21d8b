/**
 * A small, honest number-format formatter for `getDisplayValues`: General, `@`, digit patterns
 * (`0`, `0.00`, `#,##0.00`, `0.000`, `0%`, `0.00E+00`), literal text and currency tokens
 * (`"$"#,##0.00`, `[$¥]#,##0`, `[$€-407]`), `positive;negative;zero` sections, and date-time
 * patterns (`yyyy-mm-dd`, `yyyy-mm-dd hh:mm`, `M/d/yyyy H:mm:ss`, `mmm d`, `hh:mm AM/PM`).
 * Rounding is Sheets': the double is first read to 15 significant digits, then rounded half away
 * from zero, so 1.005 shows as 1.01 with `0.00`.
 */
import Decimal from 'decimal.js';
import { wallClockOfSerial } from './serial';
import type { CellValue } from './values';

/** The format Apps Script reports for a cell nobody formatted ("General"). */
export const GENERAL_FORMAT = '0.###############';

/** True for General: no format, Apps Script's `0.###############`, or the word itself. */
export function isGeneralFormat(format: string | undefined): boolean {
  return format === undefined || format === '' || format === GENERAL_FORMAT || format.toLowerCase() === 'general';
}

/** True for the plain-text format `@`, under which written strings stay text. */
export function isTextFormat(format: string | undefined): boolean {
  return format === '@';
}

/** The format with quoted text, escapes and bracketed tokens removed, leaving only codes. */
function codesOf(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?:h+|m+|s+)\]/gi, 'h').replace(/\[[^\]]*\]/g, '');
}

/** True when the format shows a date, a time or a duration (so a number in it is a date). */
export function isDateFormat(format: string): boolean {
  return !isGeneralFormat(format) && /[ydhsm]/i.test(codesOf(format));
}

/** Splits `a;b;c` into sections, leaving semicolons inside quotes alone. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) { out.push(current); current = ''; } else current += ch;
  }
  out.push(current);
  return out;
}

/** Sheets' General display: up to 15 significant digits, scientific past 1E+15 or below 1E-9. */
function general(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa = '', exponent = '0'] = n.toExponential(5).split('e');
    const e = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, '')}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const fixed = new Decimal(n.toPrecision(15)).toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInteger: number;
  grouping: boolean;
  minDecimals: number;
  maxDecimals: number;
  percent: boolean;
  /** Digits of the exponent when the pattern is scientific (`0.00E+00` → 2). */
  exponentDigits?: number;
  exponentPlus: boolean;
}

/** Reads one section of a digit pattern into its parts. */
function parseNumberPattern(section: string): NumberPattern {
  const p: NumberPattern = {
    prefix: '', suffix: '', minInteger: 0, grouping: false, minDecimals: 0, maxDecimals: 0,
    percent: false, exponentPlus: false,
  };
  let phase: 'before' | 'integer' | 'decimals' | 'exponent' | 'after' = 'before';
  const literal = (text: string) => {
    if (phase === 'before') p.prefix += text;
    else { phase = 'after'; p.suffix += text; }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal(section.charAt(++i));
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      if (inside.startsWith('$')) literal(inside.slice(1).split('-')[0] ?? '');
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      literal(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if ((ch === '0' || ch === '#' || ch === '?') && (phase === 'before' || phase === 'integer')) {
      phase = 'integer';
      if (ch !== '#') p.minInteger++;
    } else if (ch === ',' && phase === 'integer') {
      p.grouping = true;
    } else if (ch === '.' && (phase === 'before' || phase === 'integer')) {
      phase = 'decimals';
    } else if ((ch === '0' || ch === '#' || ch === '?') && phase === 'decimals') {
      p.maxDecimals++;
      if (ch !== '#') p.minDecimals = p.maxDecimals;
    } else if ((ch === 'E' || ch === 'e') && (section.charAt(i + 1) === '+' || section.charAt(i + 1) === '-') && (phase === 'integer' || phase === 'decimals')) {
      p.exponentPlus = section.charAt(i + 1) === '+';
      p.exponentDigits = 0;
      i++;
      while (section.charAt(i + 1) === '0' || section.charAt(i + 1) === '#') { p.exponentDigits++; i++; }
      phase = 'after';
    } else if (ch === '%') {
      p.percent = true;
      literal('%');
    } else {
      literal(ch);
    }
  }
  return p;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounds |n| as Sheets does and lays it out by the pattern, without a sign. */
function layOut(abs: number, p: NumberPattern): string {
  let exponent = 0;
  let scaled = new Decimal(abs.toPrecision(15));
  if (p.percent) scaled = scaled.times(100);
  if (p.exponentDigits !== undefined && !scaled.isZero()) {
    exponent = scaled.e - (Math.max(p.minInteger, 1) - 1);
    scaled = scaled.div(new Decimal(10).pow(exponent));
  }
  let text = scaled.toFixed(p.maxDecimals, Decimal.ROUND_HALF_UP);
  let [integer = '0', decimals = ''] = text.split('.');
  while (decimals.length > p.minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  if (integer === '0' && p.minInteger === 0) integer = '';
  integer = integer.padStart(p.minInteger, '0');
  if (p.grouping) integer = groupThousands(integer);
  text = decimals.length > 0 ? `${integer}.${decimals}` : integer;
  if (p.exponentDigits !== undefined) {
    const sign = exponent < 0 ? '-' : p.exponentPlus ? '+' : '';
    text += `E${sign}${String(Math.abs(exponent)).padStart(p.exponentDigits, '0')}`;
  }
  return text;
}

function formatNumber(n: number, format: string): string {
  const parts = sections(format);
  let section = parts[0] ?? '';
  let autoMinus = n < 0;
  if (n < 0 && parts.length >= 2) { section = parts[1] ?? ''; autoMinus = false; }
  if (n === 0 && parts.length >= 3) section = parts[2] ?? '';
  const pattern = parseNumberPattern(section);
  const body = layOut(Math.abs(n), pattern);
  const showsZero = /^[0.,E+-]*$/.test(body) && !/[1-9]/.test(body);
  return `${autoMinus && !showsZero ? '-' : ''}${pattern.prefix}${body}${pattern.suffix}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type DateToken = { code: string; text: string } | { literal: string };

function tokenizeDateFormat(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    const rest = format.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) { tokens.push({ code: 'ampm', text: ampm[0] }); i += ampm[0].length - 1; continue; }
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      tokens.push({ literal: format.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? format.length : end;
      continue;
    }
    if (ch === '\\') { tokens.push({ literal: format.charAt(++i) }); continue; }
    if (ch === '[') {
      const end = format.indexOf(']', i);
      const inside = format.slice(i + 1, end < 0 ? undefined : end);
      if (/^[hms]+$/i.test(inside)) tokens.push({ code: inside.charAt(0).toLowerCase(), text: inside });
      i = end < 0 ? format.length : end;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(rest);
    if (run) {
      tokens.push({ code: run[0].charAt(0).toLowerCase(), text: run[0] });
      i += run[0].length - 1;
      continue;
    }
    const fraction = /^\.(0+)/.exec(rest);
    const previous = tokens[tokens.length - 1];
    if (fraction && previous && 'code' in previous && previous.code === 's') {
      tokens.push({ code: 'fraction', text: fraction[1] ?? '' });
      i += fraction[0].length - 1;
      continue;
    }
    tokens.push({ literal: ch });
  }
  return tokens;
}

function formatDateSerial(serial: number, format: string): string {
  const tokens = tokenizeDateFormat(format);
  const codes = tokens.filter((t): t is { code: string; text: string } => 'code' in t);
  const fractionDigits = codes.find((t) => t.code === 'fraction')?.text.length ?? 0;
  const unit = 1000 / 10 ** fractionDigits;
  const rounded = Math.round((serial * 86_400_000) / unit) * unit / 86_400_000;
  const w = wallClockOfSerial(rounded);
  const twelveHour = codes.some((t) => t.code === 'ampm');
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  for (const t of tokens) {
    if ('literal' in t) { out += t.literal; continue; }
    const n = t.text.length;
    switch (t.code) {
      case 'y': out += n <= 2 ? pad(w.year % 100, 2) : String(w.year); break;
      case 'd':
        out += n >= 4 ? WEEKDAYS[weekday] : n === 3 ? WEEKDAYS[weekday]?.slice(0, 3) : pad(w.day, n); break;
      case 'h': {
        const hour = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
        out += pad(hour, Math.min(n, 2));
        break;
      }
      case 's': out += pad(w.second, Math.min(n, 2)); break;
      case 'fraction': out += `.${pad(w.millisecond, 3).slice(0, n)}`; break;
      case 'ampm': {
        const pm = w.hour >= 12;
        const text = t.text.length > 3 ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
        out += t.text === t.text.toLowerCase() ? text.toLowerCase() : text;
        break;
      }
      case 'm': {
        // `m` is minutes right after an hour or right before a second, a month otherwise.
        const before = codes[codes.indexOf(t) - 1];
        const after = codes[codes.indexOf(t) + 1];
        const minutes = before?.code === 'h' || after?.code === 's';
        if (minutes && n <= 2) out += pad(w.minute, n);
        else if (n >= 5) out += MONTHS[w.month - 1]?.charAt(0);
        else if (n === 4) out += MONTHS[w.month - 1];
        else if (n === 3) out += MONTHS[w.month - 1]?.slice(0, 3);
        else out += pad(w.month, n);
        break;
      }
    }
  }
  return out;
}

/** The text a cell shows for a stored value under a number format (`getDisplayValues`). */
export function formatForDisplay(value: CellValue | undefined, format: string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isGeneralFormat(format) || isTextFormat(format) || format === undefined) return general(value);
  if (isDateFormat(format)) return formatDateSerial(value, format);
  return formatNumber(value, format);
}
