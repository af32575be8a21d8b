/**
 * The one way the sidebar talks to the server: `call(name, request)` runs a `google.script.run`
 * target and resolves with its value. The target's envelope is unwrapped (a refusal becomes a
 * ServerError carrying the server's own words); Apps Script's failures become plain words too.
 */
import type { Envelope, ServerApi } from '../src/api/types';
import { plainWords } from './failures';

/** A failure the person can read as it is: the server's words, or Google's translated. */
export class ServerError extends Error {
  override name = 'ServerError';
  constructor(
    message: string,
    /** `server`: our target refused; `google`: Apps Script failed around it. */
    readonly source: 'server' | 'google',
  ) {
    super(message);
  }
}

/** The slice of `google.script.run` the wrapper uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [target: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

function failureText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** A typed caller over a given runner (tests pass a fake; the page uses Google's). */
export function createCaller(runner: () => ScriptRunner) {
  return function call<K extends keyof ServerApi>(name: K, request: Parameters<ServerApi[K]>[0]): Promise<ReturnType<ServerApi[K]>> {
    return new Promise((resolve, reject) => {
      let run: ScriptRunner;
      try {
        run = runner();
      } catch {
        reject(new ServerError('This page is not running inside Google Sheets, so it cannot reach SettleSheet. Open it from Extensions → SettleSheet.', 'google'));
        return;
      }
      const bound = run
        .withSuccessHandler((value) => {
          if (!isEnvelope(value)) {
            reject(new ServerError(`SettleSheet's server answered ${name} in a way this sidebar does not understand. Reload the spreadsheet to get the current version.`, 'server'));
          } else if (value.ok) {
            resolve(value.value as ReturnType<ServerApi[K]>);
          } else {
            reject(new ServerError(value.message, 'server'));
          }
        })
        .withFailureHandler((error) => reject(new ServerError(plainWords(failureText(error)), 'google')));
      const target = bound[name];
      if (typeof target !== 'function') {
        reject(new ServerError(plainWords(`Script function not found: ${name}`), 'google'));
        return;
      }
      (target as (request: unknown) => void).call(bound, request);
    });
  };
}

/** Calls a server target through Google's `google.script.run`. */
export const call = createCaller(() => {
  if (typeof google === 'undefined' || !google.script?.run) throw new Error('no google.script.run');
  return google.script.run;
});

/** The message of any failure, for showing: never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ServerError) return error.message;
  return plainWords(failureText(error));
}

/** The shape of `call`, for code that takes a caller (so tests can give a fake server). */
export type Caller = ReturnType<typeof createCaller>;
