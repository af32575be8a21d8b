/**
 * Xero's wire formats: exact decimals as JSON literals, `/Date(…)/` dates, the response envelope
 * and the problem bodies its gateway returns for 401/403.
 */
import Decimal from 'decimal.js';
import type { HttpResponse } from '../../../src/xero/http';

/** decimal.js configured once for Xero money: plenty of precision, halves rounded away from zero. */
export const XeroDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** An exact decimal value of the sandbox's money arithmetic. */
export type Dec = InstanceType<typeof XeroDecimal>;

/** A decimal Xero writes with a fixed number of places, e.g. `40.00` or `2.0000`. */
export class Fixed {
  constructor(
    readonly value: Dec,
    readonly places: number,
  ) {}
}

/** Wraps a value for `toXeroJson` so it prints with exactly `places` decimals. */
export function fixed(value: Dec | number | string, places: number): Fixed {
  return new Fixed(new XeroDecimal(value), places);
}

/**
 * JSON.stringify, except that `Fixed` values print as decimal literals (`40.00`), as Xero's .NET
 * serializer writes them. A client that parses with JSON.parse gets the same numbers either way;
 * one that reads the raw text sees exactly what Xero sends.
 */
export function toXeroJson(value: unknown): string {
  if (value instanceof Fixed) {
    const text = value.value.toFixed(value.places);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => toXeroJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => `${JSON.stringify(key)}:${toXeroJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const DAY_MS = 86_400_000;

/** A calendar day (`2024-03-31`) as milliseconds at UTC midnight. */
export function dayToMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The UTC calendar day (`2024-03-31`) an instant falls on. */
export function msToDay(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Xero's `/Date(1552262400000+0000)/` form of an instant (used on documents and their dates). */
export function msDate(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

/** The `DateTimeUTC` form of the envelope, which Xero writes without an offset. */
export function envelopeDate(ms: number): string {
  return `/Date(${ms})/`;
}

/** The `DateString` Xero gives beside a `/Date()/`: `2019-03-11T00:00:00`. */
export function dateString(day: string): string {
  return `${day}T00:00:00`;
}

/** The identity service's timestamp form: `2019-12-07T18:46:19.5165400` (UTC, no zone). */
export function identityTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000`;
}

/** A response with a JSON body in Xero's serialisation. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: toXeroJson(body),
  };
}

/** A text/html response. */
export function htmlResponse(status: number, html: string): HttpResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/**
 * The problem body Xero's API gateway returns for authentication and authorisation failures, e.g.
 * `{"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful",…}` (shape
 * as quoted in XeroAPI/xero-node#432 and Xero's OAuth 2.0 troubleshooting page).
 */
export function gatewayProblem(
  status: number,
  detail: string,
  instance: string,
  headers: Record<string, string> = {},
): HttpResponse {
  const title = REASON[status] ?? 'Error';
  return jsonResponse(
    status,
    { Type: null, Title: title, Status: status, Detail: detail, Instance: instance, Extensions: {} },
    headers,
  );
}

/** Standard reason phrases for the statuses the sandbox produces. */
export const REASON: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
