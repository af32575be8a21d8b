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
