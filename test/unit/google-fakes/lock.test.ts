// LockService between executions: held locks block others until the holder's execution ends.
import { createGoogleFakes } from '../../fakes/google';
import { FREE } from '../../fakes/google/cost';

describe('LockService', () => {
  it('tryLock returns false while another execution holds the lock, spending the timeout', () => {
    const world = createGoogleFakes({ cost: FREE });
    const first = world.globalsFor({ user: 'alice@example.com' });
    const second = world.globalsFor({ user: 'bob@example.com' });
    expect(first.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    const before = world.now();
    const lock = second.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(world.now() - before).toBe(5000);
    expect(lock.hasLock()).toBe(false);
    expect(world.inspect.locks()).toEqual([{ lock: 'document', execution: 1 }]);
    world.endExecution(first);
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  it('waitLock throws Google message when the lock stays held', () => {
    const world = createGoogleFakes({ cost: FREE });
    world.globalsFor({ user: 'alice@example.com' }).LockService.getScriptLock().waitLock(1000);
    const other = world.globalsFor({ user: 'bob@example.com' }).LockService.getScriptLock();
    expect(() => other.waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  it('is re-entrant within one execution and released by releaseLock', () => {
    const world = createGoogleFakes({ cost: FREE });
    const g = world.globalsFor({ user: 'alice@example.com' });
    expect(g.LockService.getUserLock().tryLock(0)).toBe(true);
    expect(g.LockService.getUserLock().tryLock(0)).toBe(true);
    g.LockService.getUserLock().releaseLock();
    expect(world.inspect.locks()).toEqual([]);
  });

  it('keeps user locks per user and document locks shared', () => {
    const world = createGoogleFakes({ cost: FREE });
    const alice = world.globalsFor({ user: 'alice@example.com' });
    const bob = world.globalsFor({ user: 'bob@example.com' });
    const aliceAgain = world.globalsFor({ user: 'alice@example.com' });
    expect(alice.LockService.getUserLock().tryLock(0)).toBe(true);
    expect(bob.LockService.getUserLock().tryLock(0)).toBe(true);
    // The same user in another execution (two sidebars) is a different process.
    expect(aliceAgain.LockService.getUserLock().tryLock(0)).toBe(false);
  });

  it('run() ends the execution and its locks even when the script throws', () => {
    const world = createGoogleFakes({ cost: FREE });
    expect(() => world.run('alice@example.com', (g) => {
      g.LockService.getDocumentLock().waitLock(100);
      throw new Error('boom');
    })).toThrow('boom');
    expect(world.inspect.locks()).toEqual([]);
  });
});
