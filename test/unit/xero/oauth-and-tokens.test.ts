import { createHash } from 'node:crypto';
import { createXeroSandbox, DEFAULT_APP } from '../../fakes/xero';
import type { XeroApp } from '../../../src/xero/config';
import { finishSignIn, SIGN_IN_PROPERTY, startSignIn } from '../../../src/xero/oauth';
import { createTokenSource, readTokens, TOKENS_PROPERTY, writeTokens } from '../../../src/xero/tokens';
import { memoryLock, memoryStateTokens, memoryStore, nodeCrypto, testClock } from '../../support/xero-memory-ports';

const app: XeroApp = {
  clientId: DEFAULT_APP.clientId,
  clientSecret: DEFAULT_APP.clientSecret,
  redirectUri: DEFAULT_APP.redirectUris[0]!,
  scopes: ['openid', 'offline_access', 'accounting.settings.read', 'accounting.invoices', 'accounting.contacts'],
  pkce: true,
};

function setUp(xeroApp: XeroApp = app) {
  const clock = testClock();
  const sandbox = createXeroSandbox({ now: clock.now, sleep: clock.advance });
  const user = memoryStore();
  const stateTokens = memoryStateTokens();
  const budget = { clock, deadline: clock.now() + 300_000 };
  const deps = { app: xeroApp, crypto: nodeCrypto, user, stateTokens, http: sandbox.handle, budget };
  /** Consents on Xero's side and returns the callback's parameters. */
  const consent = (url: string) => Object.fromEntries(new URL(sandbox.consent(url)).searchParams);
  return { clock, sandbox, user, stateTokens, deps, consent };
}

describe('signing in', () => {
  it('sends PKCE S256 of a verifier kept in user properties, and a state token naming the callback', () => {
    const { deps, user, stateTokens } = setUp();
    const url = new URL(startSignIn(deps));
    expect(`${url.origin}${url.pathname}`).toBe('https://login.xero.com/identity/connect/authorize');
    const pending = JSON.parse(user.get(SIGN_IN_PROPERTY)!);
    expect(url.searchParams.get('code_challenge')).toBe(createHash('sha256').update(pending.verifier).digest('base64url'));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stateTokens.issued.get(url.searchParams.get('state')!)).toBe('xeroAuthCallback');
    expect(url.searchParams.get('scope')).toBe(app.scopes.join(' '));
    expect(url.searchParams.get('redirect_uri')).toBe(app.redirectUri);
  });

  it('exchanges the code for tokens with their expiry and scopes, and uses the verifier once', () => {
    const { deps, user, consent, clock } = setUp();
    const parameter = consent(startSignIn(deps));
    const tokens = finishSignIn(deps, parameter, 'seller@example.com');
    expect(tokens.ok).toBe(true);
    if (!tokens.ok) return;
    expect(tokens.value).toMatchObject({ who: 'seller@example.com', expiresAt: clock.now() + 30 * 60_000, scopes: app.scopes });
    expect(tokens.value.refreshToken).not.toBe('');
    expect(user.get(SIGN_IN_PROPERTY)).toBeNull();
    const again = finishSignIn(deps, parameter, 'seller@example.com');
    expect(!again.ok && again.failure.message).toContain('expired');
  });

  it('refuses a callback older than ten minutes', () => {
    const { deps, consent, clock } = setUp();
    const parameter = consent(startSignIn(deps));
    clock.advance(11 * 60_000);
    const tokens = finishSignIn(deps, parameter, 'x');
    expect(!tokens.ok && tokens.failure.message).toContain('has expired (it lasts 10 minutes)');
  });

  it('refuses the callback of a sign-in replaced by a newer one', () => {
    const { deps, consent } = setUp();
    const older = consent(startSignIn(deps));
    startSignIn(deps);
    const tokens = finishSignIn(deps, older, 'x');
    expect(!tokens.ok && tokens.failure.message).toContain('replaced by a newer one');
  });

  it('says the person cancelled when Xero reports access_denied', () => {
    const { deps } = setUp();
    startSignIn(deps);
    const tokens = finishSignIn(deps, { error: 'access_denied', state: 'whatever' }, 'x');
    expect(tokens).toMatchObject({ ok: false, failure: { kind: 'not-connected' } });
    expect(!tokens.ok && tokens.failure.message).toContain('You cancelled the Xero sign-in');
  });

  it('tells the deployer when Xero does not accept the client secret', () => {
    const { deps, consent } = setUp({ ...app, clientSecret: 'wrong' });
    const tokens = finishSignIn(deps, consent(startSignIn(deps)), 'x');
    expect(tokens).toMatchObject({ ok: false, failure: { kind: 'not-configured' } });
    expect(!tokens.ok && tokens.failure.message).toContain('XERO_CLIENT_SECRET');
  });
});

describe('the token source', () => {
  function connected() {
    const world = setUp();
    const tokens = finishSignIn(world.deps, world.consent(startSignIn(world.deps)), 'seller@example.com');
    if (!tokens.ok) throw new Error(tokens.failure.message);
    writeTokens(world.user, tokens.value);
    const lock = memoryLock(world.clock);
    const source = () => createTokenSource({ http: world.sandbox.handle, app, crypto: nodeCrypto, user: world.user, userLock: lock, budget: world.deps.budget });
    const refreshes = () => world.sandbox.grants()[0]!.tokenCalls.refreshToken;
    return { ...world, lock, source, refreshes, first: tokens.value };
  }

  it('hands out the stored token while more than a minute is left, and refreshes within the last minute', () => {
    const c = connected();
    c.clock.advance(28 * 60_000);
    expect(c.source().current()).toEqual({ ok: true, value: c.first.accessToken });
    c.clock.advance(60_000 + 1);
    const renewed = c.source().current();
    expect(renewed.ok && renewed.value).not.toBe(c.first.accessToken);
    expect(c.refreshes()).toBe(1);
    // The rotated refresh token replaced the old one.
    expect(readTokens(c.user)!.refreshToken).not.toBe(c.first.refreshToken);
  });

  it('after a 401, uses a token another execution stored meanwhile instead of refreshing again', () => {
    const c = connected();
    const mine = c.source();
    expect(mine.current()).toEqual({ ok: true, value: c.first.accessToken });
    c.clock.advance(31 * 60_000);
    const other = c.source().current();
    expect(c.refreshes()).toBe(1);
    expect(mine.renew(c.first.accessToken)).toEqual(other);
    expect(c.refreshes()).toBe(1);
  });

  it('is busy, without refreshing, while another execution holds the user lock', () => {
    const c = connected();
    c.clock.advance(31 * 60_000);
    c.lock.heldElsewhere = true;
    expect(c.source().current()).toMatchObject({ ok: false, failure: { kind: 'busy' } });
    expect(c.refreshes()).toBe(0);
  });

  it('invalid_grant forgets the tokens and nothing else, and asks to reconnect', () => {
    const c = connected();
    c.user.set('xero.organisations', '[]');
    c.clock.advance(61 * 24 * 60 * 60_000);
    expect(c.source().current()).toMatchObject({ ok: false, failure: { kind: 'reconnect' } });
    expect(c.user.get(TOKENS_PROPERTY)).toBeNull();
    expect(c.user.get('xero.organisations')).toBe('[]');
  });

  it('without a refresh token (no offline_access) asks to reconnect once the access token ends', () => {
    const c = connected();
    writeTokens(c.user, { ...c.first, refreshToken: '' });
    c.clock.advance(31 * 60_000);
    expect(c.source().current()).toMatchObject({ ok: false, failure: { kind: 'reconnect' } });
    expect(c.refreshes()).toBe(0);
  });

  it('is not connected when nothing is stored', () => {
    const { user, clock, sandbox } = setUp();
    const source = createTokenSource({ http: sandbox.handle, app, crypto: nodeCrypto, user, userLock: memoryLock(clock), budget: { clock, deadline: Infinity } });
    expect(source.current()).toMatchObject({ ok: false, failure: { kind: 'not-connected' } });
  });
});
