/**
 * How Sheets interprets a value a script writes with `setValue(s)`/`appendRow`, and what
 * `getValues` gives back. This is where injection and type bugs live, so each rule is Google's:
 *
 * - `null`, `undefined` and "" clear the cell. Numbers and booleans are stored as given. A `Date` is
 *   stored as a date-time serial number in the spreadsheet's time zone, and a General cell gets
 *   Sheets' default date-time format so it reads back as a `Date`.
 * - A string is read as if a user typed it (the Sheets API calls this USER_ENTERED, "parsed exactly
 *   as if the user typed them into the UI"), unless the cell's number format is plain text `@`:
 *   - `=…` becomes a formula; `'…` keeps the text after the apostrophe;
 *   - number-looking text becomes a number (`007` → 7, `1.23E+16`, `+5`, `1,234.5` in the en_US
 *     locale), so a 19-digit order id loses digits like any IEEE double;
 *   - `TRUE`/`FALSE` (any case) become booleans;
 *   - `2025-08-14`, `2025-08-14 10:00:00`, `8/14/2025`, `2025/08/14` become dates;
 *   - any other text that starts with `+` or `-` becomes a formula (`+1-2` → `=+1-2`, shows -1;
 *     `-SKU` → `=-SKU`, shows `#NAME?`; `+44 20 7946` shows `#ERROR!`). Sources: Google's own
 *     "Formula parse error" on exported `+` values (OWOX/owox-data-marts#1535), `+/-` genotype
 *     values turning into formulas (Sage-Bionetworks/schematic#342), `'+`/`'-` values becoming
 *     `#ERROR` once the apostrophe is lost (robin900/gspread-dataframe#16), and pygsheets#373.
 *     Excel also treats a leading `@` as a formula; Sheets does not (`@home` stays text: the UI
 *     opens its smart-chip menu on a typed `@`, but a written value is plain text).
 * - In a `@` cell every string is kept as text (formula-, number- and date-looking ones too).
 *   Whether a leading apostrophe is then stripped (as in a General cell) or kept as part of the
 *   text is NOT documented (DOMAIN.md §4): the spreadsheet's `apostropheInTextCells` setting picks
 *   one behaviour or the other, and SettleSheet's e2e suite runs under both. ASSUMPTION either way;
 *   the self-check reports which one the real spreadsheet shows.
 * - Sheets refuses a cell of more than 50,000 characters.
 *
 * Only the en_US locale's number and date forms are recognised. Currency and percent text (`$5`,
 * `10%`), time-only text (`10:00`) and partial dates (`8/14`, `1-2`) are left as text here, where
 * real Sheets would convert them: write such text to `@` cells in any case.
 */
import { GoogleException } from '../errors';
import { isDate } from '../realm';
import { instantOf, wallClockAsUtc, wallClockAt, type WallClock } from '../tz';
import { evaluateFormula } from './formula';
import { isDateFormat, isTextFormat } from './number-format';
import { serialOf, wallClockOfSerial } from './serial';

/** What a cell holds: dates are numbers (serials) whose format is a date format, as in Sheets. */
export type CellValue = number | string | boolean;

/** What a written value turns into. */
export type WrittenValue =
  | { kind: 'empty' }
  | { kind: 'value'; value: CellValue; dateFormat?: string }
  | { kind: 'formula'; formula: string; value: CellValue };

/** The most characters Sheets accepts in one cell. */
export const MAX_CELL_CHARACTERS = 50000;

/** The format Sheets gives a General cell when a script writes a `Date` into it. */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIME = String.raw`(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const US_DATE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`);

function dateFromText(text: string): { serial: number; format: string } | undefined {
  const iso = ISO_DATE.exec(text);
  const us = iso ? undefined : US_DATE.exec(text);
  const m = iso ?? us;
  if (!m) return undefined;
  const [year, month, day] = iso ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
  const w: WallClock = {
    year: Number(year), month: Number(month), day: Number(day),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), millisecond: 0,
  };
  const check = new Date(wallClockAsUtc(w));
  if (check.getUTCMonth() + 1 !== w.month || check.getUTCDate() !== w.day || w.hour > 23 || w.minute > 59 || w.second > 59) {
    return undefined;
  }
  const hasTime = m[4] !== undefined;
  const datePart = iso ? 'yyyy-mm-dd' : 'M/d/yyyy';
  return { serial: serialOf(w), format: hasTime ? `${datePart} H:mm:ss` : datePart };
}

function interpretText(text: string): WrittenValue {
  if (text.startsWith("'")) return text.length === 1 ? { kind: 'empty' } : { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text, value: evaluateFormula(text) };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { kind: 'value', value: Number(trimmed.replace(/,/g, '')) };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  const date = dateFromText(trimmed);
  if (date) return { kind: 'value', value: date.serial, dateFormat: date.format };
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) {
    const formula = `=${text}`;
    return { kind: 'formula', formula, value: evaluateFormula(formula) };
  }
  return { kind: 'value', value: text };
}

/** What a plain-text (`@`) cell does with a leading apostrophe (undocumented: see above). */
export type ApostropheInTextCells = 'strip' | 'keep';

/**
 * What a value written by a script becomes in a cell with the given number format, in a
 * spreadsheet in the given time zone. Throws Google's message for text longer than a cell holds.
 */
export function interpretWrittenValue(input: unknown, numberFormat: string | undefined, timeZone: string, apostrophe: ApostropheInTextCells = 'strip'): WrittenValue {
  if (input === null || input === undefined || input === '') return { kind: 'empty' };
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { kind: 'value', value: input } : { kind: 'value', value: String(input) };
  }
  if (isDate(input)) {
    const ms = Date.prototype.getTime.call(input);
    if (Number.isNaN(ms)) return { kind: 'value', value: 'Invalid Date' };
    return { kind: 'value', value: serialOf(wallClockAt(ms, timeZone)), dateFormat: DEFAULT_DATE_TIME_FORMAT };
  }
  const text = String(input);
  if (text.length > MAX_CELL_CHARACTERS) {
    throw new GoogleException(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
  }
  if (isTextFormat(numberFormat)) {
    const quoted = apostrophe === 'strip' && text.startsWith("'");
    return quoted && text.length === 1 ? { kind: 'empty' } : { kind: 'value', value: quoted ? text.slice(1) : text };
  }
  return interpretText(text);
}

/**
 * What `getValues` returns for a stored value: a new `Date` when the cell's format is a date or
 * time format (Sheets' rule: a date is a number with a date format), the value itself otherwise,
 * and "" for an empty cell.
 */
export function readValue(value: CellValue | undefined, numberFormat: string | undefined, timeZone: string): CellValue | Date {
  if (value === undefined) return '';
  if (typeof value === 'number' && numberFormat !== undefined && isDateFormat(numberFormat)) {
    return new Date(instantOf(wallClockOfSerial(value), timeZone));
  }
  return value;
}
