/**
 * This user's Xero tokens, kept in USER properties only, and the token source every API call goes
 * through. A refresh happens under the user lock and re-reads the stored tokens first: Xero rotates
 * refresh tokens, so two executions refreshing with the same one would kill the connection.
 */
import { failure, notConnectedFailure, reconnectFailure, success, type XeroResult } from './errors';
import type { XeroApp } from './config';
import type { HttpPort } from './http';
import { refreshAccessToken, type StoredTokens } from './oauth';

export type { StoredTokens } from './oauth';
import type { Crypto, KeyValueStore, LockPort } from './ports';
import type { TimeBudget } from './transport';
import { parseJson } from './wire';

/** The user property holding the tokens. */
export const TOKENS_PROPERTY = 'xero.tokens';

/** A refresh starts this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

// How long an execution waits for another one's refresh before giving up.
const USER_LOCK_WAIT_MS = 15_000;


/** The stored tokens, or undefined when this user is not connected. */
export function readTokens(user: KeyValueStore): StoredTokens | undefined {
  const text = user.get(TOKENS_PROPERTY);
  const value = text === null ? undefined : (parseJson(text) as StoredTokens | undefined);
  return value && typeof value.accessToken === 'string' ? value : undefined;
}

/** Stores a user's tokens. */
export function writeTokens(user: KeyValueStore, tokens: StoredTokens): void {
  user.set(TOKENS_PROPERTY, JSON.stringify(tokens));
}

/** Forgets a user's tokens (and nothing else). */
export function forgetTokens(user: KeyValueStore): void {
  user.delete(TOKENS_PROPERTY);
}

/** Gives API calls a usable access token. */
export interface TokenSource {
  /** A token with more than a minute left, refreshed first if needed. */
  current(): XeroResult<string>;
  /** After Xero rejected `rejected` (401): a newer token, from another execution's refresh or a new one. */
  renew(rejected: string): XeroResult<string>;
}

/** What a token source needs. */
export interface TokenSourceDeps {
  http: HttpPort;
  app: XeroApp;
  crypto: Crypto;
  user: KeyValueStore;
  userLock: LockPort;
  budget: TimeBudget;
}

/** A token source over this user's stored tokens. */
export function createTokenSource(deps: TokenSourceDeps): TokenSource {
  const { user, budget } = deps;
  let held = readTokens(user);
  const fresh = (tokens: StoredTokens) => tokens.expiresAt - REFRESH_MARGIN_MS > budget.clock.now();

  function renew(rejected: string): XeroResult<string> {
    const locked = deps.userLock.run(USER_LOCK_WAIT_MS, (): XeroResult<string> => {
      const stored = readTokens(user);
      if (!stored) return failure(notConnectedFailure());
      // Another execution may have refreshed while this one waited: its token is as good as a new one.
      if (stored.accessToken !== rejected && fresh(stored)) {
        held = stored;
        return success(stored.accessToken);
      }
      if (stored.refreshToken === '') {
        forgetTokens(user);
        return failure(reconnectFailure());
      }
      const refreshed = refreshAccessToken(deps, stored);
      if (!refreshed.ok) {
        if (refreshed.failure.kind === 'reconnect') forgetTokens(user);
        return refreshed;
      }
      writeTokens(user, refreshed.value);
      held = refreshed.value;
      return success(refreshed.value.accessToken);
    });
    if (!locked.ok) {
      return failure({ kind: 'busy', message: 'Another SettleSheet window is renewing your Xero connection. Try again in a moment.' });
    }
    return locked.value;
  }

  return {
    current() {
      if (!held) return failure(notConnectedFailure());
      return fresh(held) ? success(held.accessToken) : renew(held.accessToken);
    },
    renew,
  };
}
