/**
 * Xero's OAuth 2.0 authorization code flow with the client secret and (unless the deployer turned
 * it off: `XeroApp.pkce`) PKCE (S256), over the HTTP port: the authorize URL, the code exchange
 * and the refresh. The PKCE verifier waits in USER properties for ten minutes, tied to the state
 * token it was issued with.
 */
import type { XeroApp } from './config';
import { failure, reconnectFailure, success, type XeroFailure, type XeroResult } from './errors';
import type { HttpPort, HttpRequest, HttpResponse } from './http';
import type { Crypto, KeyValueStore, StateTokenPort } from './ports';
import { deliver, type TimeBudget } from './transport';
import { formEncode, parseJson, withQuery } from './wire';

/** Xero's authorize endpoint (the browser goes there). */
const AUTHORIZE_URL = 'https://login.xero.com/identity/connect/authorize';
/** Xero's token endpoint. */
const TOKEN_URL = 'https://identity.xero.com/connect/token';

/** The tokens one user holds: made here from Xero's answers, kept by tokens.ts. */
export interface StoredTokens {
  accessToken: string;
  /** Empty when Xero gave none (no offline_access): the user must reconnect when the access token ends. */
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
  scopes: string[];
  /** The Google user who connected. */
  who: string;
  /** Epoch ms of the sign-in or refresh that gave these tokens. */
  obtainedAt: number;
}

/** The top-level function Google calls back with the code; the server bundle must export it. */
export const CALLBACK_FUNCTION = 'xeroAuthCallback';
/** How long a sign-in may take, in seconds (the state token and the verifier live this long). */
const SIGN_IN_SECONDS = 600;

/** The user property holding the sign-in in progress. */
export const SIGN_IN_PROPERTY = 'xero.signin';

interface PendingSignIn {
  /** Empty when the sign-in goes without PKCE. */
  verifier: string;
  /** SHA-256 of the state token, so a callback from an older sign-in is told apart. */
  stateHash: string;
  expiresAt: number;
}

/** What starting and finishing a sign-in need. */
export interface SignInDeps {
  app: XeroApp;
  crypto: Crypto;
  user: KeyValueStore;
  stateTokens: StateTokenPort;
  http: HttpPort;
  budget: TimeBudget;
}

/** Starts a sign-in: remembers a new PKCE verifier for this user and returns Xero's authorize URL. */
export function startSignIn(deps: Omit<SignInDeps, 'http'>): string {
  const { app, crypto, budget } = deps;
  const verifier = app.pkce ? crypto.randomBase64Url(32) : '';
  const state = deps.stateTokens.create(CALLBACK_FUNCTION, SIGN_IN_SECONDS);
  const pending: PendingSignIn = {
    verifier,
    stateHash: crypto.sha256Hex(state),
    expiresAt: budget.clock.now() + SIGN_IN_SECONDS * 1000,
  };
  deps.user.set(SIGN_IN_PROPERTY, JSON.stringify(pending));
  return withQuery(AUTHORIZE_URL, {
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: app.scopes.join(' '),
    state,
    code_challenge: app.pkce ? crypto.sha256Base64Url(verifier) : undefined,
    code_challenge_method: app.pkce ? 'S256' : undefined,
  });
}

function signInFailed(message: string): XeroFailure {
  return { kind: 'not-connected', message };
}

/**
 * Finishes a sign-in from the callback's parameters (`code` and `state`, or `error`): checks it
 * belongs to this user's latest sign-in, then exchanges the code. The verifier is single-use.
 */
export function finishSignIn(deps: SignInDeps, parameter: Readonly<Record<string, string | undefined>>, who: string): XeroResult<StoredTokens> {
  const { crypto, user, budget } = deps;
  if (parameter['error'] !== undefined) {
    return failure(
      signInFailed(
        parameter['error'] === 'access_denied'
          ? 'You cancelled the Xero sign-in, so nothing changed. Press "Connect to Xero" in the sidebar to try again.'
          : `Xero did not complete the sign-in (${parameter['error']}). Press "Connect to Xero" in the sidebar to try again.`,
      ),
    );
  }
  const pending = parseJson(user.get(SIGN_IN_PROPERTY) ?? '') as PendingSignIn | undefined;
  const code = parameter['code'];
  const state = parameter['state'];
  if (!pending || typeof pending.verifier !== 'string' || pending.expiresAt <= budget.clock.now()) {
    return failure(signInFailed('This Xero sign-in has expired (it lasts 10 minutes). Press "Connect to Xero" in the sidebar to start again.'));
  }
  if (state === undefined || crypto.sha256Hex(state) !== pending.stateHash) {
    return failure(signInFailed('This Xero sign-in was replaced by a newer one. Finish the newest one, or press "Connect to Xero" again.'));
  }
  if (!code) return failure(signInFailed('Xero sent no authorisation code back. Press "Connect to Xero" in the sidebar to try again.'));
  user.delete(SIGN_IN_PROPERTY);
  const response = postToken(deps, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: deps.app.redirectUri,
    ...(pending.verifier === '' ? {} : { code_verifier: pending.verifier }),
  }, 'the sign-in');
  if (!response.ok) return response;
  return readTokenResponse(response.value, budget.clock.now(), who, 'sign-in');
}

/** Refreshes the tokens with the stored refresh token; `reconnect` when Xero says the grant is dead. */
export function refreshAccessToken(deps: Omit<SignInDeps, 'user' | 'stateTokens'>, stored: StoredTokens): XeroResult<StoredTokens> {
  const response = postToken(deps, { grant_type: 'refresh_token', refresh_token: stored.refreshToken }, 'renewing the connection');
  if (!response.ok) return response;
  const read = readTokenResponse(response.value, deps.budget.clock.now(), stored.who, 'refresh');
  // Xero answers a refresh with the rotated refresh token; keep the old one only if it sent none.
  return read.ok && read.value.refreshToken === '' ? success({ ...read.value, refreshToken: stored.refreshToken }) : read;
}

function postToken(deps: Omit<SignInDeps, 'user' | 'stateTokens'>, form: Record<string, string>, what: string): XeroResult<HttpResponse> {
  const request: HttpRequest = {
    method: 'POST',
    url: TOKEN_URL,
    headers: {
      authorization: `Basic ${deps.crypto.base64(`${deps.app.clientId}:${deps.app.clientSecret}`)}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: formEncode(form),
  };
  const delivered = deliver(deps.http, request, deps.budget, what);
  return delivered.ok ? success(delivered.response) : failure(delivered.failure);
}

function readTokenResponse(response: HttpResponse, now: number, who: string, step: 'sign-in' | 'refresh'): XeroResult<StoredTokens> {
  const body = (parseJson(response.body) ?? {}) as Record<string, unknown>;
  if (response.status === 200 && typeof body['access_token'] === 'string' && typeof body['expires_in'] === 'number') {
    return success({
      accessToken: body['access_token'],
      refreshToken: typeof body['refresh_token'] === 'string' ? body['refresh_token'] : '',
      expiresAt: now + body['expires_in'] * 1000,
      scopes: typeof body['scope'] === 'string' ? body['scope'].split(' ').filter((s) => s !== '') : [],
      who,
      obtainedAt: now,
    });
  }
  const error = typeof body['error'] === 'string' ? body['error'] : '';
  if (error === 'invalid_client') {
    return failure({
      kind: 'not-configured',
      message: 'Xero does not accept SettleSheet\'s client id and secret. Whoever deployed SettleSheet must check XERO_CLIENT_ID and XERO_CLIENT_SECRET against the Xero app.',
    });
  }
  if (error === 'invalid_grant') {
    return step === 'refresh'
      ? failure(reconnectFailure())
      : failure(signInFailed('Xero did not accept this sign-in (the code was used or expired). Press "Connect to Xero" in the sidebar to try again.'));
  }
  return failure({
    kind: 'unexpected',
    status: response.status,
    message: `Xero's sign-in service answered ${response.status}${error ? ` (${error})` : ''} while ${step === 'refresh' ? 'renewing the connection' : 'signing in'}. Try again; if it persists, connect to Xero again.`,
  });
}
