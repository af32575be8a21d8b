/**
 * Xero's API limits (developer.xero.com/faq/limits): per organisation 60 calls in any rolling
 * minute and 5,000 in a rolling day; per app 10,000 calls a minute across organisations. Every
 * response carries X-MinLimit-Remaining, X-DayLimit-Remaining and X-AppMinLimit-Remaining; a call
 * over a limit gets 429 with Retry-After and X-Rate-Limit-Problem. Xero's fifth limit (5 calls in
 * flight at once) cannot arise in a synchronous handler and is not modelled.
 */
import type { HttpResponse } from '../../../src/xero/http';
import { gatewayProblem } from './wire';

/** The published limits. */
export const LIMITS = {
  perMinute: 60,
  perDay: 5000,
  appPerMinute: 10_000,
} as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Call times within a rolling window. */
class RollingWindow {
  private readonly calls: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private prune(now: number): void {
    let expired = 0;
    while (expired < this.calls.length && this.calls[expired]! <= now - this.windowMs) expired++;
    if (expired > 0) this.calls.splice(0, expired);
  }

  remaining(now: number): number {
    this.prune(now);
    return Math.max(0, this.limit - this.calls.length);
  }

  /** Whole seconds until the oldest call leaves the window (at least 1). */
  retryAfterSeconds(now: number): number {
    this.prune(now);
    const oldest = this.calls[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  record(now: number): void {
    this.calls.push(now);
  }
}

/** Which limit a 429 reports, as X-Rate-Limit-Problem spells it. */
export type RateLimitProblem = 'minute' | 'daily' | 'appminute';

/** The limits of every organisation and app the sandbox has seen. */
export class RateLimiter {
  private readonly tenants = new Map<string, { minute: RollingWindow; day: RollingWindow }>();
  private readonly apps = new Map<string, RollingWindow>();

  constructor(private readonly now: () => number) {}

  private windows(tenantId: string, clientId: string) {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      tenant = { minute: new RollingWindow(LIMITS.perMinute, MINUTE_MS), day: new RollingWindow(LIMITS.perDay, DAY_MS) };
      this.tenants.set(tenantId, tenant);
    }
    let app = this.apps.get(clientId);
    if (!app) {
      app = new RollingWindow(LIMITS.appPerMinute, MINUTE_MS);
      this.apps.set(clientId, app);
    }
    return { ...tenant, app };
  }

  /**
   * Counts one call against the organisation and app, or refuses it with Xero's 429 when a
   * limit is spent (refused calls do not count). Returns the headers every response carries.
   */
  admit(
    tenantId: string,
    clientId: string,
    instance: string,
  ): { ok: true; headers: Record<string, string> } | { ok: false; response: HttpResponse } {
    const now = this.now();
    const w = this.windows(tenantId, clientId);
    // The longest wait is the one worth reporting, so the daily limit is checked first.
    const spent: [RateLimitProblem, RollingWindow][] = [['daily', w.day], ['minute', w.minute], ['appminute', w.app]];
    for (const [problem, window] of spent) {
      if (window.remaining(now) === 0) {
        return { ok: false, response: tooManyRequests(window.retryAfterSeconds(now), problem, instance, this.headers(w, now)) };
      }
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
 * headers), so the sandbox uses the gateway's problem shape.
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
