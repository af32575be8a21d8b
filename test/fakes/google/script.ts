/**
 * `ScriptApp`: the script id, `AuthMode`, and state tokens for OAuth callbacks. A token names a
 * top-level function and arguments and expires on the world's clock (60 s by default, at most
 * 3600 s, per Google's reference); `world.userCallback(query)` plays Google's
 * `/usercallback` endpoint with it.
 */
import { randomBytes } from 'node:crypto';
import { SERVICE, type FakeObject } from './boundary';
import type { Clock } from './clock';
import { AuthMode } from './enums';
import { GoogleException } from './errors';

/** Google's default lifetime of a state token, in seconds. */
export const DEFAULT_STATE_TOKEN_SECONDS = 60;
/** The longest lifetime Google allows, in seconds. */
export const MAX_STATE_TOKEN_SECONDS = 3600;

/** What a state token carries. */
export interface StateToken {
  method: string;
  arguments: Record<string, string>;
  createdAt: number;
  expiresAt: number;
}

/** A state token being built (Apps Script's `StateTokenBuilder`). */
export class StateTokenBuilder implements FakeObject {
  readonly [SERVICE] = 'StateTokenBuilder';
  _method?: string;
  readonly _args: Record<string, string> = {};
  _seconds = DEFAULT_STATE_TOKEN_SECONDS;

  constructor(readonly _tokens: Map<string, StateToken>, readonly _clock: Clock) {}

  /** The top-level function Google calls back. */
  withMethod(method: string): this {
    this._method = String(method);
    return this;
  }

  /** An argument passed to the callback in `e.parameter`. */
  withArgument(name: string, value: string): this {
    this._args[String(name)] = String(value);
    return this;
  }

  /** How long the token stays valid, in seconds (at most 3600). */
  withTimeout(seconds: number): this {
    if (!(seconds > 0 && seconds <= MAX_STATE_TOKEN_SECONDS)) {
      throw new GoogleException(`Invalid argument: seconds (a state token lives 1 to ${MAX_STATE_TOKEN_SECONDS} seconds)`);
    }
    this._seconds = seconds;
    return this;
  }

  /** The opaque token. */
  createToken(): string {
    if (!this._method) throw new GoogleException('A state token needs a callback: call withMethod before createToken.');
    const token = `ADEpC8${randomBytes(48).toString('base64url')}`;
    const now = this._clock.now();
    this._tokens.set(token, { method: this._method, arguments: { ...this._args }, createdAt: now, expiresAt: now + this._seconds * 1000 });
    return token;
  }
}

/** The `ScriptApp` of one execution. */
export function createScriptApp(scriptId: string, tokens: Map<string, StateToken>, clock: Clock) {
  return {
    [SERVICE]: 'ScriptApp',
    AuthMode,
    /** The script project's id (the one in the OAuth redirect URI). */
    getScriptId: () => scriptId,
    /** A state token builder. */
    newStateToken: () => new StateTokenBuilder(tokens, clock),
  };
}
