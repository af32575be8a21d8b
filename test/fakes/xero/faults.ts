/**
 * Faults on purpose: a test arms a fault for requests matching a method/host/path, and the next
 * matching requests fail the way real networks and Xero fail.
 */
import type { HttpRequest } from '../../../src/xero/http';
import type { RateLimitProblem } from './rate-limit';

/** What goes wrong. */
export type FaultKind =
  /**
   * Answer with this status (e.g. 500, 503) without handling the request. Xero keeps that answer
   * under the request's Idempotency-Key like any other (idempotency.ts).
   */
  | { status: number; body?: string }
  /** Answer 429 with Retry-After and X-Rate-Limit-Problem without handling the request. */
  | { rateLimit: { retryAfter: number; problem?: RateLimitProblem } }
  /** Handle the request for real, then lose the response: the client gets a NetworkError. */
  | { dropAfterCommit: true }
  /**
   * Handle the request for real, then answer this status instead (a gateway that timed out after
   * Xero committed: 504); that answer is what the request's Idempotency-Key keeps.
   */
  | { failAfterCommit: number }
  /** Fail before the request reaches Xero: the client gets a NetworkError. */
  | { networkError: true }
  /** Take this long: the injected clock is advanced (and the HTTP server really waits). */
  | { slow: number };

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
  method?: HttpRequest['method'];
  /** `api.xero.com`, `identity.xero.com` or `login.xero.com`. */
  host?: string;
  /** The URL path: a string matches it exactly (ignoring case, as Xero does), a RegExp tests it. */
  path?: string | RegExp;
}

/** One armed fault. */
export interface FaultRule {
  match: FaultMatch;
  /** How many matching requests it hits (1 by default). */
  times?: number;
  kind: FaultKind;
}

/** The faults armed on a sandbox. */
export interface FaultPlan {
  /** Arms a fault; returns a handle whose `remaining` says how many hits are left. */
  add(rule: FaultRule): { readonly remaining: number };
  /** Disarms every fault. */
  clear(): void;
  /** How many armed faults still have hits left. */
  pending(): number;
}

/** A fault plan plus the sandbox's side: taking the fault a request meets. */
export interface FaultRegistry extends FaultPlan {
  take(request: HttpRequest, url: URL): FaultKind | undefined;
}

function matches(match: FaultMatch, request: HttpRequest, url: URL): boolean {
  if (match.method !== undefined && match.method !== request.method) return false;
  if (match.host !== undefined && match.host.toLowerCase() !== url.hostname) return false;
  if (typeof match.path === 'string') return match.path.toLowerCase() === url.pathname.toLowerCase();
  if (match.path instanceof RegExp) return match.path.test(url.pathname);
  return true;
}

/** An empty fault plan. */
export function createFaultRegistry(): FaultRegistry {
  let armed: { rule: FaultRule; remaining: number }[] = [];
  return {
    add(rule) {
      const times = rule.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new RangeError(`A fault hits at least once, not ${times} times`);
      const entry = { rule, remaining: times };
      armed.push(entry);
      return {
        get remaining() {
          return entry.remaining;
        },
      };
    },
    clear() {
      armed = [];
    },
    pending() {
      return armed.filter((entry) => entry.remaining > 0).length;
    },
    take(request, url) {
      const entry = armed.find((e) => e.remaining > 0 && matches(e.rule.match, request, url));
      if (!entry) return undefined;
      entry.remaining--;
      return entry.rule.kind;
    },
  };
}
