/**
 * The identity service's memory: registered apps, users, authorisation codes, grants (one per
 * completed consent), their refresh and access tokens, and the user's connections to
 * organisations. The endpoints that change it live in authorize.ts, token-endpoint.ts and
 * connections.ts.
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import type { IdSource } from './ids';
import { gatewayProblem } from './wire';

/**
 * Xero's developer tiers since 2 March 2026 (developer.xero.com/faq/pricing-and-policy-updates):
 * new apps start on Starter.
 */
export type AppTier = 'starter' | 'core' | 'plus' | 'advanced' | 'enterprise';

/** An app as registered in Xero's developer portal. */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs; Xero refuses any other. */
  redirectUris: string[];
  /** Shown on the consent page and as ProviderName in API envelopes. */
  name: string;
  /**
   * `YYYY-MM-DD` the app was created: apps created on or after 2 March 2026 get only granular
   * scopes (see scopes.ts). Absent: an app created before then.
   */
  createdOn?: string;
  /** Its tier: the daily call limit and the connection cap (see rate-limit.ts); Starter when absent. */
  tier?: AppTier;
  /**
   * Whether the app accepts PKCE (`code_challenge`) together with its client secret.
   * ASSUMPTION (README, Assumptions): accepted by default. Xero documents PKCE only for its "Auth
   * code with PKCE" apps; no source found confirms a Web app taking both (a report once cited as
   * XeroAPI/xero-mcp-server#212 could not be found again). `refused` lets a test play the deployer
   * whose sign-in fails.
   */
  pkceWithSecret?: 'accepted' | 'refused';
}

/** A Xero user who can sign in on the consent page. */
export interface SandboxUser {
  userId: string;
  email: string;
  givenName: string;
  familyName: string;
  /** The organisations this user may connect; all of the sandbox's when absent. */
  tenantIds?: string[];
  /**
   * Advisers are not bound by an organisation's PeriodLockDate (the end of year lock binds
   * everyone: help.xero.com, "Set and work with lock dates"). `standard` when absent.
   */
  role?: 'standard' | 'adviser';
}

/** The app every sandbox registers unless told otherwise. */
export const DEFAULT_APP: RegisteredApp = {
  clientId: 'SETTLESHEET0SANDBOX0CLIENT0ID00',
  clientSecret: 'sandbox-client-secret-not-for-production',
  redirectUris: [
    'https://script.google.com/macros/d/sandbox-script-id/usercallback',
    'http://127.0.0.1:8788/usercallback',
  ],
  name: 'SettleSheet',
  // Whoever deploys SettleSheet now creates a new app: granular scopes only, Starter tier.
  createdOn: '2026-03-10',
  tier: 'starter',
};

/** The user who signs in unless a test names another. */
export const DEFAULT_USER: SandboxUser = {
  userId: '5d7f3a1c-2b4e-4c6d-8e9f-0a1b2c3d4e5f',
  email: 'seller@example.com',
  givenName: 'Sam',
  familyName: 'Seller',
};

/** Xero's documented lifetimes. */
export const LIFETIMES = {
  /** Access tokens live 30 minutes. */
  accessTokenMs: 30 * 60_000,
  /** Authorisation codes must be exchanged within 5 minutes. */
  codeMs: 5 * 60_000,
  /** A refresh token not used for 60 days expires. */
  refreshTokenIdleMs: 60 * 86_400_000,
  /** After rotation the old refresh token may be replayed for 30 minutes (lost responses). */
  rotationGraceMs: 30 * 60_000,
} as const;

/** A code issued by the consent page, waiting to be exchanged. */
export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  nonce?: string;
  userId: string;
  authEventId: string;
  issuedAt: number;
  used: boolean;
}

/** One completed consent: the tokens minted from one code all belong to it. */
export interface Grant {
  grantId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  authEventId: string;
  createdAt: number;
  revoked: boolean;
  /** Token endpoint calls made with this grant's code or refresh tokens. */
  tokenCalls: { authorizationCode: number; refreshToken: number; refused: number };
}

/** A refresh token and, once used, the token that replaced it. */
export interface RefreshTokenRecord {
  grantId: string;
  issuedAt: number;
  rotatedAt?: number;
  successor?: string;
}

/** An access token and when it dies. */
export interface AccessTokenRecord {
  grantId: string;
  expiresAt: number;
}

/** A user's connection of one organisation to one app. */
export interface Connection {
  id: string;
  clientId: string;
  userId: string;
  tenantId: string;
  authEventId: string;
  createdAt: number;
  updatedAt: number;
}

/** Everything the identity service remembers, plus what it needs from the rest of the sandbox. */
export interface Identity {
  apps: Map<string, RegisteredApp>;
  users: SandboxUser[];
  codes: Map<string, AuthorizationCode>;
  grants: Map<string, Grant>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  connections: Connection[];
  ids: IdSource;
  now: () => number;
  /** The organisations that exist, for the consent page and connections. */
  organisations: () => { tenantId: string; name: string }[];
}


/** A new, empty identity service. */
export function createIdentity(
  apps: RegisteredApp[],
  users: SandboxUser[],
  ids: IdSource,
  now: () => number,
  organisations: () => { tenantId: string; name: string }[],
): Identity {
  return {
    apps: new Map(apps.map((app) => [app.clientId, app])),
    users,
    codes: new Map(),
    grants: new Map(),
    refreshTokens: new Map(),
    accessTokens: new Map(),
    connections: [],
    ids,
    now,
    organisations,
  };
}

/** The role of the user a grant belongs to. */
export function roleOf(identity: Identity, grant: Grant): 'standard' | 'adviser' {
  return identity.users.find((u) => u.userId === grant.userId)?.role ?? 'standard';
}

/** The organisations a user may connect. */
export function tenantsOfUser(identity: Identity, user: SandboxUser): { tenantId: string; name: string }[] {
  const all = identity.organisations();
  return user.tenantIds ? all.filter((org) => user.tenantIds!.includes(org.tenantId)) : all;
}

/** The connections of the user and app a grant belongs to (Xero lists connections per user+app). */
export function connectionsOf(identity: Identity, grant: Grant): Connection[] {
  return identity.connections.filter(
    (c) => c.clientId === grant.clientId && c.userId === grant.userId,
  );
}

/** The result of checking a request's bearer token. */
export type BearerCheck = { ok: true; grant: Grant } | { ok: false; response: HttpResponse };

/**
 * Checks `Authorization: Bearer …` the way Xero's gateway does: a missing or unknown token is 401
 * AuthenticationUnsuccessful, an expired one 401 `TokenExpired: token expired at …`.
 */
export function checkBearer(identity: Identity, request: HttpRequest): BearerCheck {
  const header = request.headers['authorization'] ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const record = match ? identity.accessTokens.get(match[1]!) : undefined;
  const grant = record ? identity.grants.get(record.grantId) : undefined;
  if (!record || !grant) {
    return {
      ok: false,
      response: gatewayProblem(401, 'AuthenticationUnsuccessful', identity.ids.uuid(), {
        'www-authenticate': 'Bearer error="invalid_token"',
      }),
    };
  }
  if (identity.now() >= record.expiresAt) {
    // Xero writes the expiry as MM/dd/yyyy HH:mm:ss (UTC), e.g. "token expired at 04/09/2023 05:16:59".
    const at = new Date(record.expiresAt);
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp =
      `${two(at.getUTCMonth() + 1)}/${two(at.getUTCDate())}/${at.getUTCFullYear()} ` +
      `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
    return {
      ok: false,
      response: gatewayProblem(401, `TokenExpired: token expired at ${stamp}`, identity.ids.uuid(), {
        'www-authenticate': `Bearer error="invalid_token", error_description="The token expired at '${stamp}'"`,
      }),
    };
  }
  return { ok: true, grant };
}

/** The grant a refresh or access token belongs to, if the sandbox issued it. */
export function grantOfToken(identity: Identity, token: string): Grant | undefined {
  const grantId =
    identity.refreshTokens.get(token)?.grantId ?? identity.accessTokens.get(token)?.grantId;
  return grantId === undefined ? undefined : identity.grants.get(grantId);
}
