/**
 * Sends one request to Xero the way a long-running Apps Script execution must: bounded retries
 * with backoff for network failures and 5xx answers (the same request, so the same
 * Idempotency-Key), and a 429's Retry-After waited out only when it fits in the time this
 * execution has left. Whatever does not fit becomes a typed failure, never a hung execution.
 *
 * A keyed write asks for 5xx answers back instead of retrying them: Xero keeps the first answer to
 * an Idempotency-Key for six minutes, errors included, so the same request would only get the
 * same error again (its idempotency guide; see the sandbox's idempotency.ts).
 */
import type { XeroFailure } from './errors';
import { NetworkError, type HttpPort, type HttpRequest, type HttpResponse } from './http';
import type { Clock } from './ports';
import { waitWords } from '../core/words';

/** The time an execution has: Apps Script stops a script after 6 minutes. */
export interface TimeBudget {
  clock: Clock;
  /** Epoch ms after which nothing new may start (the caller's start + 5 minutes by default). */
  deadline: number;
}

/** How long an Apps Script execution may spend before SettleSheet stops starting new work. */
export const EXECUTION_BUDGET_MS = 5 * 60_000;

/** Waits between attempts after a network failure or 5xx: three attempts in all. */
const BACKOFF_MS: readonly number[] = [1000, 2000];

// Time kept back after a wait for the work still to do (a create call and the record write).
const RESERVE_MS = 30_000;
// A 429 is waited out at most this many times in one call; Xero's minute window is the usual cause.
const MAX_RATE_LIMIT_WAITS = 2;
// When a 429 carries no Retry-After, Xero's minute window is the safe guess.
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** The response, or the failure that ended the attempts. */
export type Delivery = { ok: true; response: HttpResponse } | { ok: false; failure: XeroFailure };

/** True when waiting `ms` still leaves time for the rest of the work before the deadline. */
function fits(budget: TimeBudget, ms: number): boolean {
  return budget.clock.now() + ms + RESERVE_MS <= budget.deadline;
}

function retryAfterSeconds(response: HttpResponse): number {
  const seconds = Number.parseInt(response.headers['retry-after'] ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS;
}

// X-Rate-Limit-Problem as Xero sends it: `day`, `minute`, `appminute`, `concurrent` (Xero's old
// limits page wrote "Daily" or "Minute", so case and the old spelling are accepted too).
const LIMIT_WORDS: Readonly<Record<string, string>> = {
  day: "its daily limit of calls for this organisation was reached (a Xero app on the free Starter tier gets 1,000 a day)",
  daily: "its daily limit of calls for this organisation was reached (a Xero app on the free Starter tier gets 1,000 a day)",
  minute: 'its per-minute limit for this organisation was reached',
  appminute: "its per-minute limit for SettleSheet's app was reached",
  concurrent: 'too many calls to this organisation were in progress at once',
};

function rateLimited(response: HttpResponse, seconds: number): XeroFailure {
  const problem = (response.headers['x-rate-limit-problem'] ?? '').trim().toLowerCase();
  const limit = LIMIT_WORDS[problem] ?? LIMIT_WORDS['minute']!;
  return {
    kind: 'rate-limited',
    retryAfterSeconds: seconds,
    message: `Xero is busy (${limit}), try again in ${waitWords(seconds)}.`,
  };
}

/** How `deliver` treats a 5xx: retry it (reads), or hand it back (keyed writes). */
export interface DeliveryOptions {
  serverErrors: 'retry' | 'return';
}

/**
 * Sends `request`, retrying what is safe to retry within the budget. `what` names the request in
 * messages ("the invoice lookup"). Statuses other than 429 and 5xx are returned for the caller to read.
 */
export function deliver(http: HttpPort, request: HttpRequest, budget: TimeBudget, what: string, options: DeliveryOptions = { serverErrors: 'retry' }): Delivery {
  let failures = 0;
  let rateWaits = 0;
  for (;;) {
    let response: HttpResponse | undefined;
    let problem: string;
    try {
      response = http(request);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
    }
    if (response && response.status === 429) {
      const seconds = retryAfterSeconds(response);
      if (rateWaits >= MAX_RATE_LIMIT_WAITS || !fits(budget, seconds * 1000)) {
        // After a lost attempt Xero may have done the work: that is not a clean "nothing happened".
        if (failures > 0) {
          return { ok: false, failure: { kind: 'unavailable', message: `Xero did not complete ${what}: the connection was lost, then Xero became busy (try again in ${waitWords(seconds)}).` } };
        }
        return { ok: false, failure: rateLimited(response, seconds) };
      }
      rateWaits++;
      budget.clock.sleep(seconds * 1000);
      continue;
    }
    if (response && (response.status < 500 || options.serverErrors === 'return')) return { ok: true, response };
    problem = response ? `Xero answered ${response.status}` : 'the connection to Xero was lost';
    const wait = BACKOFF_MS[failures];
    failures++;
    if (wait === undefined || !fits(budget, wait)) {
      return {
        ok: false,
        failure: { kind: 'unavailable', message: `Xero did not complete ${what} (${failures} attempts; last: ${problem}).` },
      };
    }
    budget.clock.sleep(wait);
  }
}
