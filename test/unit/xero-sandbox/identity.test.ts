// The identity service: authorize and consent, the code exchange with PKCE, access-token expiry,
// refresh-token rotation with Xero's 30-minute grace, and revocation.
import { LIFETIMES } from '../../fakes/xero';
import {
  APP, REDIRECT_URI, UK, US, api, authorizeUrl, basicAuth, codeOf, connect, json, newSandbox, pkcePair, tokenRequest,
} from './helpers';

function exchange(sandbox: ReturnType<typeof newSandbox>['sandbox'], form: Record<string, string>, authorization?: string) {
  return sandbox.handle(tokenRequest(form, authorization));
}

function claimsOf(jwt: string): any {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('authorize', () => {
  it('shows a consent form that lists the organisations and posts back to authorize', () => {
    const { sandbox } = newSandbox();
    const page = sandbox.handle({ method: 'GET', url: authorizeUrl(), headers: {} });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<form method="post" action="authorize">');
    expect(page.body).toContain(`value="${UK}"`);
    expect(page.body).toContain('Allow access');
    // The UK organisation's name has an ampersand: it must arrive escaped.
    expect(page.body).toContain('Bramble &amp; Finch Trading Ltd');
    expect(page.body).not.toContain('Bramble & Finch');
  });

  it('escapes request values echoed into the form', () => {
    const { sandbox } = newSandbox();
    const page = sandbox.handle({ method: 'GET', url: authorizeUrl({ state: '"><script>alert(1)</script>' }), headers: {} });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('refuses an unregistered redirect URI with an error page, never a redirect', () => {
    const { sandbox } = newSandbox();
    const page = sandbox.handle({ method: 'GET', url: authorizeUrl({ redirectUri: 'https://evil.example/cb' }), headers: {} });
    expect(page.status).toBe(400);
    expect(page.headers['location']).toBeUndefined();
    expect(page.body).toContain('Invalid redirect_uri');
  });

  it('refuses an unknown client, an unknown scope and a non-S256 challenge', () => {
    const { sandbox } = newSandbox();
    const get = (url: string) => sandbox.handle({ method: 'GET', url, headers: {} });
    expect(get(authorizeUrl({ clientId: 'nobody' })).body).toContain('unauthorized_client');
    expect(get(authorizeUrl({ scope: 'openid accounting.everything' })).body).toContain('&#39;accounting.everything&#39; is not a Xero scope');
    const plain = authorizeUrl() + '&code_challenge=abc&code_challenge_method=plain';
    expect(get(plain).body).toContain('S256');
  });

  it('on "Allow access" connects the ticked organisations and redirects with code and state', () => {
    const { sandbox } = newSandbox();
    const form = new URLSearchParams(new URL(authorizeUrl({ state: 'xyz' })).search);
    form.append('tenant', UK);
    form.append('tenant', US);
    form.set('decision', 'allow');
    const response = sandbox.handle({
      method: 'POST', url: 'https://login.xero.com/identity/connect/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers['location']!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('with nothing ticked shows the form again with the reason, and "Cancel" redirects access_denied', () => {
    const { sandbox } = newSandbox();
    const post = (extra: string) =>
      sandbox.handle({ method: 'POST', url: 'https://login.xero.com/identity/connect/authorize', headers: {}, body: `${new URL(authorizeUrl()).search.slice(1)}&${extra}` });
    const none = post('decision=allow');
    expect(none.status).toBe(400);
    expect(none.body).toContain('Choose at least one organisation');
    const denied = post('decision=deny');
    expect(new URL(denied.headers['location']!).searchParams.get('error')).toBe('access_denied');
  });
});

describe('authorization code exchange', () => {
  it('returns Bearer tokens that live 1800 s, with the granted scope, id_token for openid, refresh for offline_access', () => {
    const { sandbox, clock } = newSandbox();
    const { tokens } = connect(sandbox);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: expect.stringContaining('accounting.invoices') });
    expect(typeof tokens.refresh_token).toBe('string');
    expect(claimsOf(tokens.id_token)).toMatchObject({ email: 'seller@example.com', aud: APP.clientId });
    expect(claimsOf(tokens.access_token).exp).toBe(clock.now() / 1000 + 1800);
  });

  it('gives no refresh token without offline_access and no id_token without openid', () => {
    const { sandbox } = newSandbox();
    const { tokens } = connect(sandbox, { scope: 'accounting.settings.read' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeUndefined();
  });

  it('accepts the client credentials in the body as well as by HTTP Basic', () => {
    const { sandbox } = newSandbox();
    const { verifier, challenge } = pkcePair();
    const code = codeOf(sandbox.consent(authorizeUrl({ challenge })));
    const response = exchange(
      sandbox,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: APP.clientId, client_secret: APP.clientSecret },
      '',
    );
    expect(response.status).toBe(200);
  });

  it('refuses a wrong secret as invalid_client', () => {
    const { sandbox } = newSandbox();
    const code = codeOf(sandbox.consent(authorizeUrl()));
    const response = exchange(sandbox, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, basicAuth(APP.clientId, 'wrong'));
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ error: 'invalid_client' });
  });

  it('refuses a wrong PKCE verifier, then accepts the right one', () => {
    const { sandbox } = newSandbox();
    const { verifier, challenge } = pkcePair();
    const code = codeOf(sandbox.consent(authorizeUrl({ challenge })));
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    expect(json(exchange(sandbox, { ...form, code_verifier: pkcePair().verifier }))).toEqual({ error: 'invalid_grant' });
    expect(json(exchange(sandbox, form))).toEqual({ error: 'invalid_grant' });
    expect(exchange(sandbox, { ...form, code_verifier: verifier }).status).toBe(200);
  });

  it('refuses a redirect_uri other than the one authorised', () => {
    const { sandbox } = newSandbox();
    const code = codeOf(sandbox.consent(authorizeUrl()));
    const response = exchange(sandbox, { grant_type: 'authorization_code', code, redirect_uri: APP.redirectUris[1]! });
    expect(json(response)).toEqual({ error: 'invalid_grant' });
  });

  it('lets a code be used once', () => {
    const { sandbox } = newSandbox();
    const code = codeOf(sandbox.consent(authorizeUrl()));
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    expect(exchange(sandbox, form).status).toBe(200);
    const again = exchange(sandbox, form);
    expect(again.status).toBe(400);
    expect(json(again)).toEqual({ error: 'invalid_grant' });
  });

  it('lets a code expire after 5 minutes', () => {
    const { sandbox, clock } = newSandbox();
    const form = { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI };
    const early = codeOf(sandbox.consent(authorizeUrl()));
    clock.advance(LIFETIMES.codeMs);
    expect(exchange(sandbox, { ...form, code: early }).status).toBe(200);
    const late = codeOf(sandbox.consent(authorizeUrl()));
    clock.advance(LIFETIMES.codeMs + 1);
    expect(json(exchange(sandbox, { ...form, code: late }))).toEqual({ error: 'invalid_grant' });
  });

  it('refuses other grant types', () => {
    const { sandbox } = newSandbox();
    expect(json(exchange(sandbox, { grant_type: 'client_credentials' }))).toEqual({ error: 'unsupported_grant_type' });
  });
});

describe('access tokens', () => {
  it('work for 30 minutes by the clock, then answer 401 TokenExpired', () => {
    const { sandbox, clock } = newSandbox();
    const { accessToken } = connect(sandbox);
    clock.advance(LIFETIMES.accessTokenMs - 1);
    expect(api(sandbox, accessToken, UK, 'GET', '/Organisation').status).toBe(200);
    clock.advance(1);
    const expired = api(sandbox, accessToken, UK, 'GET', '/Organisation');
    expect(expired.status).toBe(401);
    expect(json(expired)).toMatchObject({ Title: 'Unauthorized', Status: 401, Detail: expect.stringMatching(/^TokenExpired: token expired at 01\/15\/2026 09:30:00$/) });
    expect(expired.headers['www-authenticate']).toContain('invalid_token');
  });

  it('answer 401 for a missing or unknown token', () => {
    const { sandbox } = newSandbox();
    connect(sandbox);
    const unknown = api(sandbox, 'not-a-token', UK, 'GET', '/Organisation');
    expect(unknown.status).toBe(401);
    expect(json(unknown).Detail).toBe('AuthenticationUnsuccessful');
    const missing = sandbox.handle({ method: 'GET', url: 'https://api.xero.com/api.xro/2.0/Organisation', headers: { 'xero-tenant-id': UK } });
    expect(missing.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate: a refresh returns a new refresh token and a working access token', () => {
    const { sandbox, clock } = newSandbox();
    const first = connect(sandbox);
    clock.advance(LIFETIMES.accessTokenMs + 1);
    const response = exchange(sandbox, { grant_type: 'refresh_token', refresh_token: first.refreshToken });
    expect(response.status).toBe(200);
    const next = json(response);
    expect(next.refresh_token).not.toBe(first.refreshToken);
    expect(api(sandbox, next.access_token, UK, 'GET', '/Organisation').status).toBe(200);
  });

  it('replayed within 30 minutes of rotation give the same successor (a lost response can be retried)', () => {
    const { sandbox, clock } = newSandbox();
    const { refreshToken } = connect(sandbox);
    const first = json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken }));
    clock.advance(LIFETIMES.rotationGraceMs);
    const replay = json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken }));
    expect(replay.refresh_token).toBe(first.refresh_token);
    expect(api(sandbox, replay.access_token, UK, 'GET', '/Organisation').status).toBe(200);
    // The successor is an ordinary refresh token: it rotates in turn.
    expect(json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).refresh_token).not.toBe(first.refresh_token);
  });

  it('are dead once 30 minutes have passed since their rotation', () => {
    const { sandbox, clock } = newSandbox();
    const { refreshToken } = connect(sandbox);
    exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken });
    clock.advance(LIFETIMES.rotationGraceMs + 1);
    const late = exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(late.status).toBe(400);
    expect(json(late)).toEqual({ error: 'invalid_grant' });
  });

  it('expire after 60 days unused', () => {
    const { sandbox, clock } = newSandbox();
    const kept = connect(sandbox).refreshToken;
    clock.advance(LIFETIMES.refreshTokenIdleMs);
    const fresh = connect(sandbox).refreshToken;
    expect(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: kept }).status).toBe(200);
    clock.advance(LIFETIMES.refreshTokenIdleMs + 1);
    expect(json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: fresh }))).toEqual({ error: 'invalid_grant' });
  });

  it('are refused when unknown, or when presented by another app', () => {
    const { sandbox } = newSandbox();
    const { refreshToken } = connect(sandbox);
    expect(json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: 'made-up' }))).toEqual({ error: 'invalid_grant' });
    expect(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken }, basicAuth('other', 'x')).status).toBe(400);
  });

  it("die with revocation, which also removes all the user's connections to the app, from every consent", () => {
    const { sandbox } = newSandbox();
    const { refreshToken, accessToken } = connect(sandbox, { tenants: [UK] });
    const later = connect(sandbox, { tenants: [US] });
    const revoked = sandbox.handle({
      method: 'POST', url: 'https://identity.xero.com/connect/revocation', headers: { authorization: basicAuth() },
      body: new URLSearchParams({ token: refreshToken }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect(json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken }))).toEqual({ error: 'invalid_grant' });
    expect(api(sandbox, accessToken, UK, 'GET', '/Organisation').status).toBe(403);
    expect(api(sandbox, later.accessToken, US, 'GET', '/Organisation').status).toBe(403);
  });

  it('count token calls per grant, so a test can tell how many refreshes happened', () => {
    const { sandbox, clock } = newSandbox();
    const { refreshToken } = connect(sandbox);
    const grantId = sandbox.grantOf(refreshToken)!;
    const second = json(exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken })).refresh_token;
    exchange(sandbox, { grant_type: 'refresh_token', refresh_token: second });
    clock.advance(LIFETIMES.rotationGraceMs + 1);
    exchange(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(sandbox.grants().find((g) => g.grantId === grantId)!.tokenCalls).toEqual({ authorizationCode: 1, refreshToken: 2, refused: 1 });
    expect(sandbox.grantOf(second)).toBe(grantId);
  });
});
