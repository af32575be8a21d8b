// What the sidebar says is never stale or self-contradictory (issue 12, §2): before connecting, a
// ready settlement offers "Connect to Xero to post" (not a dead Post button); one notice area says
// the latest outcome and is cleared on navigation; while posting, the page says only that it is
// posting; and Void and re-post says which documents Xero will void and which it will delete.
import type { FrameLocator } from 'playwright-core';
import { TENANT_IDS } from '../fakes/xero';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { connectXero, expectText, importChosenFile, typeInCell, workbenchForSuite } from './support/workbench-session';

jest.setTimeout(120_000);

/** Edits a cell of a tab as a person typing in Sheets would (through the workbench's editor API). */
async function visibleNotices(sidebar: FrameLocator): Promise<string[]> {
  return sidebar.locator('.notice-area .notice').allInnerTexts();
}

describeInBrowser('the sidebar never contradicts itself', () => {
  const suite = workbenchForSuite();
  const demo = demoSettlement();

  it('offers "Connect to Xero to post" for a ready settlement before connecting, and clears old news when moving on', async () => {
    const session = suite();
    const { page, sidebar } = session;
    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    await importChosenFile(sidebar, demo.settlementId);
    expect(await visibleNotices(sidebar)).toEqual([`Imported settlement ${demo.settlementId}: 311 lines. 1 line type needs a category.`]);
    // The person chooses another category than the one suggested.
    await sidebar.getByLabel(`Category for ${UNMAPPED_DESCRIPTION}`).selectOption('Storage');
    await sidebar.getByRole('button', { name: `Use Storage for ${UNMAPPED_DESCRIPTION}` }).click();
    await sidebar.locator('.unmapped').waitFor({ state: 'detached' });
    // The choice replaced the import's news: one voice, the latest outcome.
    expect(await visibleNotices(sidebar)).toEqual([expect.stringMatching(/^Inventory Placement Service Fee now counts as Storage \(Mapping row \d+\)/)]);
    const mapping = session.workbench.world.inspect.grid('Mapping').values;
    expect(mapping.find((r) => r[2] === UNMAPPED_DESCRIPTION)![mapping[0]!.indexOf('Category')]).toBe('Storage');

    await expectText(sidebar.locator('.status-line .chip'), /^Ready$/);
    await sidebar.getByRole('button', { name: 'Connect to Xero to post', exact: true }).waitFor();
    expect(await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).count()).toBe(0);
    expect(await sidebar.getByText('Resolve the problems above').count()).toBe(0);
    // The connection is said once (the Xero panel, the post area), never as a problem or a warning.
    // (The cost of goods sold section says, in its own place, that the demo's SKUs have no cost yet.)
    expect(await sidebar.locator('.detail .notice').count()).toBe(await sidebar.locator('.detail .cogs .notice').count());

    // Leaving the settlement clears what was said about it; coming back starts clean.
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).click();
    await sidebar.getByRole('heading', { name: 'Import a settlement' }).waitFor();
    expect(await visibleNotices(sidebar)).toEqual([]);
    await sidebar.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    await sidebar.getByRole('button', { name: 'Connect to Xero to post', exact: true }).waitFor();
    expect(await visibleNotices(sidebar)).toEqual([]);
  });

  it('says only "posting" while it posts, then only the outcome', async () => {
    const session = suite();
    const { page, sidebar } = session;
    await connectXero(session, 'Connect to Xero to post');
    await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).click();
    // Hold the post on its way, to look at the page while it is posting.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/run', async (route) => {
      if ((JSON.parse(route.request().postData() ?? '{}') as { name?: string }).name === 'postSettlement') await held;
      await route.continue();
    });
    await sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    await expectText(sidebar.locator('.post-area'), /Posting to Xero… this can take a minute\./);
    expect(await visibleNotices(sidebar)).toEqual([]);
    expect(await sidebar.locator('.status-line .chip').innerText()).toBe('Posting…');
    expect(await sidebar.locator('.working:visible').count()).toBe(1);
    release();
    await sidebar.locator('.notice-area .notice.success').waitFor();
    await page.unroute('**/api/run');
    expect(await visibleNotices(sidebar)).toHaveLength(1);
    expect(await sidebar.locator('.working:visible').count()).toBe(0);
    expect(await sidebar.locator('.status-line .chip').innerText()).toBe('Posted');
  });

  it('says which posted documents Void and re-post deletes (drafts) and which it voids (approved)', async () => {
    const session = suite();
    const { page, sidebar, workbench } = session;
    const sandbox = workbench.sandbox;
    // A mapping edit changes what the settlement gives: Seller fees now post to 406.
    const accounts = workbench.world.inspect.grid('Accounts').values;
    await typeInCell(page, 'Accounts', accounts.findIndex((r) => r[0] === 'Seller fees') + 1, 5, '406');
    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Void and re-post' }).click();
    const confirmation = sidebar.getByRole('group', { name: /^Create 2 sales invoices/ });
    // June's part carried its net forward and was approved at once; July's is still a draft.
    await expectText(
      confirmation,
      /First, in Xero, AMZ-24577301951-2025-06 will be voided \(it is approved: Xero keeps it, marked void\) and AMZ-24577301951-2025-07 will be deleted \(it is a draft or awaiting approval\), so nothing is counted twice\./,
    );
    await sidebar.getByRole('button', { name: 'Cancel' }).click();

    // The same documents approved in Xero: now they will be voided, and Xero keeps them, marked void.
    // A person approves them in Xero (the sandbox's live state, as its documentation invites).
    for (const invoice of sandbox.organisation(TENANT_IDS.us).invoices) invoice.status = 'AUTHORISED';
    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Void and re-post' }).click();
    await expectText(
      sidebar.getByRole('group', { name: /^Create / }),
      /First, in Xero, AMZ-24577301951-2025-06 and AMZ-24577301951-2025-07 will be voided \(they are approved: Xero keeps them, marked void\), so nothing is counted twice\./,
    );
    await sidebar.getByRole('button', { name: 'Void and re-post', exact: true }).click();
    await sidebar.locator('.notice-area .notice.success').waitFor();
    const statuses = sandbox.documents(TENANT_IDS.us).map((d) => [d.invoiceNumber, d.status]);
    expect(statuses).toEqual(expect.arrayContaining([['AMZ-24577301951-2025-07', 'VOIDED'], ['AMZ-24577301951-2025-07-R2', 'DRAFT']]));
  });
});
