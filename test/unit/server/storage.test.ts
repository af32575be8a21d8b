// The stores under SettleSheet's records and Xero's tokens, against the Google fakes: property
// values split under the measured 8 KB, cache writes that never throw, and the records tab.
import { noteLockTaken, RecordSheet } from '../../../src/server/records/record-sheet';
import { cacheIfItFits, cachePort } from '../../../src/server/storage/cache';
import { PROPERTY_VALUE_BYTES, propertiesStore } from '../../../src/server/storage/properties';
import { splitByBytes } from '../../../src/server/storage/utf8';
import { Workbook } from '../../../src/server/workbook/workbook';
import { appsScript } from '../../support/apps-script';

describe('property values', () => {
  it('of any size are split under the limit, read back whole, and leave no pieces when replaced or deleted', () => {
    const h = appsScript();
    const big = JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ tenantId: `t-${i}`, name: `Organisation ${i} — Ünïcode Ltd 💷` })));
    expect(Buffer.byteLength(big)).toBeGreaterThan(3 * 8000);
    h.run(() => propertiesStore(PropertiesService.getUserProperties()).set('xero.organisations', big));
    const stored = h.world.inspect.properties({ user: 'seller@example.com' });
    for (const value of Object.values(stored)) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(PROPERTY_VALUE_BYTES);
    expect(Object.keys(stored).length).toBeGreaterThan(3);
    expect(h.run(() => propertiesStore(PropertiesService.getUserProperties()).get('xero.organisations'))).toBe(big);
    h.run(() => propertiesStore(PropertiesService.getUserProperties()).set('xero.organisations', '[]'));
    expect(h.world.inspect.properties({ user: 'seller@example.com' })).toEqual({ 'xero.organisations': '[]' });
    h.run(() => propertiesStore(PropertiesService.getUserProperties()).set('xero.organisations', big));
    h.run(() => propertiesStore(PropertiesService.getUserProperties()).delete('xero.organisations'));
    expect(h.world.inspect.properties({ user: 'seller@example.com' })).toEqual({});
  });

  it('are cut on UTF-8 bytes, never inside a character', () => {
    const text = 'a€💷'.repeat(1000);
    const pieces = splitByBytes(text, 7);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(7);
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('the cache', () => {
  it('takes what fits and skips, without throwing, what Google would refuse', () => {
    const h = appsScript();
    h.run(() => {
      const cache = CacheService.getDocumentCache()!;
      expect(cacheIfItFits(cache, 'k', 'v'.repeat(100 * 1024), 60)).toBe(true);
      expect(cacheIfItFits(cache, 'k', 'v'.repeat(100 * 1024 + 1), 60)).toBe(false);
      // The older copy was dropped rather than left to be read back stale.
      expect(cache.get('k')).toBeNull();
      expect(() => cachePort(cache).put('x'.repeat(251), 'v', 60)).not.toThrow();
      expect(() => cachePort(cache).put('big', 'é'.repeat(60 * 1024), 60)).not.toThrow();
    });
  });
});

describe('the records tab', () => {
  const open = () => {
    Workbook.active().ensure();
    return new RecordSheet(Workbook.active());
  };

  it('keeps one row per key, rewrites in place, empties a removed row and never moves rows', () => {
    const h = appsScript();
    h.run(() => {
      const records = open();
      records.set('a', '{"n":1}');
      records.set('b', '-12');
      records.set('c', '=1+1');
      records.set('a', '{"n":2}');
      records.delete('b');
    });
    const rows = h.world.inspect.grid('_SettleSheet records').values.slice(1, 4).map((r) => r.slice(0, 2));
    expect(rows).toEqual([['a', '{"n":2}'], ['', ''], ['c', '=1+1']]);
    expect(h.world.inspect.grid('_SettleSheet records').formulas.flat().filter(Boolean)).toEqual([]);
    expect(h.run(() => [open().get('a'), open().get('b'), open().get('c')])).toEqual(['{"n":2}', null, '=1+1']);
  });

  it('spreads a long value over the continuation cells and rewrites many records in few calls', () => {
    const h = appsScript();
    const long = 'x'.repeat(100_000);
    h.run(() => open().set('long', long));
    expect(h.run(() => open().get('long'))).toBe(long);
    h.run(() => open().setMany(Array.from({ length: 50 }, (_, i) => [`k${i}`, `${i}`] as const)));
    h.world.calls.reset();
    h.run(() => open().setMany(Array.from({ length: 50 }, (_, i) => [`k${i}`, `${i * 2}`] as const)));
    expect(h.world.calls.counts()['Range.setValues']).toBe(1);
    expect(h.run(() => open().entries('k').slice(0, 3))).toEqual([['k0', '0'], ['k1', '2'], ['k2', '4']]);
  });

  it('sees a record another execution appended, once it takes a lock', () => {
    const h = appsScript();
    h.run(() => open().set('first', '1'));
    h.run(() => {
      const mine = open();
      expect(mine.get('second')).toBeNull();
      h.run(() => open().set('second', '2'), 'accountant@example.com');
      const lock = LockService.getDocumentLock();
      lock.waitLock(1000);
      // What every lock helper does once it holds the lock.
      noteLockTaken();
      expect(mine.get('second')).toBe('2');
      lock.releaseLock();
    });
  });
});
