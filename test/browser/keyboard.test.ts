// The sidebar without a mouse, and with a screen reader: every control has a name, and a person
// can open a settlement, post it and come back with the keyboard alone, focus following them.
import type { FrameLocator } from 'playwright-core';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { openWorkbench, readyToPost, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

/** The controls on screen and those without an accessible name (label, aria-label(ledby) or text). */
async function controls(sidebar: FrameLocator): Promise<{ shown: number; unnamed: string[] }> {
  return sidebar.locator('body').evaluate((body) => {
    const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || (e as HTMLElement).getClientRects().length > 0;
    const shown = [...body.querySelectorAll('button, input, select, textarea, a[href], progress')].filter((e) => visible(e) || (e as HTMLInputElement).type === 'file');
    const unnamed = shown
      .filter((e) => {
        const labelledBy = e.getAttribute('aria-labelledby');
        const named =
          (e.getAttribute('aria-label') ?? '').trim() !== '' ||
          (labelledBy !== null && labelledBy.split(' ').some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '')) ||
          (e.id !== '' && document.querySelector(`label[for="${e.id}"]`) !== null) ||
          (['BUTTON', 'A'].includes(e.tagName) && (e.textContent ?? '').trim() !== '');
        return !named;
      })
      .map((e) => e.outerHTML.slice(0, 80));
    return { shown: shown.length, unnamed };
  });
}

async function focusedText(sidebar: FrameLocator): Promise<string> {
  return sidebar.locator('body').evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

describeInBrowser('the sidebar with the keyboard', () => {
  let session: Session;
  const demo = demoSettlement();

  beforeAll(async () => {
    session = await openWorkbench();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('names every control on the import screen, the detail and the confirmation', async () => {
    const { sidebar } = session;
    // Connect, file input, Refresh, Settings… then the detail's buttons, links and disclosures.
    expect(await controls(sidebar)).toEqual({ shown: expect.any(Number), unnamed: [] });
    await readyToPost(session, demo.settlementId, UNMAPPED_DESCRIPTION);
    const detail = await controls(sidebar);
    expect(detail).toEqual({ shown: expect.any(Number), unnamed: [] });
    expect(detail.shown).toBeGreaterThan(5);
    await sidebar.getByRole('button', { name: 'Post to Xero' }).click();
    await sidebar.getByRole('group', { name: /^Create / }).waitFor();
    expect(await controls(sidebar)).toEqual({ shown: detail.shown + 1, unnamed: [] });
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).click();
    await sidebar.getByRole('heading', { name: 'Import a settlement' }).waitFor();
  });

  it('opens a settlement, posts it and comes back with the keyboard alone', async () => {
    const { sidebar, page } = session;
    const item = sidebar.getByRole('button', { name: new RegExp(demo.settlementId) });
    await item.focus();
    await page.keyboard.press('Enter');
    // Focus moves to the detail's heading, then Tab walks its controls.
    await sidebar.locator('.post-area button').waitFor();
    expect(await focusedText(sidebar)).toBe(`Settlement ${demo.settlementId}`);
    for (let i = 0; i < 40 && (await focusedText(sidebar)) !== 'Post to Xero'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The confirmation takes the focus, its button is the next stop.
    await sidebar.getByRole('group', { name: /^Create / }).waitFor();
    expect(await focusedText(sidebar)).toMatch(/^Create 2 sales invoices/);
    await page.keyboard.press('Tab');
    expect(await focusedText(sidebar)).toBe('Create in Xero');
    await page.keyboard.press('Enter');
    await sidebar.locator('.notice-area .notice.success').waitFor();
    expect(await focusedText(sidebar)).toMatch(/^Settlement 24577301951 is in Harbor Lane Goods Inc/);
    expect(session.workbench.sandbox.documents(session.workbench.sandbox.organisations()[0]!.tenantId)).toHaveLength(2);

    // Back to the list: the focus returns to the settlement it came from.
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).focus();
    await page.keyboard.press('Enter');
    await sidebar.getByRole('heading', { name: 'Import a settlement' }).waitFor();
    let focused = '';
    for (let i = 0; i < 50 && !focused.startsWith(demo.settlementId); i++) {
      focused = await focusedText(sidebar);
      await page.waitForTimeout(100);
    }
    expect(focused).toMatch(new RegExp(`^${demo.settlementId}\\s*Posted`));
  });
});
