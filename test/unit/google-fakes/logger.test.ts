// Logger and console lines are recorded per user, so tests can prove no secret reached a log.
import { createGoogleFakes } from '../../fakes/google';

describe('Logger and console', () => {
  it('record lines with %s placeholders filled, and Logger keeps its own log', () => {
    const world = createGoogleFakes();
    const g = world.globalsFor({ user: 'a@example.com' });
    g.Logger.log('Posted %s invoices to %s', 3, 'Xero').log({ ok: true });
    g.console.warn('retrying', 2);
    expect(g.Logger.getLog()).toBe("Posted 3 invoices to Xero\n{ ok: true }");
    expect(world.inspect.logs()).toEqual([
      { source: 'Logger', level: 'log', message: 'Posted 3 invoices to Xero', user: 'a@example.com' },
      { source: 'Logger', level: 'log', message: '{ ok: true }', user: 'a@example.com' },
      { source: 'console', level: 'warn', message: 'retrying 2', user: 'a@example.com' },
    ]);
    g.Logger.clear();
    expect(g.Logger.getLog()).toBe('');
  });
});
