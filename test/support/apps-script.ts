/**
 * Runs server code in Node as Apps Script would: one execution's fake globals installed on
 * globalThis for the duration of a call, locks released when it ends.
 */
import { createGoogleFakes, type GoogleFakesOptions, type GoogleWorld } from '../fakes/google';

const NAMES = ['SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'UrlFetchApp', 'HtmlService', 'ScriptApp', 'Session', 'Utilities', 'Logger'] as const;

/** A fake Google world plus a way to run one execution in it. */
export interface AppsScriptHarness {
  world: GoogleWorld;
  /** Runs `fn` as one execution by `user`, with that execution's globals. */
  run<T>(fn: () => T, user?: string): T;
}

/** Creates a world and the harness to run server code in it. */
export function appsScript(options: GoogleFakesOptions = {}, defaultUser = 'seller@example.com'): AppsScriptHarness {
  const world = createGoogleFakes(options);
  const run = <T>(fn: () => T, user = defaultUser): T =>
    world.run(user, (globals) => {
      const g = globalThis as Record<string, unknown>;
      const saved = NAMES.map((n) => g[n]);
      for (const n of NAMES) g[n] = (globals as unknown as Record<string, unknown>)[n];
      try {
        return fn();
      } finally {
        NAMES.forEach((n, i) => (g[n] = saved[i]));
      }
    });
  return { world, run };
}
