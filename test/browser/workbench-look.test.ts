// The workbench at 1366×820, a common laptop screen (issue 12, §5): the page fits without
// scrolling, its header rows do not wrap, "Show in Mapping" brings the row into view below the
// sticky rows, the rows the sidebar calls highlighted are highlighted, the frozen header stays, the
// settings dropdowns show their whole text, the name appears once, and hidden tabs read plainly.
import type { Locator } from 'playwright-core';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { expectText, importChosenFile, workbenchForSuite } from './support/workbench-session';

jest.setTimeout(120_000);

const WAITING = 'rgb(255, 242, 204)'; // #fff2cc, the Mapping tab's "needs a category" rule

async function box(locator: Locator): Promise<{ top: number; bottom: number; left: number; right: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return { top: b.y, bottom: b.y + b.height, left: b.x, right: b.x + b.width, height: b.height };
}

describeInBrowser('the workbench on a 1366×820 screen', () => {
  const suite = workbenchForSuite({ viewport: { width: 1366, height: 820 } });
  const demo = demoSettlement();

  it('fits the window: no page scroll, each header row one line high', async () => {
    const session = suite();
    const { page } = session;
    const overflow = await page.evaluate(() => ({ page: document.documentElement.scrollHeight - window.innerHeight, wide: document.documentElement.scrollWidth - window.innerWidth }));
    expect(overflow).toEqual({ page: 0, wide: 0 });
    for (const row of ['header .title-row', 'header .actions']) {
      const height = (await box(page.locator(row))).height;
      expect([row, height < 40]).toEqual([row, true]);
    }
    // The tabs bar is one row too (it scrolls sideways, as Sheets' does).
    const tabs = await page.locator('#tabs button').evaluateAll((buttons) => [...new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)))]);
    expect(tabs).toHaveLength(1);
  });

  it('shows the name once, and hidden tabs with a plain "hidden" label apart from the name', async () => {
    const session = suite();
    const { page, sidebar } = session;
    // The workbench's title bar says SettleSheet, as Google's sidebar title does; the sidebar does not repeat it.
    expect(await page.locator('aside h2').innerText()).toBe('SettleSheet');
    const shownInSidebar = await sidebar.locator('body').evaluate((body) =>
      [...body.querySelectorAll('*')].filter((e) => e.children.length === 0 && e.textContent?.trim() === 'SettleSheet' && e.getBoundingClientRect().width > 2).length,
    );
    expect(shownInSidebar).toBe(0);
    expect(await sidebar.getByRole('heading', { level: 1, name: 'SettleSheet' }).count()).toBe(1);
    const hidden = page.locator('#tabs .hidden-tab', { hasText: 'aggregates' });
    expect(await hidden.innerText()).toMatch(/^_SettleSheet aggregates\s+hidden$/);
    const gap = await hidden.evaluate((button) => {
      const label = button.querySelector('.hidden-label')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(button.firstChild!);
      return label.left - range.getBoundingClientRect().right;
    });
    expect(gap).toBeGreaterThanOrEqual(4);
  });

  it('shows the settings dropdowns\' whole text in the 300 px sidebar', async () => {
    const session = suite();
    const { sidebar } = session;
    await sidebar.getByText('Settings', { exact: true }).click();
    const selects = sidebar.locator('.settings select');
    await selects.first().waitFor();
    const cut = await selects.evaluateAll((elements) =>
      elements.flatMap((select) => {
        const s = select as HTMLSelectElement;
        const style = getComputedStyle(s);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.position = 'absolute';
        probe.style.whiteSpace = 'nowrap';
        document.body.append(probe);
        // The text area of a select: its width less its padding and the arrow (about 24 px).
        const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
        const tooLong = [...s.options].filter((o) => {
          probe.textContent = o.text;
          return probe.getBoundingClientRect().width > room;
        });
        probe.remove();
        return tooLong.map((o) => o.text);
      }),
    );
    expect(cut).toEqual([]);
    // What each choice means is said under it, in full.
    await sidebar.locator('.settings').getByText(/earlier months are carried into the last/).waitFor();
    // Where you sell: each template says what it sets up, and that the Accounts tab changes only when asked.
    const template = sidebar.getByLabel('Where you sell and how you are registered');
    await template.selectOption({ label: 'United Kingdom, not VAT registered' });
    await expectText(sidebar.locator('.settings'), /Accounts and tax types as a seller who is “United Kingdom, not VAT registered” books them, in Xero's UK edition\. The Accounts tab changes only if you tick the box below\./);
    await template.selectOption({ label: 'United Kingdom, VAT registered' });
    await expectText(sidebar.locator('.settings'), /in Xero's UK edition; suggested for Amazon\.co\.uk settlements\./);
    expect(await sidebar.getByLabel(/Replace the Accounts tab's rows/).isChecked()).toBe(true);
    await template.selectOption({ label: 'Not chosen (US accounts)' });
    // Cost of goods sold: on or off, said in words, and saved with the rest.
    const cogs = sidebar.getByLabel('Cost of goods sold', { exact: true });
    expect(await cogs.inputValue()).toBe('on');
    await expectText(sidebar.locator('.settings'), /costed from the Costs tab, become one Xero journal \(debit Cost of goods sold, credit Inventory\), posted with the invoices\./);
    await cogs.selectOption('off');
    await expectText(sidebar.locator('.settings'), /No journal is made or posted and the Costs tab is not read\./);
    await sidebar.getByRole('button', { name: 'Save settings' }).click();
    await expectText(sidebar.locator('.notice-area'), /Settings saved\./);
    expect(await sidebar.getByLabel('Cost of goods sold', { exact: true }).inputValue()).toBe('off');
    await sidebar.getByLabel('Cost of goods sold', { exact: true }).selectOption('on');
    await sidebar.getByRole('button', { name: 'Save settings' }).click();
    await expectText(sidebar.locator('.notice-area'), /Settings saved\./);
    await sidebar.getByText('Settings', { exact: true }).click();
  });

  it('brings the row "Show in Mapping" selects into view, below the sticky rows, highlighted until it has a category', async () => {
    const session = suite();
    const { page, sidebar } = session;
    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    await importChosenFile(sidebar, demo.settlementId);
    await sidebar.getByRole('button', { name: `Show ${UNMAPPED_DESCRIPTION} in the Mapping tab` }).click();
    const active = page.locator('#workbook td.active');
    await active.waitFor();
    await page.waitForFunction(() => {
      const cell = document.querySelector('#workbook td.active')!.getBoundingClientRect();
      const view = document.querySelector('#workbook')!;
      const area = view.getBoundingClientRect();
      return cell.bottom <= area.top + view.clientHeight && cell.top >= area.top;
    });
    // Wholly inside the view's visible area (not under the horizontal scrollbar), and below the
    // column letters and the frozen header row.
    const view = page.locator('#workbook');
    const visible = await view.evaluate((v) => v.getBoundingClientRect().top + v.clientHeight);
    const cell = await box(active);
    const frozen = await box(page.locator('#workbook tr.frozen td').first());
    expect(cell.bottom).toBeLessThanOrEqual(visible);
    expect(cell.top).toBeGreaterThanOrEqual(frozen.bottom);
    // The sidebar says the row is highlighted: it is, across the row, and other rows are not.
    await sidebar.locator('.notice-area', { hasText: /Row \d+ of the Mapping tab is selected/ }).waitFor();
    const row = active.locator('xpath=..');
    const colours = await row.locator('td').evaluateAll((cells) => cells.map((c) => getComputedStyle(c).backgroundColor));
    expect(new Set(colours)).toEqual(new Set([WAITING]));
    const mapped = page.locator('#workbook tr', { hasText: 'Storage Fee' }).first().locator('td').first();
    expect(await mapped.evaluate((c) => getComputedStyle(c).backgroundColor)).not.toBe(WAITING);

    // The sticky header stays put while the tab scrolls.
    const before = { letters: await box(page.locator('#workbook thead th').nth(1)), header: await box(page.locator('#workbook tr.frozen td').first()) };
    await view.evaluate((v) => v.scrollTo(0, 0));
    await view.evaluate((v) => v.scrollTo(0, 400));
    const after = { letters: await box(page.locator('#workbook thead th').nth(1)), header: await box(page.locator('#workbook tr.frozen td').first()) };
    expect([after.letters.top, after.header.top]).toEqual([before.letters.top, before.header.top]);
    expect(await page.locator('#workbook tr.frozen td').first().innerText()).toBe('Transaction type');

    // Once it has a category (chosen in the sidebar), the highlight goes.
    await sidebar.getByRole('button', { name: `Use FBA fees for ${UNMAPPED_DESCRIPTION}` }).click();
    await sidebar.locator('.unmapped').waitFor({ state: 'detached' });
    await page.waitForFunction((waiting) => {
      const cell = [...document.querySelectorAll('#workbook td')].find((c) => c.textContent === 'Inventory Placement Service Fee');
      return cell !== undefined && getComputedStyle(cell).backgroundColor !== waiting;
    }, WAITING);
  });
});
