/**
 * https://identity.xero.com/connect/token and /connect/revocation: exchanges codes (with PKCE),
 * rotates refresh tokens with Xero's 30-minute grace for lost responses, and revokes grants.
 * Error bodies are the OAuth ones Xero's troubleshooting guide lists: invalid_client,
 * unsupported_grant_type, invalid_grant (all 400).
 */
import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { type Grant, type Identity, LIFETIMES, type RegisteredApp } from './identity';
import { jsonResponse } from './wire';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(error: string): HttpResponse {
  return jsonResponse(400, { error }, NO_STORE);
}

/** The app authenticated by HTTP Basic or by client_id/client_secret in the body. */
function authenticateClient(identity: Identity, request: HttpRequest, form: URLSearchParams): RegisteredApp | undefined {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers['authorization'] ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const basicId = decodeURIComponent(decoded.slice(0, colon));
    if (clientId !== undefined && clientId !== basicId) return undefined;
    clientId = basicId;
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const app = clientId === undefined ? undefined : identity.apps.get(clientId);
  return app && secret === app.clientSecret ? app : undefined;
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A JWT-shaped token carrying Xero's claims, so a client can read `exp` or
 * `authentication_event_id` as it would from Xero's. The signature is random: the sandbox looks
 * tokens up, it never verifies them.
 */
function jwtLike(identity: Identity, claims: Record<string, unknown>): string {
  return `${base64UrlJson({ alg: 'RS256', kid: 'sandbox', typ: 'JWT' })}.${base64UrlJson(claims)}.${identity.ids.token()}`;
}

/** Mints an access token (and an id_token when openid was granted) for a grant. */
function tokenResponse(identity: Identity, grant: Grant, refreshToken: string | undefined, nonce?: string): HttpResponse {
  const now = identity.now();
  const seconds = Math.floor(now / 1000);
  const user = identity.users.find((u) => u.userId === grant.userId)!;
  const accessToken = jwtLike(identity, {
    nbf: seconds, exp: seconds + LIFETIMES.accessTokenMs / 1000, iss: 'https://identity.xero.com',
    aud: 'https://identity.xero.com/resources', client_id: grant.clientId, sub: user.userId,
    auth_time: Math.floor(grant.createdAt / 1000), xero_userid: user.userId,
    global_session_id: grant.grantId, jti: identity.ids.uuid(),
    authentication_event_id: grant.authEventId, scope: grant.scopes,
  });
  identity.accessTokens.set(accessToken, { grantId: grant.grantId, expiresAt: now + LIFETIMES.accessTokenMs });
  const body: Record<string, unknown> = {};
  if (grant.scopes.includes('openid')) {
    body['id_token'] = jwtLike(identity, {
      nbf: seconds, exp: seconds + 300, iss: 'https://identity.xero.com', aud: grant.clientId,
      iat: seconds, nonce, auth_time: Math.floor(grant.createdAt / 1000), sub: user.userId,
      xero_userid: user.userId, global_session_id: grant.grantId,
      ...(grant.scopes.includes('email') ? { email: user.email, preferred_username: user.email } : {}),
      ...(grant.scopes.includes('profile') ? { given_name: user.givenName, family_name: user.familyName } : {}),
    });
  }
  body['access_token'] = accessToken;
  body['expires_in'] = LIFETIMES.accessTokenMs / 1000;
  body['token_type'] = 'Bearer';
  if (refreshToken !== undefined) body['refresh_token'] = refreshToken;
  body['scope'] = grant.scopes.join(' ');
  return jsonResponse(200, body, NO_STORE);
}

function issueRefreshToken(identity: Identity, grant: Grant): string | undefined {
  // Xero only hands out refresh tokens to apps that asked for offline_access.
  if (!grant.scopes.includes('offline_access')) return undefined;
  const token = identity.ids.token();
  identity.refreshTokens.set(token, { grantId: grant.grantId, issuedAt: identity.now() });
  return token;
}

function pkceMatches(challenge: string, verifier: string | null): boolean {
  return verifier !== null && createHash('sha256').update(verifier).digest('base64url') === challenge;
}

function exchangeCode(identity: Identity, app: RegisteredApp, form: URLSearchParams): HttpResponse {
  const code = identity.codes.get(form.get('code') ?? '');
  const now = identity.now();
  if (
    !code ||
    code.clientId !== app.clientId ||
    code.used ||
    now - code.issuedAt > LIFETIMES.codeMs ||
    form.get('redirect_uri') !== code.redirectUri ||
    (code.codeChallenge !== undefined && !pkceMatches(code.codeChallenge, form.get('code_verifier')))
  ) {
    return oauthError('invalid_grant');
  }
  code.used = true;
  const grant: Grant = {
    grantId: identity.ids.uuid(), clientId: app.clientId, userId: code.userId, scopes: code.scopes,
    authEventId: code.authEventId, createdAt: now, revoked: false,
    tokenCalls: { authorizationCode: 1, refreshToken: 0, refused: 0 },
  };
  identity.grants.set(grant.grantId, grant);
  return tokenResponse(identity, grant, issueRefreshToken(identity, grant), code.nonce);
}

function refresh(identity: Identity, app: RegisteredApp, form: URLSearchParams): HttpResponse {
  const presented = form.get('refresh_token') ?? '';
  const record = identity.refreshTokens.get(presented);
  const grant = record ? identity.grants.get(record.grantId) : undefined;
  if (!record || !grant || grant.clientId !== app.clientId) return oauthError('invalid_grant');
  const now = identity.now();
  const refuse = () => {
    grant.tokenCalls.refused++;
    return oauthError('invalid_grant');
  };
  if (grant.revoked || now - record.issuedAt > LIFETIMES.refreshTokenIdleMs) return refuse();
  if (record.successor !== undefined) {
    // ASSUMPTION: a replay within Xero's 30-minute grace gets the SAME successor (Xero says the old
    // token may be used again for 30 minutes; what it answers is not documented), so a client whose response was
    // lost can retry; after it, the old token is dead.
    if (now - record.rotatedAt! > LIFETIMES.rotationGraceMs) return refuse();
    grant.tokenCalls.refreshToken++;
    return tokenResponse(identity, grant, record.successor);
  }
  const successor = identity.ids.token();
  identity.refreshTokens.set(successor, { grantId: grant.grantId, issuedAt: now });
  record.successor = successor;
  record.rotatedAt = now;
  grant.tokenCalls.refreshToken++;
  return tokenResponse(identity, grant, successor);
}

/** POST https://identity.xero.com/connect/token. */
export function handleToken(identity: Identity, request: HttpRequest): HttpResponse {
  if (request.method !== 'POST') return oauthError('invalid_request');
  const form = new URLSearchParams(request.body ?? '');
  const app = authenticateClient(identity, request, form);
  if (!app) return oauthError('invalid_client');
  switch (form.get('grant_type')) {
    case 'authorization_code':
      return exchangeCode(identity, app, form);
    case 'refresh_token':
      return refresh(identity, app, form);
    default:
      return oauthError('unsupported_grant_type');
  }
}

/**
 * POST https://identity.xero.com/connect/revocation with `token=<refresh token>`: kills the grant's
 * refresh tokens and removes ALL the user's connections to the app (xero-node 4.10.1, whose
 * revokeToken() "revokes a user's refresh token and removes all their connections to your app").
 * Unknown tokens are answered 200 too, as RFC 7009 asks.
 */
export function handleRevocation(identity: Identity, request: HttpRequest): HttpResponse {
  if (request.method !== 'POST') return oauthError('invalid_request');
  const form = new URLSearchParams(request.body ?? '');
  const app = authenticateClient(identity, request, form);
  if (!app) return oauthError('invalid_client');
  const record = identity.refreshTokens.get(form.get('token') ?? '');
  const grant = record ? identity.grants.get(record.grantId) : undefined;
  if (grant && grant.clientId === app.clientId) {
    grant.revoked = true;
    identity.connections = identity.connections.filter((c) => !(c.clientId === grant.clientId && c.userId === grant.userId));
  }
  return { status: 200, headers: {}, body: '' };
}
