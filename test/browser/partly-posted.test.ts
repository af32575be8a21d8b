// A settlement Xero takes only part of, seen in the browser: the sidebar says plainly what Xero
// holds and what it refused, offers ONE action, and that action finishes the settlement without a
// second copy of what was already there.
import { TENANT_IDS } from '../fakes/xero';
import { describeInBrowser } from './support/chromium';
import { demoReadyToPostForSuite, expectText, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

describeInBrowser('a partly posted settlement', () => {
  let session: Session;
  demoReadyToPostForSuite((opened) => (session = opened));

  it('is shown with what Xero holds, what it refused and why, and one action that finishes it without a duplicate', async () => {
    const { sidebar, workbench } = session;
    // Storage (account 407) is only in July; someone archives it in Xero after SettleSheet's checks.
    const storage = workbench.sandbox.organisation(TENANT_IDS.us).accounts.find((a) => a.Code === '407')!;
    const stop = workbench.sandbox.onRequest((request) => {
      if (request.method !== 'PUT') return;
      stop();
      storage.Status = 'ARCHIVED';
    });
    await sidebar.getByRole('button', { name: 'Post to Xero' }).click();
    await sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    await expectText(sidebar.locator('.notice-area .notice'), /Xero took only part of this settlement \(AMZ-24577301951-2025-06\): see "Partly posted" below\./);

    const panel = sidebar.getByRole('region', { name: 'Partly posted' });
    await expectText(panel, /In Xero now:[\s\S]*AMZ-24577301951-2025-06[\s\S]*Not in Xero, because Xero refused it:[\s\S]*AMZ-24577301951-2025-07[\s\S]*Account code '407' has been archived/);
    expect(await panel.getByRole('link', { name: 'Open Sales invoice AMZ-24577301951-2025-06 in Xero (new tab)' }).getAttribute('href')).toContain('shortcode');
    await expectText(sidebar.locator('.status-line'), /Partly posted/);
    // One action, and no other way to post.
    expect(await sidebar.getByRole('button', { name: /Post to Xero|Void and re-post|Void what was posted/ }).count()).toBe(0);
    const finish = panel.getByRole('button', { name: 'Finish posting' });
    expect(await finish.count()).toBe(1);

    storage.Status = 'ACTIVE';
    await finish.click();
    await expectText(panel, /This creates AMZ-24577301951-2025-07 in Harbor Lane Goods Inc\. AMZ-24577301951-2025-06 stay as they are: nothing is created twice\./);
    await panel.getByRole('button', { name: 'Finish posting' }).click();
    await sidebar.locator('.notice-area .notice.success').waitFor();
    expect(await sidebar.getByRole('region', { name: 'Partly posted' }).count()).toBe(0);
    expect(workbench.sandbox.documents(TENANT_IDS.us).map((d) => d.invoiceNumber)).toEqual(['AMZ-24577301951-2025-06', 'AMZ-24577301951-2025-07']);
    await expectText(sidebar.locator('.status-line'), /Posted/);
  });
});
