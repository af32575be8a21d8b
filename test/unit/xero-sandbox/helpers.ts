// Shared steps for the sandbox tests: build a sandbox on a manual clock, run the OAuth dance the
// way a client would (authorize URL → consent → token), and call the accounting API.
import { createHash, randomBytes } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { createXeroSandbox, DEFAULT_APP, manualClock, TENANT_IDS, type ManualClock, type XeroSandbox, type XeroSandboxOptions } from '../../fakes/xero';

export const APP = DEFAULT_APP;
export const REDIRECT_URI = DEFAULT_APP.redirectUris[0]!;
export const UK: string = TENANT_IDS.uk;
export const US: string = TENANT_IDS.us;
export const AU: string = TENANT_IDS.au;
export const API = 'https://api.xero.com/api.xro/2.0';
export const FULL_SCOPE = 'openid profile email offline_access accounting.settings.read accounting.invoices accounting.contacts';

/** A sandbox whose time moves only when the test advances `clock`. */
export function newSandbox(options: XeroSandboxOptions = {}): { sandbox: XeroSandbox; clock: ManualClock } {
  const clock = manualClock('2026-01-15T09:00:00Z');
  return { sandbox: createXeroSandbox({ now: clock.now, sleep: clock.advance, ...options }), clock };
}

/** The default app as one created before 2 March 2026 (broad scopes still allowed). */
export const OLD_APP = { ...DEFAULT_APP, createdOn: '2025-11-20' };

/** A PKCE verifier and its S256 challenge, as RFC 7636 defines them. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Xero's authorize URL with the given parameters (PKCE S256 when a challenge is given). */
export function authorizeUrl(params: { scope?: string; state?: string; challenge?: string; redirectUri?: string; clientId?: string } = {}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId ?? APP.clientId,
    redirect_uri: params.redirectUri ?? REDIRECT_URI,
    scope: params.scope ?? FULL_SCOPE,
    state: params.state ?? 'state-123',
  });
  if (params.challenge) {
    query.set('code_challenge', params.challenge);
    query.set('code_challenge_method', 'S256');
  }
  return `https://login.xero.com/identity/connect/authorize?${query}`;
}

/** `Authorization: Basic …` for an app's id and secret. */
export function basicAuth(clientId = APP.clientId, secret = APP.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

/** A POST to the token endpoint, client authenticated by HTTP Basic. */
export function tokenRequest(form: Record<string, string>, authorization = basicAuth()): HttpRequest {
  return {
    method: 'POST',
    url: 'https://identity.xero.com/connect/token',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  };
}

/** The JSON body of a response. */
export function json(response: HttpResponse): any {
  return JSON.parse(response.body);
}

/** The code carried by a consent redirect. */
export function codeOf(location: string): string {
  return new URL(location).searchParams.get('code')!;
}

/** Consents and exchanges the code: what a client holds after connecting. */
export function connect(
  sandbox: XeroSandbox,
  options: { scope?: string; tenants?: string[]; user?: string } = {},
): { accessToken: string; refreshToken: string; tokens: any } {
  const { verifier, challenge } = pkcePair();
  const location = sandbox.consent(authorizeUrl({ scope: options.scope, challenge }), { tenants: options.tenants, user: options.user });
  const response = sandbox.handle(
    tokenRequest({ grant_type: 'authorization_code', code: codeOf(location), redirect_uri: REDIRECT_URI, code_verifier: verifier }),
  );
  if (response.status !== 200) throw new Error(`Token exchange failed: ${response.status} ${response.body}`);
  const tokens = json(response);
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, tokens };
}

/** One accounting API call with a bearer token and a tenant. */
export function api(
  sandbox: XeroSandbox,
  token: string,
  tenantId: string | undefined,
  method: HttpRequest['method'],
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return sandbox.handle({
    method,
    url: `${API}${path}`,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(tenantId === undefined ? {} : { 'xero-tenant-id': tenantId }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** A UK sales invoice Xero accepts: one 20% VAT line, tax inclusive. */
export function ukInvoice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'ACCREC',
    Contact: { Name: 'Amazon EU S.à r.l.' },
    Date: '2026-01-10',
    DueDate: '2026-01-12',
    LineAmountTypes: 'Inclusive',
    Reference: 'Settlement 12345678',
    Status: 'DRAFT',
    LineItems: [{ Description: 'Amazon sales', Quantity: 1, UnitAmount: 120, AccountCode: '201', TaxType: 'OUTPUT2' }],
    ...overrides,
  };
}

/** PUT /Invoices with the given invoices (summarizeErrors=false unless `summarize`). */
export function putInvoices(
  sandbox: XeroSandbox,
  token: string,
  tenantId: string,
  invoices: Record<string, unknown>[],
  options: { summarize?: boolean; headers?: Record<string, string> } = {},
): HttpResponse {
  const query = options.summarize ? '' : '?summarizeErrors=false';
  return api(sandbox, token, tenantId, 'PUT', `/Invoices${query}`, { Invoices: invoices }, options.headers);
}

/** The validation messages of the first invoice in a summarizeErrors=false response. */
export function messagesOf(response: HttpResponse, index = 0): string[] {
  return (json(response).Invoices[index].ValidationErrors ?? []).map((e: { Message: string }) => e.Message);
}
