// Issue 13 in the real sidebar: Settings offer the organisation's tracking categories with a
// dropdown of their options for each marketplace and channel, and a contact per marketplace; the
// detail shows each line's tracking; posting attaches the summary, which the detail lists.
import { TENANT_IDS } from '../fakes/xero';
import { describeInBrowser } from './support/chromium';
import { demoSettlement } from '../../src/workbench/demo-settlement';
import { demoReadyToPostForSuite, expectText, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

describeInBrowser('tracking, contacts and attachments in the sidebar', () => {
  let session: Session;
  demoReadyToPostForSuite((s) => {
    session = s;
  });
  const demo = demoSettlement();

  it('chooses tracking categories and options from the organisation’s lists, and a contact for the marketplace', async () => {
    const { sidebar } = session;
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).click();
    await sidebar.getByText('Settings', { exact: true }).click();
    const tracking = sidebar.locator('.tracking-settings');
    const marketplaces = tracking.getByRole('group', { name: 'Marketplaces' });
    await marketplaces.getByLabel('Tracking category').waitFor();
    expect(await marketplaces.getByLabel('Tracking category').locator('option').allInnerTexts()).toEqual(['Not tracked', 'Marketplace', 'Fulfilment']);
    await marketplaces.getByLabel('Tracking category').selectOption('Marketplace');
    // The marketplace's own option is chosen for it; the dropdown lists the category's active options.
    const amazonCom = marketplaces.getByLabel('Amazon.com', { exact: true });
    expect(await amazonCom.inputValue()).toBe('Amazon.com');
    expect(await amazonCom.locator('option').allInnerTexts()).toEqual(['Not tracked', 'Amazon.com', 'Amazon.ca', 'Amazon.com.mx', 'Non-Amazon US']);
    const channels = tracking.getByRole('group', { name: 'Fulfilment channels' });
    await channels.getByLabel('Tracking category').selectOption('Fulfilment');
    expect(await channels.getByLabel('Fulfilled by Amazon (FBA)').inputValue()).toBe('FBA');
    expect(await channels.getByLabel('No channel (account-level lines)').inputValue()).toBe('');
    await tracking.getByRole('button', { name: 'Save tracking' }).click();
    await expectText(sidebar.locator('.notice-area .notice.success'), /^Tracking saved\./);

    const contacts = sidebar.locator('.document-settings');
    await contacts.getByLabel('Amazon.com', { exact: true }).fill('Amazon.com Services LLC');
    await contacts.getByRole('button', { name: 'Save contacts and attachments' }).click();
    await expectText(sidebar.locator('.notice-area .notice.success'), /^Saved\./);
    expect(session.workbench.world.inspect.properties('document')['settlesheet.settings']).toContain('"Amazon.com Services LLC"');
    await sidebar.getByText('Settings', { exact: true }).click();
  });

  it('shows each line’s tracking, posts it with the contact, and lists the summary attached to each document', async () => {
    const { sidebar, workbench } = session;
    await sidebar.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    await expectText(sidebar.locator('.parts .account').first(), /Marketplace: Amazon\.com · Fulfilment: FBA/);
    await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    await expectText(sidebar.locator('.notice-area .notice.success'), new RegExp(`The summary is attached to AMZ-${demo.settlementId}-2025-06, AMZ-${demo.settlementId}-2025-07\\.`));
    const files = sidebar.locator('.attachments');
    await expectText(files, new RegExp(`AMZ-${demo.settlementId}-2025-07: AMZ-${demo.settlementId}-2025-07-summary\\.csv — attached`));
    await files.getByRole('button', { name: 'Attach the settlement file…' }).waitFor();
    const documents = workbench.sandbox.documents(TENANT_IDS.us);
    expect(documents.map((d) => d.contactName)).toEqual(['Amazon.com Services LLC', 'Amazon.com Services LLC']);
    expect(documents[1]!.lines.filter((l) => l.accountCode === '201').map((l) => l.tracking)).toEqual([[{ Name: 'Marketplace', Option: 'Amazon.com' }, { Name: 'Fulfilment', Option: 'FBA' }]]);
    expect(workbench.sandbox.attachments(TENANT_IDS.us, documents[1]!.invoiceNumber)).toHaveLength(1);
  });
});
