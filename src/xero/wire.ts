/**
 * Encoding helpers Apps Script lacks (it has no URL or URLSearchParams), and a JSON reader that
 * never echoes the text it failed on: a token response that does not parse must not end up in an
 * error message.
 */

/** `a=1&b=two%20words`: form-urlencoded fields, in the order given. */
export function formEncode(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** `base?query` with the defined parameters encoded, or `base` when there are none. */
export function withQuery(base: string, params: Readonly<Record<string, string | undefined>>): string {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) defined[name] = value;
  const query = formEncode(defined);
  return query === '' ? base : `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/** The parsed JSON, or undefined when the text is not JSON (the text is never repeated). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The calendar day (`2025-06-30`) of a date Xero wrote: `/Date(1546214400000+0000)/` in JSON
 * (the Organisation's lock dates, a document's Date) or `2025-06-30T00:00:00` (DateString);
 * undefined when it is neither. Xero's /Date()/ values of days are UTC midnights.
 */
export function xeroDay(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  if (ms) {
    const date = new Date(Number(ms[1]));
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
  }
  return /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) ? value.slice(0, 10) : undefined;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The number of UTF-8 bytes the text takes (Apps Script's storage limits count bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // includes a lone surrogate, which UTF-8 writes as U+FFFD
  }
  return bytes;
}
