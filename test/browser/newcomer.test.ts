// The newcomer's path in a real browser against the workbench: demo settlement → import with
// progress to 100% → one unmapped line → map it in the Mapping tab → connect through the sandbox's
// consent page → preview → post → links to the documents → posting again is refused.
import { TENANT_IDS } from '../fakes/xero';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { connectXero, expectText, importChosenFile, mapInMappingTab, openAnotherPage, openWorkbench, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

describeInBrowser('the newcomer path in the workbench', () => {
  let session: Session;
  const demo = demoSettlement();

  beforeAll(async () => {
    session = await openWorkbench();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('goes from the demo file to a posted invoice, and will not post it twice', async () => {
    const { page, sidebar, workbench } = session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    // Read in the browser: the facts and a balanced picture before anything is sent.
    await sidebar.getByText(demo.settlementId, { exact: true }).waitFor();
    await expectText(sidebar.locator('.picture .verdict'), /Balanced: the lines add up to the deposit of 866\.41 USD/);
    await expectText(sidebar.locator('.import-stage'), new RegExp(`1 line type has no category yet[\\s\\S]*${UNMAPPED_DESCRIPTION}`));

    const progress = await importChosenFile(sidebar, demo.settlementId);
    expect(progress.at(-1)).toBe(`${demo.lines}/${demo.lines}`);
    expect(progress.map((p) => Number(p.split('/')[0]))).toEqual([...progress.map((p) => Number(p.split('/')[0]))].sort((a, b) => a - b));
    await expectText(sidebar.locator('.detail .outcome'), /Imported settlement 24577301951: 311 lines\. 1 line type needs a category\./);
    // Exactly one line type is waiting, and Post is not offered while it waits.
    await expectText(sidebar.locator('.unmapped h3'), /Needs a category \(1\)/);
    expect(await sidebar.locator('.unmapped-item').count()).toBe(1);
    await expect(sidebar.getByRole('button', { name: 'Post to Xero' }).isDisabled()).resolves.toBe(true);

    await mapInMappingTab(session, UNMAPPED_DESCRIPTION, 'FBA fees');
    await sidebar.locator('.unmapped').waitFor({ state: 'detached' });

    const callbackPage = await connectXero(session);
    expect(callbackPage).toContain('Connected to Harbor Lane Goods Inc');
    // Connecting recomputes the open settlement: Xero's account names appear, the warning goes.
    await sidebar.locator('.account', { hasText: 'Amazon Sales' }).first().waitFor();
    expect(await sidebar.getByText(/Connect to Xero to post/).count()).toBe(0);
    // A second window on the same spreadsheet, looking at the same settlement before it is posted.
    const other = await openAnotherPage(session);
    await other.sidebar.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    await other.sidebar.getByRole('button', { name: 'Post to Xero' }).waitFor();

    await sidebar.getByRole('button', { name: 'Post to Xero' }).click();
    // The settlement spans June and July: by default June's part is carried forward (it totals 0,
    // and is approved so June shows in the reports) and July's invoice carries the whole deposit.
    const confirmation = sidebar.getByRole('group', { name: /Create 2 sales invoices in Harbor Lane Goods Inc\?/ });
    await expectText(confirmation, /Sales invoice AMZ-24577301951-2025-06, dated 30 Jun 2025, due 10 Jul 2025: 0\.00 USD in \d+ lines, approved: it carries the month forward/);
    await expectText(confirmation, /Sales invoice AMZ-24577301951-2025-07, dated 8 Jul 2025, due 10 Jul 2025: 866\.41 USD in \d+ lines, as a draft/);
    await expectText(confirmation, /Together they add up to the deposit of 866\.41 USD\./);
    await confirmation.getByRole('button', { name: 'Create in Xero' }).click();

    await expectText(sidebar.locator('.outcome .notice.success'), /Settlement 24577301951 is in Harbor Lane Goods Inc/);
    const posted = sidebar.locator('.posted');
    await posted.waitFor();
    const links = posted.getByRole('link', { name: /^Open Sales invoice .* in Xero \(new tab\)$/ });
    await links.nth(1).waitFor();
    expect(await links.count()).toBe(2);
    for (const link of await links.all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
    }
    const documents = workbench.sandbox.documents(TENANT_IDS.us);
    expect(documents.map((d) => [d.invoiceNumber, d.type, d.total, d.status, d.currencyCode])).toEqual([
      ['AMZ-24577301951-2025-06', 'ACCREC', '0.00', 'AUTHORISED', 'USD'],
      ['AMZ-24577301951-2025-07', 'ACCREC', '866.41', 'DRAFT', 'USD'],
    ]);
    const july = posted.getByRole('link', { name: 'Open Sales invoice AMZ-24577301951-2025-07 in Xero (new tab)' });
    expect(await july.getAttribute('href')).toContain(`InvoiceID=${documents[1]!.invoiceId}`);

    // The link opens the document (here the sandbox's page for it).
    const [documentTab] = await Promise.all([session.browser.context.waitForEvent('page'), july.click()]);
    await documentTab.waitForLoadState();
    await expectText(documentTab.locator('body'), /Sales invoice AMZ-24577301951-2025-07[\s\S]*Total USD\s+866\.41/);
    await documentTab.close();

    // Posted: no Post button any more.
    expect(await sidebar.getByRole('button', { name: 'Post to Xero' }).count()).toBe(0);

    // The stale window still offers Post; pressing it is refused as already posted, and nothing new reaches Xero.
    await other.sidebar.getByRole('button', { name: 'Post to Xero' }).click();
    await other.sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    await expectText(other.sidebar.locator('.outcome .notice'), /already/i);
    expect(await other.sidebar.locator('.outcome .notice.success').count()).toBe(0);
    expect(workbench.sandbox.documents(TENANT_IDS.us)).toHaveLength(2);
    expect(dialogs).toEqual([]);
  });
});
