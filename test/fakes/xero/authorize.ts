/**
 * https://login.xero.com/identity/connect/authorize: checks the request, shows the consent page,
 * and on "Allow access" connects the chosen organisations and redirects back with a code.
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { renderAuthorizeError, renderConsentPage } from './consent-page';
import { type Identity, type RegisteredApp, type SandboxUser, tenantsOfUser } from './identity';
import { scopeProblem } from './scopes';
import { tierOf } from './tiers';
import { htmlResponse } from './wire';

/** An authorize request that passed every check. */
interface AuthorizeRequest {
  app: RegisteredApp;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
  nonce?: string;
  params: [string, string][];
}

type Parsed = { ok: true; request: AuthorizeRequest } | { ok: false; problem: string };

// Xero shows an error page rather than redirecting for every malformed request (its
// troubleshooting guide: "Pay attention to the error message displayed on the screen").
function parseAuthorize(identity: Identity, params: URLSearchParams): Parsed {
  const clientId = params.get('client_id') ?? '';
  const app = identity.apps.get(clientId);
  if (!app) return { ok: false, problem: `unauthorized_client: no app is registered with client_id '${clientId}'.` };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      problem: `Invalid redirect_uri: '${redirectUri}' is not one of the redirect URIs registered for ${app.name}.`,
    };
  }
  if (params.get('response_type') !== 'code') {
    return { ok: false, problem: "unsupported_response_type: response_type must be 'code'." };
  }
  const scopes = (params.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  const refusedScope = scopeProblem(app, scopes);
  if (refusedScope !== undefined) return { ok: false, problem: refusedScope };
  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? undefined;
  if (challenge !== undefined || method !== undefined) {
    if (method !== 'S256') return { ok: false, problem: "invalid_request: code_challenge_method must be 'S256'." };
    if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return { ok: false, problem: 'invalid_request: code_challenge must be the base64url SHA-256 of the verifier (43 characters).' };
    }
    // ASSUMPTION: an app that does not take PKCE with its secret says so here, at authorize.
    if (app.pkceWithSecret === 'refused') {
      return { ok: false, problem: `invalid_request: ${app.name} is not registered for PKCE (code_challenge); sign in without it.` };
    }
  }
  const keep = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce'];
  return {
    ok: true,
    request: {
      app,
      redirectUri,
      scopes,
      state: params.get('state') ?? undefined,
      codeChallenge: challenge,
      nonce: params.get('nonce') ?? undefined,
      params: [...params].filter(([name]) => keep.includes(name)),
    },
  };
}

function findUser(identity: Identity, key: string | undefined): SandboxUser | undefined {
  if (key === undefined) return identity.users[0];
  return identity.users.find((user) => user.userId === key || user.email === key);
}

function withQuery(uri: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
  return `${uri}${uri.includes('?') ? '&' : '?'}${search}`;
}

/**
 * Records the consent: connects each chosen organisation to the app for this user (reconnecting
 * one updates it) and issues a single-use code. Returns the redirect URL, or why it was refused.
 */
function approve(
  identity: Identity,
  request: AuthorizeRequest,
  user: SandboxUser,
  tenantIds: string[],
): { ok: true; location: string } | { ok: false; problem: string } {
  const allowed = tenantsOfUser(identity, user).map((org) => org.tenantId);
  if (tenantIds.length === 0) return { ok: false, problem: 'Choose at least one organisation to connect.' };
  const foreign = tenantIds.find((id) => !allowed.includes(id));
  if (foreign !== undefined) return { ok: false, problem: `${user.email} cannot connect organisation ${foreign}.` };
  const capped = connectionCapProblem(identity, request.app, tenantIds);
  if (capped !== undefined) return { ok: false, problem: capped };
  const now = identity.now();
  const authEventId = identity.ids.uuid();
  for (const tenantId of new Set(tenantIds)) {
    const existing = identity.connections.find(
      (c) => c.clientId === request.app.clientId && c.userId === user.userId && c.tenantId === tenantId,
    );
    if (existing) {
      existing.authEventId = authEventId;
      existing.updatedAt = now;
    } else {
      identity.connections.push({
        id: identity.ids.uuid(), clientId: request.app.clientId, userId: user.userId, tenantId,
        authEventId, createdAt: now, updatedAt: now,
      });
    }
  }
  const code = identity.ids.token();
  identity.codes.set(code, {
    clientId: request.app.clientId, redirectUri: request.redirectUri, scopes: request.scopes,
    codeChallenge: request.codeChallenge, nonce: request.nonce, userId: user.userId, authEventId,
    issuedAt: now, used: false,
  });
  return {
    ok: true,
    location: withQuery(request.redirectUri, {
      code, scope: request.scopes.join(' '), state: request.state, session_state: identity.ids.token(),
    }),
  };
}

/** GET shows the consent page; POST (the page's form) allows or cancels. */
export function handleAuthorize(identity: Identity, request: HttpRequest, url: URL): HttpResponse {
  const params = new URLSearchParams(url.search);
  const form = request.method === 'POST' ? new URLSearchParams(request.body ?? '') : undefined;
  if (form) for (const [name] of form) params.delete(name);
  if (form) for (const [name, value] of form) if (name !== 'tenant') params.append(name, value);
  const parsed = parseAuthorize(identity, params);
  if (!parsed.ok) return htmlResponse(400, renderAuthorizeError(parsed.problem));
  const user = findUser(identity, params.get('user') ?? undefined);
  if (!user) return htmlResponse(400, renderAuthorizeError(`No Xero user '${params.get('user')}'.`));
  const show = (status: number, problem?: string) =>
    htmlResponse(
      status,
      renderConsentPage({
        appName: parsed.request.app.name, userEmail: user.email, userId: user.userId,
        scopes: parsed.request.scopes, organisations: tenantsOfUser(identity, user),
        authorizeParams: parsed.request.params, problem,
      }),
    );
  if (request.method !== 'POST') return show(200);
  if (params.get('decision') === 'deny') {
    return redirect(withQuery(parsed.request.redirectUri, { error: 'access_denied', state: parsed.request.state }));
  }
  const approved = approve(identity, parsed.request, user, form?.getAll('tenant') ?? []);
  return approved.ok ? redirect(approved.location) : show(400, approved.problem);
}

/**
 * Why connecting these organisations would take the app over its tier's connection cap
 * (tiers.ts), or undefined. ASSUMPTION: a connection is an organisation connected to the app
 * (by any user), reconnecting one already connected is free, and the consent page refuses the
 * one over the cap in these words.
 */
function connectionCapProblem(identity: Identity, app: RegisteredApp, tenantIds: readonly string[]): string | undefined {
  const tier = tierOf(app);
  const connected = new Set(identity.connections.filter((c) => c.clientId === app.clientId).map((c) => c.tenantId));
  const after = new Set([...connected, ...tenantIds]);
  if (after.size <= tier.connections) return undefined;
  return `${app.name} has reached the ${tier.connections} organisations its ${tier.name} tier allows. Its developer must disconnect an organisation or move to a higher tier.`;
}

function redirect(location: string): HttpResponse {
  return { status: 302, headers: { location, 'content-type': 'text/html; charset=utf-8' }, body: '' };
}

/**
 * The test shortcut for the consent page: checks `authorizeUrl` exactly as GET does, then allows
 * access for `user` (id or email; the first user by default) to `tenants` (all the user may
 * connect by default). Returns the redirect URL carrying the code; throws with the page's message
 * when the authorize URL or the choice is refused.
 */
export function consentDirectly(
  identity: Identity,
  authorizeUrl: string,
  choice: { user?: string; tenants?: string[] } = {},
): string {
  const url = new URL(authorizeUrl);
  if (url.origin !== 'https://login.xero.com' || url.pathname !== '/identity/connect/authorize') {
    throw new Error(`Not Xero's authorize URL: ${authorizeUrl}`);
  }
  const parsed = parseAuthorize(identity, url.searchParams);
  if (!parsed.ok) throw new Error(parsed.problem);
  const user = findUser(identity, choice.user);
  if (!user) throw new Error(`No Xero user '${choice.user}'.`);
  const tenants = choice.tenants ?? tenantsOfUser(identity, user).map((org) => org.tenantId);
  const approved = approve(identity, parsed.request, user, tenants);
  if (!approved.ok) throw new Error(approved.problem);
  return approved.location;
}
