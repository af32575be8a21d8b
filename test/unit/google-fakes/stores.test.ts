// PropertiesService and CacheService: who shares which store, Google's quotas, and expiry.
import { createGoogleFakes } from '../../fakes/google';
import { FREE } from '../../fakes/google/cost';

describe('PropertiesService', () => {
  it('keeps user properties per user and shares document and script properties', () => {
    const world = createGoogleFakes({ cost: FREE });
    const alice = world.globalsFor({ user: 'alice@example.com' });
    const bob = world.globalsFor({ user: 'bob@example.com' });
    alice.PropertiesService.getUserProperties().setProperty('token', 'alice-secret');
    alice.PropertiesService.getDocumentProperties().setProperty('mapping', '{}');
    alice.PropertiesService.getScriptProperties().setProperty('clientId', 'abc');
    expect(bob.PropertiesService.getUserProperties().getProperty('token')).toBeNull();
    expect(bob.PropertiesService.getDocumentProperties().getProperty('mapping')).toBe('{}');
    expect(bob.PropertiesService.getScriptProperties().getProperty('clientId')).toBe('abc');
    expect(world.inspect.properties({ user: 'alice@example.com' })).toEqual({ token: 'alice-secret' });
  });

  it('stores strings (numbers and booleans stringified) and edits in bulk', () => {
    const props = createGoogleFakes({ cost: FREE }).globalsFor({ user: 'a@example.com' }).PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as never).setProperties({ b: true as never, s: 'x' });
    expect(props.getProperties()).toEqual({ n: '5', b: 'true', s: 'x' });
    props.setProperties({ only: '1' }, true);
    expect(props.getKeys()).toEqual(['only']);
    props.deleteProperty('only');
    expect(props.getProperty('only')).toBeNull();
    props.setProperty('a', '1').deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a value over 8,000 bytes (the measured limit) and a store over 500 KB, changing nothing', () => {
    const props = createGoogleFakes({ cost: FREE }).globalsFor({ user: 'a@example.com' }).PropertiesService.getUserProperties();
    expect(() => props.setProperty('big', 'x'.repeat(8001))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    props.setProperty('fits', 'x'.repeat(8000));
    // Bytes, not characters: 4,001 two-byte characters are 8,002 bytes.
    expect(() => props.setProperty('wide', 'é'.repeat(4001))).toThrow('Argument too large: value');
    let stored = 1;
    expect(() => {
      for (;;) { props.setProperty(`k${stored}`, 'y'.repeat(8000)); stored++; }
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    // 512,000 bytes hold `fits` (8,004 bytes) and 62 more keys of about 8,003 bytes; the refused
    // 63rd left no trace.
    expect(stored).toBe(63);
    expect(props.getProperty(`k${stored}`)).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries on the world clock, after 600 s by default', () => {
    const world = createGoogleFakes({ cost: FREE });
    const cache = world.globalsFor({ user: 'a@example.com' }).CacheService.getUserCache();
    cache.put('short', 'v', 30);
    cache.put('default', 'v');
    world.advanceClock(29_999);
    expect(cache.get('short')).toBe('v');
    world.advanceClock(1);
    expect(cache.get('short')).toBeNull();
    world.advanceClock(570_000 - 1);
    expect(cache.get('default')).toBe('v');
    world.advanceClock(1);
    expect(cache.get('default')).toBeNull();
  });

  it('keeps an entry at most 6 hours', () => {
    const world = createGoogleFakes({ cost: FREE });
    const cache = world.globalsFor({ user: 'a@example.com' }).CacheService.getScriptCache();
    cache.put('k', 'v', 86400);
    world.advanceClock(21600 * 1000 - 1);
    expect(cache.get('k')).toBe('v');
    world.advanceClock(1);
    expect(cache.get('k')).toBeNull();
  });

  it('refuses keys over 250 characters and values over 100 KB', () => {
    const cache = createGoogleFakes({ cost: FREE }).globalsFor({ user: 'a@example.com' }).CacheService.getDocumentCache()!;
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('k'.repeat(250), 'v'.repeat(100 * 1024));
    expect(() => cache.putAll({ a: '1', b: 'v'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
    expect(cache.get('a')).toBeNull();
  });

  it('gets, puts and removes several keys, per user for user caches', () => {
    const world = createGoogleFakes({ cost: FREE });
    const alice = world.globalsFor({ user: 'alice@example.com' }).CacheService;
    const bob = world.globalsFor({ user: 'bob@example.com' }).CacheService;
    alice.getUserCache().putAll({ a: '1', b: '2', c: '3' });
    alice.getUserCache().removeAll(['c']);
    expect(alice.getUserCache().getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    expect(bob.getUserCache().get('a')).toBeNull();
    alice.getScriptCache().put('shared', 'yes');
    expect(bob.getScriptCache().get('shared')).toBe('yes');
  });
});
