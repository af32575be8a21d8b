/**
 * How values go into and come out of cells. Sheets interprets what a script writes as if a person
 * typed it: `=…` (and `+…`, `-…`) becomes a formula, `00123` a number, `1234567890123456789` a
 * rounded number, `2025-08-14` a date. Text from settlement files and from Xero is untrusted, so
 * it is always written with a leading apostrophe into a General cell, where Sheets takes the
 * apostrophe as a quote prefix: the rest is stored as plain text, never shown or returned.
 *
 * Older workbooks wrote that apostrophe into plain-text (`@`) cells too, and nothing documents
 * whether Sheets strips it there. Readers of values SettleSheet wrote itself and that can never
 * begin with an apostrophe (settlement ids, dates, amounts) therefore drop one if they find it.
 */

/** A cell value as `getValues` returns it. */
export type CellValue = string | number | boolean | Date;

/** Writes untrusted or id-like text so it stays exactly that text (into a General cell). */
export function textCell(text: string): string {
  return text === '' ? '' : `'${text}`;
}

function isDateValue(value: unknown): value is Date {
  // Realm-safe: values may come from another realm in tests and in the workbench.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * A cell read back as text: strings as they are, numbers as Sheets would show them plainly,
 * dates as `YYYY-MM-DD` in the spreadsheet's time zone (a date typed by a person is midnight there).
 */
export function cellText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (isDateValue(value)) return Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value).trim();
}

/**
 * A value SettleSheet wrote itself that never starts with an apostrophe (an id, a date, an
 * amount), read back as text whether or not Sheets kept the apostrophe it was written with.
 */
export function ownText(value: unknown, timeZone: string): string {
  const text = cellText(value, timeZone);
  return text.startsWith("'") ? text.slice(1) : text;
}

/** Reads a table (header first) as text cells. */
export function tableText(values: unknown[][], timeZone: string): string[][] {
  return values.map((row) => row.map((v) => cellText(v, timeZone)));
}
