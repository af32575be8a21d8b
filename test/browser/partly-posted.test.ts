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
    await expectText(sidebar.locator('.notice-area .notice'), /^Xero took only part of this settlement: AMZ-24577301951-2025-06 is in Xero, AMZ-24577301951-2025-07 is not\. What Xero said, and the one way on, are below\.$/);

    // Headed as a posted settlement's documents are, with how much of it Xero holds; the chip says the status.
    const panel = sidebar.getByRole('region', { name: 'In Xero: 1 of 2 documents' });
    expect(await sidebar.locator('.parts h3').innerText()).toBe('What it posts, in Xero or not yet');
    await expectText(panel, /holds only part of this settlement:[\s\S]*AMZ-24577301951-2025-06[\s\S]*Not in Xero, because Xero refused it:[\s\S]*AMZ-24577301951-2025-07[\s\S]*Account code '407' has been archived/);
    expect(await panel.getByRole('link', { name: 'Open Sales invoice AMZ-24577301951-2025-06 in Xero (new tab)' }).getAttribute('href')).toContain('shortcode');
    await expectText(sidebar.locator('.status-line'), /Partly posted/);
    // One action, and no other way to post.
    expect(await sidebar.getByRole('button', { name: /Post to Xero|Void and re-post|Void what was posted/ }).count()).toBe(0);
    const finish = panel.getByRole('button', { name: 'Finish posting' });
    expect(await finish.count()).toBe(1);

    storage.Status = 'ACTIVE';
    await finish.click();
    await expectText(panel, /This creates AMZ-24577301951-2025-07 in Harbor Lane Goods Inc\. AMZ-24577301951-2025-06 stays as it is: nothing is created twice\./);
    await panel.getByRole('button', { name: 'Finish posting' }).click();
    await sidebar.locator('.notice-area .notice.success').waitFor();
    expect(await sidebar.getByRole('region', { name: /^In Xero: \d of \d documents$/ }).count()).toBe(0);
    expect(workbench.sandbox.documents(TENANT_IDS.us).map((d) => d.invoiceNumber)).toEqual(['AMZ-24577301951-2025-06', 'AMZ-24577301951-2025-07']);
    await expectText(sidebar.locator('.status-line'), /Posted/);
  });
});
