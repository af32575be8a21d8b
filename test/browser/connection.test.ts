// The Xero panel when the login reaches several organisations: the person ticks them all on the
// consent page, chooses the one this spreadsheet posts to, switches it, and disconnects.
import { TENANT_IDS } from '../fakes/xero';
import { describeInBrowser } from './support/chromium';
import { expectText, openWorkbench, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

describeInBrowser('the Xero connection panel', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openWorkbench();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('connects several organisations, chooses one, switches, and disconnects', async () => {
    const { sidebar, browser } = session;
    const panel = sidebar.locator('section.connection');
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), panel.getByRole('button', { name: 'Connect to Xero' }).click()]);
    // `all()` does not wait: let the consent page list all three organisations first.
    await tab.getByRole('checkbox').nth(2).waitFor();
    for (const box of await tab.getByRole('checkbox').all()) await box.check();
    await tab.getByRole('button', { name: 'Allow access' }).click();
    await tab.waitForURL(/\/usercallback\?/);
    // The callback page may still be rendering when the address changes: wait for its words.
    await expectText(tab.locator('body'), /Your login reaches 3 organisations\. Choose the one this spreadsheet posts to/);
    await tab.close();

    // Nothing is chosen for the person: the panel asks.
    const choose = panel.getByLabel('Organisation this spreadsheet posts to');
    await choose.waitFor();
    expect(await choose.locator('option').allInnerTexts()).toEqual(['Harbor Lane Goods Inc', 'Bramble & Finch Trading Ltd', 'Wattle Creek Supplies Pty Ltd']);
    await choose.selectOption({ label: 'Harbor Lane Goods Inc' });
    await panel.getByRole('button', { name: 'Use this organisation' }).click();
    await expectText(panel, /Posts to Harbor Lane Goods Inc/);
    // Choosing the organisation filled the Accounts tab from it: names, checks and dropdown lists.
    await expectText(sidebar.locator('.notice-area'), /^Connected: this spreadsheet posts to Harbor Lane Goods Inc\. Its \d+ accounts and \d+ tax rates are in the Accounts tab's dropdowns\.$/);
    const accounts = session.workbench.world.inspect.grid('Accounts').values;
    expect(accounts.find((r) => r[0] === 'Sales')!.slice(6, 8)).toEqual(['Amazon Sales', 'OK']);
    expect(session.serverCalls).not.toContain('refreshXeroAccounts');

    // Switching offers the others only.
    const switchTo = panel.getByLabel('Switch this spreadsheet to');
    expect(await switchTo.locator('option').allInnerTexts()).toEqual(['Bramble & Finch Trading Ltd', 'Wattle Creek Supplies Pty Ltd']);
    await switchTo.selectOption({ label: 'Bramble & Finch Trading Ltd' });
    await panel.getByRole('button', { name: 'Switch' }).click();
    // Everyone posts where the spreadsheet posts: the move is confirmed naming both organisations.
    await expectText(panel.locator('.confirmation'), /Move this spreadsheet to Bramble & Finch Trading Ltd\?[\s\S]*This spreadsheet posts to Harbor Lane Goods Inc/);
    expect(JSON.parse(session.workbench.world.inspect.properties('document')['xero.organisation'] ?? '{}')).toMatchObject({ tenantId: TENANT_IDS.us });
    await panel.getByRole('button', { name: 'Move to Bramble & Finch Trading Ltd' }).click();
    await expectText(panel, /Posts to Bramble & Finch Trading Ltd/);
    await expectText(sidebar.locator('.notice-area'), /now posts to Bramble & Finch Trading Ltd \(it posted to Harbor Lane Goods Inc\)/);
    const log = session.workbench.world.inspect.grid('Log').values.find((r) => r[2] === 'Change organisation');
    expect(log?.[5]).toMatch(/from Harbor Lane Goods Inc to Bramble & Finch Trading Ltd/);
    const binding = JSON.parse(session.workbench.world.inspect.properties('document')['xero.organisation'] ?? '{}') as { tenantId?: string };
    expect(binding.tenantId).toBe(TENANT_IDS.uk);

    await panel.getByRole('button', { name: 'Disconnect' }).click();
    await expectText(sidebar.locator('.notice-area'), /Disconnected from Xero/);
    await panel.getByRole('button', { name: 'Connect to Xero' }).waitFor();
  });
});
