/**
 * Xero's API limits (developer.xero.com/faq/limits): per organisation 60 calls a minute, 5 in
 * progress at once, and a daily allowance set by the app's tier (tiers.ts: 1,000 on Starter, 5,000
 * otherwise); per app 10,000 calls a minute across organisations. Every response carries
 * X-MinLimit-Remaining, X-DayLimit-Remaining and X-AppMinLimit-Remaining; a call over a limit gets
 * 429 with Retry-After and X-Rate-Limit-Problem `minute`, `day`, `appminute` or `concurrent`
 * (integrators quoting real answers: support.approvalmax.com "Too many requests in the last day
 * (day)"; the Xero Kiwi and xero-invoice-alerts sources list `minute`, `day`, `appminute`).
 *
 * The windows are fixed, as issue 10's review of Xero's limits found. ASSUMPTION: a minute window
 * starts on each whole minute and a day window at midnight UTC; a refused call does not count; a
 * 429 for the concurrent limit says Retry-After: 1.
 */
import type { HttpResponse } from '../../../src/xero/http';
import { gatewayProblem } from './wire';

/** The limits every tier shares (the daily one is the tier's: see tiers.ts). */
export const LIMITS = {
  perMinute: 60,
  concurrent: 5,
  appPerMinute: 10_000,
} as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CONCURRENT_RETRY_AFTER_SECONDS = 1;

/** Calls counted in the current fixed window. */
class FixedWindow {
  private window = Number.NaN;
  private calls = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private roll(now: number): void {
    const window = Math.floor(now / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.calls = 0;
    }
  }

  remaining(now: number): number {
    this.roll(now);
    return Math.max(0, this.limit - this.calls);
  }

  /** Whole seconds until the window ends (at least 1). */
  retryAfterSeconds(now: number): number {
    return Math.max(1, Math.ceil(((Math.floor(now / this.windowMs) + 1) * this.windowMs - now) / 1000));
  }

  record(now: number): void {
    this.roll(now);
    this.calls++;
  }
}

/** Which limit a 429 reports, as X-Rate-Limit-Problem spells it. */
export type RateLimitProblem = 'minute' | 'day' | 'appminute' | 'concurrent';

/** What the limiter needs to know about one call. */
export interface CallContext {
  tenantId: string;
  clientId: string;
  /** The app's calls per organisation per day. */
  callsPerDay: number;
  /** Calls to this organisation in progress, this one included. */
  inFlight: number;
  /** The id the gateway gives its answer. */
  instance: string;
}

/** The limits of every organisation and app the sandbox has seen. */
export class RateLimiter {
  private readonly tenants = new Map<string, { minute: FixedWindow; day: FixedWindow }>();
  private readonly apps = new Map<string, FixedWindow>();

  constructor(private readonly now: () => number) {}

  private windows(call: CallContext) {
    const key = `${call.clientId}\u0000${call.tenantId}`;
    let tenant = this.tenants.get(key);
    if (!tenant) {
      tenant = { minute: new FixedWindow(LIMITS.perMinute, MINUTE_MS), day: new FixedWindow(call.callsPerDay, DAY_MS) };
      this.tenants.set(key, tenant);
    }
    let app = this.apps.get(call.clientId);
    if (!app) {
      app = new FixedWindow(LIMITS.appPerMinute, MINUTE_MS);
      this.apps.set(call.clientId, app);
    }
    return { ...tenant, app };
  }

  /**
   * Counts one call against the organisation and app, or refuses it with Xero's 429 when a
   * limit is spent. Returns the headers every response carries.
   */
  admit(call: CallContext): { ok: true; headers: Record<string, string> } | { ok: false; response: HttpResponse } {
    const now = this.now();
    const w = this.windows(call);
    // The longest wait is the one worth reporting, so the daily limit is checked first.
    const spent: [RateLimitProblem, FixedWindow][] = [['day', w.day], ['minute', w.minute], ['appminute', w.app]];
    for (const [problem, window] of spent) {
      if (window.remaining(now) === 0) {
        return { ok: false, response: tooManyRequests(window.retryAfterSeconds(now), problem, call.instance, this.headers(w, now)) };
      }
    }
    if (call.inFlight > LIMITS.concurrent) {
      return { ok: false, response: tooManyRequests(CONCURRENT_RETRY_AFTER_SECONDS, 'concurrent', call.instance, this.headers(w, now)) };
    }
    w.minute.record(now);
    w.day.record(now);
    w.app.record(now);
    return { ok: true, headers: this.headers(w, now) };
  }

  private headers(w: ReturnType<RateLimiter['windows']>, now: number): Record<string, string> {
    return {
      'x-minlimit-remaining': String(w.minute.remaining(now)),
      'x-daylimit-remaining': String(w.day.remaining(now)),
      'x-appminlimit-remaining': String(w.app.remaining(now)),
    };
  }
}

/**
 * A 429 as Xero sends it. The headers are documented; the body is not (clients must read the
 * headers). ASSUMPTION: the body is the gateway's problem shape (wire.ts).
 */
export function tooManyRequests(
  retryAfterSeconds: number,
  problem: RateLimitProblem,
  instance: string,
  remaining: Record<string, string> = {},
): HttpResponse {
  return gatewayProblem(429, `Rate limit exceeded: ${problem} limit`, instance, {
    ...remaining,
    'retry-after': String(retryAfterSeconds),
    'x-rate-limit-problem': problem,
  });
}
