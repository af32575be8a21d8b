/**
 * Two people at once, and Google failing mid-way, in the fakes. Apps Script runs executions in
 * parallel; the fakes run one at a time, so a second person's execution is put between two service
 * calls of the first (`between`), and a call is made to fail as Google's service sometimes does
 * (`failCall`).
 */
import { GoogleException, type GoogleFakes, type ServiceCall } from '../fakes/google';

/** Which calls a helper acts on: by name (`Range.setValues`) or pattern, optionally one user's. */
export interface CallMatch {
  name: string | RegExp | ((name: string) => boolean);
  user?: string;
  /** Act on the nth matching call (1-based; default 1). */
  nth?: number;
}

function matcher(match: CallMatch): (call: ServiceCall) => boolean {
  let seen = 0;
  const nth = match.nth ?? 1;
  return (call) => {
    const { name } = match;
    const named = typeof name === 'string' ? call.name === name : typeof name === 'function' ? name(call.name) : name.test(call.name);
    if (!named || (match.user !== undefined && call.user !== match.user)) return false;
    seen++;
    return seen === nth;
  };
}

/** A message Google's Sheets service gives when a call fails on its side (reported by users of Apps Script). */
export const SHEETS_TIMED_OUT = 'Service Spreadsheets timed out while accessing document with id 1FakeSpreadsheetIdForSettleSheetTests000000000.';

/** Makes the matching call throw `message` (once); returns a way to stop waiting for it. */
export function failCall(world: GoogleFakes, match: CallMatch, message = SHEETS_TIMED_OUT): () => void {
  const hit = matcher(match);
  const stop = world.beforeCall((call) => {
    if (!hit(call)) return;
    stop();
    throw new GoogleException(message);
  });
  return stop;
}

/** Runs `fn` once, just before the matching call; returns a way to stop waiting for it. */
export function between(world: GoogleFakes, match: CallMatch, fn: () => void): () => void {
  const hit = matcher(match);
  const stop = world.beforeCall((call) => {
    if (!hit(call)) return;
    stop();
    fn();
  });
  return stop;
}

/** Counts the calls matching `name` one piece of work makes (by every user). */
export function callsDuring(world: GoogleFakes, name: string | RegExp, work: () => void): number {
  let calls = 0;
  const stop = world.beforeCall((call) => {
    if (typeof name === 'string' ? call.name === name : name.test(call.name)) calls++;
  });
  try {
    work();
  } finally {
    stop();
  }
  return calls;
}
