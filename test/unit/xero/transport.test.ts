import { deliver, EXECUTION_BUDGET_MS } from '../../../src/xero/transport';
import { NetworkError, type HttpRequest, type HttpResponse } from '../../../src/xero/http';
import { testClock } from '../../support/xero-memory-ports';

const request: HttpRequest = { method: 'PUT', url: 'https://api.xero.com/api.xro/2.0/Invoices', headers: { 'idempotency-key': 'k1' }, body: '{}' };
const ok: HttpResponse = { status: 200, headers: {}, body: '{}' };
const status = (code: number, headers: Record<string, string> = {}): HttpResponse => ({ status: code, headers, body: '' });

/** An HTTP port answering from a script: a response, or 'lost' for a NetworkError. */
function scripted(answers: (HttpResponse | 'lost')[]) {
  const seen: HttpRequest[] = [];
  const http = (r: HttpRequest) => {
    seen.push(r);
    const next = answers.shift();
    if (next === undefined) throw new Error('unexpected request');
    if (next === 'lost') throw new NetworkError('Address unavailable');
    return next;
  };
  return { http, seen };
}

function budget() {
  const clock = testClock();
  return { clock, deadline: clock.now() + EXECUTION_BUDGET_MS };
}

describe('deliver', () => {
  it('retries network failures and 5xx with 1 s then 2 s of backoff, sending the same request', () => {
    const b = budget();
    const { http, seen } = scripted(['lost', status(503), ok]);
    expect(deliver(http, request, b, 'creating X')).toEqual({ ok: true, response: ok });
    expect(b.clock.sleeps).toEqual([1000, 2000]);
    expect(seen).toEqual([request, request, request]);
  });

  it('gives up after three attempts with what happened last', () => {
    const b = budget();
    const { http } = scripted([status(500), 'lost', status(502)]);
    expect(deliver(http, request, b, 'creating X')).toEqual({
      ok: false,
      failure: { kind: 'unavailable', message: 'Xero did not complete creating X (3 attempts; last: Xero answered 502).' },
    });
  });

  it('returns other answers (4xx) at once for the caller to read', () => {
    const { http } = scripted([status(400)]);
    expect(deliver(http, request, budget(), 'x')).toEqual({ ok: true, response: status(400) });
  });

  it('waits out a Retry-After that fits in the budget', () => {
    const b = budget();
    const { http } = scripted([status(429, { 'retry-after': '7' }), ok]);
    expect(deliver(http, request, b, 'x').ok).toBe(true);
    expect(b.clock.sleeps).toEqual([7000]);
  });

  it('stops at a Retry-After that does not fit, saying when to try again, without sleeping', () => {
    const b = budget();
    b.clock.advance(4 * 60_000);
    const { http } = scripted([status(429, { 'retry-after': '45', 'x-rate-limit-problem': 'minute' })]);
    expect(deliver(http, request, b, 'x')).toEqual({
      ok: false,
      failure: { kind: 'rate-limited', retryAfterSeconds: 45, message: 'Xero is busy (its per-minute limit for this organisation was reached), try again in 45 seconds.' },
    });
    expect(b.clock.sleeps).toEqual([]);
  });

  it('names the daily limit as Xero sends it (`day`), and as its old page spelled it, in hours', () => {
    for (const problem of ['day', 'Daily']) {
      const { http } = scripted([status(429, { 'retry-after': '32400', 'x-rate-limit-problem': problem })]);
      const delivered = deliver(http, request, budget(), 'x');
      expect(delivered).toMatchObject({ ok: false, failure: { kind: 'rate-limited', retryAfterSeconds: 32400 } });
      expect(!delivered.ok && delivered.failure.message).toBe(
        'Xero is busy (its daily limit of calls for this organisation was reached (a Xero app on the free Starter tier gets 1,000 a day)), try again in 9 hours.',
      );
    }
  });

  it('names the app-wide and concurrent limits, and waits out their short Retry-After', () => {
    const words = (problem: string) => {
      const { http } = scripted([status(429, { 'retry-after': '400', 'x-rate-limit-problem': problem })]);
      const delivered = deliver(http, request, budget(), 'x');
      return !delivered.ok && delivered.failure.message;
    };
    expect(words('appminute')).toContain("its per-minute limit for SettleSheet's app was reached");
    expect(words('concurrent')).toContain('too many calls to this organisation were in progress at once');
    const b = budget();
    const { http } = scripted([status(429, { 'retry-after': '1', 'x-rate-limit-problem': 'concurrent' }), ok]);
    expect(deliver(http, request, b, 'x').ok).toBe(true);
    expect(b.clock.sleeps).toEqual([1000]);
  });

  it('hands a keyed write its 5xx back instead of retrying it (Xero keeps that answer under the key)', () => {
    const b = budget();
    const { http, seen } = scripted([status(500)]);
    expect(deliver(http, request, b, 'x', { serverErrors: 'return' })).toEqual({ ok: true, response: status(500) });
    expect(seen).toHaveLength(1);
    // A lost answer is still sent again with the same key: Xero replays what it did.
    const lost = scripted(['lost', status(502)]);
    expect(deliver(lost.http, request, budget(), 'x', { serverErrors: 'return' })).toEqual({ ok: true, response: status(502) });
    expect(lost.seen).toEqual([request, request]);
  });

  it('after a lost attempt, a 429 is not a clean "nothing happened": it is reported as unavailable', () => {
    const { http } = scripted(['lost', status(429, { 'retry-after': '600' })]);
    const delivered = deliver(http, request, budget(), 'creating X');
    expect(!delivered.ok && delivered.failure.kind).toBe('unavailable');
  });

  it('does not back off past the deadline', () => {
    const b = budget();
    b.clock.advance(EXECUTION_BUDGET_MS - 10_000);
    const { http, seen } = scripted([status(500)]);
    expect(deliver(http, request, b, 'x').ok).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('lets programming errors through instead of retrying them', () => {
    const http = () => {
      throw new TypeError('bug');
    };
    expect(() => deliver(http, request, budget(), 'x')).toThrow(TypeError);
  });
});
