// ScriptApp state tokens and Session: what an OAuth callback and per-user code rely on.
import { createGoogleFakes } from '../../fakes/google';
import { FREE } from '../../fakes/google/cost';

describe('ScriptApp state tokens', () => {
  it('resolve to the method and arguments until they expire (60 s by default)', () => {
    const world = createGoogleFakes({ cost: FREE });
    const g = world.globalsFor({ user: 'seller@example.com' });
    const token = g.ScriptApp.newStateToken().withMethod('authCallback').withArgument('nonce', 'n1').createToken();
    expect(world.inspect.stateToken(token)).toMatchObject({ method: 'authCallback', arguments: { nonce: 'n1' }, expired: false });
    expect(world.userCallback({ state: token, code: 'c0de' })).toEqual({
      functionName: 'authCallback', event: { parameter: { state: token, code: 'c0de', nonce: 'n1' } },
    });
    world.advanceClock(60_000);
    expect(world.inspect.stateToken(token)!.expired).toBe(true);
    expect(() => world.userCallback({ state: token, code: 'c0de' })).toThrow('The state token is invalid or has expired. Please try again.');
  });

  it('take a timeout of at most 3600 seconds, and refuse unknown tokens', () => {
    const world = createGoogleFakes({ cost: FREE });
    const builder = world.globalsFor({ user: 'a@example.com' }).ScriptApp.newStateToken().withMethod('cb');
    expect(() => builder.withTimeout(3601)).toThrow('Invalid argument: seconds');
    const token = builder.withTimeout(600).createToken();
    world.advanceClock(599_999);
    expect(world.userCallback({ state: token }).functionName).toBe('cb');
    expect(() => world.userCallback({ state: 'forged' })).toThrow('invalid or has expired');
    expect(world.inspect.stateToken('forged')).toBeUndefined();
  });

  it('expose the script id and AuthMode', () => {
    const g = createGoogleFakes({ cost: FREE, scriptId: 'script-123' }).globalsFor({ user: 'a@example.com' });
    expect(g.ScriptApp.getScriptId()).toBe('script-123');
    expect(String(g.ScriptApp.AuthMode.NONE)).toBe('NONE');
  });
});

describe('Session', () => {
  it('knows the execution user and a stable key that hides the email', () => {
    const world = createGoogleFakes({ cost: FREE, scriptTimeZone: 'Europe/Berlin' });
    const alice = world.globalsFor({ user: 'alice@example.com' }).Session;
    const aliceAgain = world.globalsFor({ user: 'alice@example.com' }).Session;
    const bob = world.globalsFor({ user: 'bob@example.com' }).Session;
    expect(alice.getActiveUser().getEmail()).toBe('alice@example.com');
    expect(alice.getEffectiveUser().getEmail()).toBe('alice@example.com');
    expect(alice.getTemporaryActiveUserKey()).toBe(aliceAgain.getTemporaryActiveUserKey());
    expect(alice.getTemporaryActiveUserKey()).not.toBe(bob.getTemporaryActiveUserKey());
    expect(alice.getTemporaryActiveUserKey()).not.toContain('alice');
    expect(alice.getScriptTimeZone()).toBe('Europe/Berlin');
  });
});
