// Xero failing while a settlement is posted, seen in the browser: a 500 that outlasts the retries,
// then a rate limit. Each time the sidebar says what happened and what to do, and when Xero is
// back the post creates each document once: nothing is duplicated.
import { TENANT_IDS } from '../fakes/xero';
import { describeInBrowser } from './support/chromium';
import { demoReadyToPostForSuite, expectText, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

describeInBrowser('Xero failing during a post', () => {
  let session: Session;
  demoReadyToPostForSuite((opened) => (session = opened));

  // The create call itself (the lookup before it goes through): the moment a duplicate could be born.
  const creating = { method: 'PUT' as const, host: 'api.xero.com', path: /^\/api\.xro\/2\.0\/Invoices$/i };

  async function post(): Promise<string> {
    const { sidebar } = session;
    await sidebar.getByRole('button', { name: 'Post to Xero' }).click();
    await sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    await sidebar.locator('.notice-area .notice').waitFor();
    return sidebar.locator('.notice-area .notice').innerText();
  }

  it('a server error says to press Post again, and creates nothing', async () => {
    // More failures than the client's three attempts: this press cannot succeed.
    const fault = session.workbench.sandbox.faults.add({ match: creating, times: 50, kind: { status: 500 } });
    const message = await post();
    expect(message).toMatch(/Press Post again|Try again in a few minutes/);
    expect(message).not.toMatch(/\bat \S+\.(js|ts):\d+|Error:|undefined/);
    expect(fault.remaining).toBeLessThan(50);
    session.workbench.sandbox.faults.clear();
    expect(session.workbench.sandbox.documents(TENANT_IDS.us)).toEqual([]);
    await expectText(session.sidebar.locator('.status-line'), /Failed/);
  });

  it('a rate limit says how long to wait, and creates nothing', async () => {
    session.workbench.sandbox.faults.add({ match: creating, times: 50, kind: { rateLimit: { retryAfter: 3600, problem: 'day' } } });
    const message = await post();
    expect(message).toMatch(/try again in 1 hour/);
    session.workbench.sandbox.faults.clear();
    expect(session.workbench.sandbox.documents(TENANT_IDS.us)).toEqual([]);
  });

  it('once Xero answers again, one press creates each document exactly once', async () => {
    const message = await post();
    expect(message).not.toMatch(/already/i);
    await session.sidebar.locator('.notice-area .notice.success').waitFor();
    const documents = session.workbench.sandbox.documents(TENANT_IDS.us);
    expect(documents.map((d) => d.invoiceNumber)).toEqual(['AMZ-24577301951-2025-06', 'AMZ-24577301951-2025-07']);
    // June's zero part is approved (it carries the month forward); July's, with the deposit, is a draft.
    expect(documents.map((d) => d.status)).toEqual(['AUTHORISED', 'DRAFT']);
  });
});
