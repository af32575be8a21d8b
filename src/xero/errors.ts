/**
 * Everything that can go wrong between SettleSheet and Xero, as typed values a person can act on.
 * Messages say what happened and what to do; they never carry a token, a secret or a raw body.
 */
import type { HttpResponse } from './http';
import { parseJson } from './wire';

/** Why a Xero action did not happen, with a message for the person who asked. */
export type XeroFailure =
  /** The deployer has not set the Xero app's client id and secret. */
  | { kind: 'not-configured'; message: string }
  /** This user has not connected Xero (or disconnected). */
  | { kind: 'not-connected'; message: string }
  /** The connection died (refresh token expired or revoked, or tokens rejected): connect again. */
  | { kind: 'reconnect'; message: string }
  /** No organisation is bound to the spreadsheet, or this login cannot reach the bound one. */
  | { kind: 'no-organisation'; message: string }
  /** Xero refused access: a scope is missing or the organisation is not connected to this login. */
  | { kind: 'forbidden'; message: string }
  /** Another execution holds a lock this action needs. */
  | { kind: 'busy'; message: string }
  /** Xero's rate limit, and the wait did not fit in this execution's time. */
  | { kind: 'rate-limited'; retryAfterSeconds: number; message: string }
  /** Xero refused what was sent (400), with each message Xero gave. */
  | { kind: 'validation'; message: string; problems: XeroValidationProblem[] }
  /**
   * Xero could not be reached or kept failing (network, 5xx) after bounded retries. `answered`:
   * Xero answered a write with a server error, which it keeps under the request's
   * Idempotency-Key, so trying again needs a fresh look at what exists and a new key.
   */
  | { kind: 'unavailable'; message: string; answered?: boolean }
  /** Any other answer SettleSheet does not expect. */
  | { kind: 'unexpected'; status: number; message: string };

/** One message from a Xero ValidationException, with the document (and line, 1-based) it is about. */
export interface XeroValidationProblem {
  invoiceNumber?: string;
  line?: number;
  message: string;
}

/** A value, or why there is none. */
export type XeroResult<T> = { ok: true; value: T } | { ok: false; failure: XeroFailure };

/** A successful result. */
export function success<T>(value: T): XeroResult<T> {
  return { ok: true, value };
}

/** A failed result. */
export function failure<T = never>(failed: XeroFailure): XeroResult<T> {
  return { ok: false, failure: failed };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function messagesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => asRecord(e)?.['Message']).filter((m): m is string => typeof m === 'string' && m !== '');
}

/**
 * The validation messages of documents in Xero's shape (a 400's `Elements` or the `Invoices` of a
 * summarizeErrors=false answer): the document's own messages, then each line's with its number.
 */
export function documentProblems(documents: unknown): XeroValidationProblem[] {
  if (!Array.isArray(documents)) return [];
  return documents.flatMap((raw) => {
    const doc = asRecord(raw) ?? {};
    const invoiceNumber = typeof doc['InvoiceNumber'] === 'string' && doc['InvoiceNumber'] !== '' ? doc['InvoiceNumber'] : undefined;
    const own = messagesOf(doc['ValidationErrors']).map((message) => ({ invoiceNumber, message }));
    const lines = Array.isArray(doc['LineItems']) ? doc['LineItems'] : [];
    const perLine = lines.flatMap((line, i) => messagesOf(asRecord(line)?.['ValidationErrors']).map((message) => ({ invoiceNumber, line: i + 1, message })));
    return [...own, ...perLine];
  });
}

/** The failure a 400 describes: a ValidationException's messages, or the error's own message. */
export function badRequest(response: HttpResponse, what: string): XeroFailure {
  const body = asRecord(parseJson(response.body)) ?? {};
  const problems = documentProblems(body['Elements']);
  const message = typeof body['Message'] === 'string' ? body['Message'] : typeof body['Detail'] === 'string' ? body['Detail'] : '';
  if (problems.length === 0) problems.push({ message: message || 'Xero refused the request without saying why.' });
  return {
    kind: 'validation',
    problems,
    message: `Xero refused ${what}: ${problems.map((p) => p.message).join(' ')}`,
  };
}

/** The failure that asks the user to connect again, keeping everything else. */
export function reconnectFailure(): XeroFailure {
  return {
    kind: 'reconnect',
    message: 'Your Xero connection has expired or was revoked. Connect to Xero again from the sidebar; the organisation this spreadsheet posts to and its posted settlements are kept.',
  };
}

/** The failure for a user who never connected (or disconnected). */
export function notConnectedFailure(): XeroFailure {
  return { kind: 'not-connected', message: 'You are not connected to Xero. Press "Connect to Xero" in the sidebar.' };
}
