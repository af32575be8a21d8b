// The README's "A newcomer's minute", done in a real browser against the workbench, word for word:
// the steps and the names of the buttons it tells people to press are read from README.md itself,
// so the README and the product cannot drift apart without this test failing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TENANT_IDS } from '../fakes/xero';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { connectXero, expectText, importChosenFile, openAnotherPage, ROOT, typeInCell, workbenchForSuite } from './support/workbench-session';

jest.setTimeout(120_000);

/** The newcomer's steps as the README writes them: each step's text and its bold words, in order. */
function readmeSteps(): { text: string; bold: string[] }[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf("A newcomer's minute:"), readme.indexOf('You can also import your own'));
  return section
    .split(/\n(?=\d\. )/)
    .slice(1)
    .map((step) => {
      const text = step.replace(/\s+/g, ' ').trim();
      return { text, bold: [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]!) };
    });
}

describeInBrowser('the newcomer path in the workbench, as the README tells it', () => {
  const suite = workbenchForSuite({ viewport: { width: 1366, height: 820 } });
  const demo = demoSettlement();
  const steps = readmeSteps();

  it('has the five steps this test walks, with these words', () => {
    expect(steps.map((s) => s.bold)).toEqual([
      ['Put the demo settlement in the sidebar', 'Import'],
      ['FBA fees', 'Use FBA fees', 'Show in Mapping'],
      ['Connect to Xero to post'],
      ['Post to Xero', 'Create in Xero', 'Post to Xero again'],
      ['Costs', 'Refresh', 'Post to Xero again'],
    ]);
    expect(steps[0]!.text).toContain(`a ${demo.lines}-line USD settlement spanning a month end`);
    expect(steps[1]!.text).toContain(`*${UNMAPPED_DESCRIPTION}*`);
  });

  it('goes from the demo file to two invoices in Xero, and posting again creates nothing', async () => {
    const session = suite();
    const { page, sidebar, workbench } = session;
    const [[demoButton, importWord], [suggested, use], [connect], [post, create, postAgain], [costsTab, refresh, postCosts]] = steps.map((s) => s.bold) as [
      string[], string[], string[], string[], string[],
    ];
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // 1. Put the demo settlement in the sidebar, then Import: the progress bar runs to 100%.
    await page.getByRole('button', { name: demoButton! }).click();
    await sidebar.getByText(demo.settlementId, { exact: true }).waitFor();
    await expectText(sidebar.locator('.picture .verdict'), /Balanced: the lines add up to the deposit of 866\.41 USD, to the cent\./);
    await expectText(sidebar.locator('.import-stage'), new RegExp(`1 line type has no category yet[\\s\\S]*${UNMAPPED_DESCRIPTION}`));
    await expect(sidebar.getByRole('button', { name: new RegExp(`^${importWord} ${demo.lines} lines$`) }).count()).resolves.toBe(1);
    const progress = await importChosenFile(sidebar, demo.settlementId);
    expect(progress.at(-1)).toBe(`${demo.lines}/${demo.lines}`);
    expect(progress.map((p) => Number(p.split('/')[0]))).toEqual([...progress.map((p) => Number(p.split('/')[0]))].sort((a, b) => a - b));
    await expectText(sidebar.locator('.notice-area'), /Imported settlement 24577301951: 311 lines\. 1 line type needs a category\./);

    // 2. The settlement needs a category for the new fee: the sidebar suggests FBA fees and says why.
    const item = sidebar.locator('.unmapped-item');
    expect(await item.count()).toBe(1);
    // The description leads; the file's codes are the small print.
    expect(await item.locator('.line-type').innerText()).toBe(UNMAPPED_DESCRIPTION);
    expect(await item.locator('.codes').innerText()).toMatch(/^other-transaction \/ other-transaction \/ Inventory Placement Service Fee · 1 line/);
    await expectText(item.locator('.suggestion'), new RegExp(`Suggested: ${suggested}\\. "${UNMAPPED_DESCRIPTION}" mentions "inventory", which is usually Amazon handling your stock \\(FBA\\)\\.`));
    // Internal categories are not offered.
    const offered = await item.getByLabel(`Category for ${UNMAPPED_DESCRIPTION}`).locator('option').allInnerTexts();
    expect(offered).toContain('FBA fees');
    expect(offered.filter((o) => ['Loans', 'Carried forward', 'Marketplace facilitator tax'].includes(o))).toEqual([]);
    await expect(sidebar.getByRole('button', { name: post!, exact: true }).isDisabled()).resolves.toBe(true);
    await sidebar.getByRole('button', { name: `${use} for ${UNMAPPED_DESCRIPTION}` }).click();
    await expectText(sidebar.locator('.notice-area'), new RegExp(`${UNMAPPED_DESCRIPTION} now counts as FBA fees \\(Mapping row \\d+\\)`));
    await sidebar.locator('.unmapped').waitFor({ state: 'detached' });
    const mapping = workbench.world.inspect.grid('Mapping').values;
    expect(mapping.find((r) => r[2] === UNMAPPED_DESCRIPTION)![mapping[0]!.indexOf('Category')]).toBe('FBA fees');

    // 3. Connect to Xero to post: the consent page, then the Accounts tab filled by itself.
    await expectText(sidebar.locator('.status-line'), /Ready/);
    expect(await sidebar.getByRole('button', { name: post!, exact: true }).count()).toBe(0);
    const callbackPage = await connectXero(session, connect!);
    expect(callbackPage).toContain('Connected to Harbor Lane Goods Inc');
    await expectText(sidebar.locator('.notice-area'), /Connected: this spreadsheet posts to Harbor Lane Goods Inc\. Its \d+ accounts and \d+ tax rates are in the Accounts tab's dropdowns\./);
    await sidebar.locator('.account', { hasText: 'Amazon Sales' }).first().waitFor();
    const accounts = workbench.world.inspect.grid('Accounts');
    expect(accounts.values.find((r) => r[0] === 'Sales')!.slice(6, 8)).toEqual(['Amazon Sales', 'OK']);
    expect(accounts.validations[1]![4]).toMatchObject({ values: expect.stringMatching(/_SettleSheet Xero/) });
    expect(workbench.world.inspect.grid('_SettleSheet Xero').values[1]![0]).toMatch(/ — /);
    expect(session.serverCalls).not.toContain('refreshXeroAccounts');
    // A second window on the same spreadsheet, looking at the same settlement before it is posted.
    const other = await openAnotherPage(session);
    await other.sidebar.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    await other.sidebar.getByRole('button', { name: post!, exact: true }).waitFor();

    // 4. Post to Xero, then Create in Xero: two invoices, June carried forward (it totals 0, and is
    // approved so June shows in the reports), July the deposit.
    await sidebar.getByRole('button', { name: post!, exact: true }).click();
    const confirmation = sidebar.getByRole('group', { name: /Create 2 sales invoices in Harbor Lane Goods Inc\?/ });
    await expectText(confirmation, /Sales invoice AMZ-24577301951-2025-06, dated 30 Jun 2025, due 10 Jul 2025: 0\.00 USD in \d+ lines, approved: it carries the month forward/);
    await expectText(confirmation, /Sales invoice AMZ-24577301951-2025-07, dated 8 Jul 2025, due 10 Jul 2025: 866\.41 USD in \d+ lines, as a draft/);
    await expectText(confirmation, /Together they add up to the deposit of 866\.41 USD\./);
    await confirmation.getByRole('button', { name: create! }).click();

    await expectText(sidebar.locator('.notice-area .notice.success'), /Settlement 24577301951 is in Harbor Lane Goods Inc: AMZ-24577301951-2025-06 \(sales invoice, 0\.00 USD · Approved\), AMZ-24577301951-2025-07 \(sales invoice, 866\.41 USD · Draft\)\./);
    // The cost of goods sold journals wait, and the message says so (README step 4): both months' journals, and why.
    expect(steps[3]!.text).toContain('the message says so');
    await expectText(sidebar.locator('.notice-area .notice.success'), /Its cost of goods sold journals were not posted: No cost yet for 6 SKUs \([^)]*\)\. Add their unit costs in the Costs tab, where their rows are highlighted\./);
    // One voice: one notice, no spinner, and a status that agrees with it.
    expect(await sidebar.locator('.notice-area .notice').count()).toBe(1);
    expect(await sidebar.locator('.working:visible').count()).toBe(0);
    await expectText(sidebar.locator('.status-line .chip'), /^Posted$/);
    const posted = sidebar.locator('.posted');
    const links = posted.getByRole('link', { name: /^Open Sales invoice .* in Xero \(new tab\)$/ });
    await links.nth(1).waitFor();
    expect(await links.count()).toBe(2);
    for (const link of await links.all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
    }
    await expectText(posted, /Sales invoice AMZ-24577301951-2025-07 · 866\.41 USD · Draft/);
    const documents = workbench.sandbox.documents(TENANT_IDS.us);
    expect(documents.map((d) => [d.invoiceNumber, d.type, d.total, d.status, d.currencyCode])).toEqual([
      ['AMZ-24577301951-2025-06', 'ACCREC', '0.00', 'AUTHORISED', 'USD'],
      ['AMZ-24577301951-2025-07', 'ACCREC', '866.41', 'DRAFT', 'USD'],
    ]);
    const july = posted.getByRole('link', { name: 'Open Sales invoice AMZ-24577301951-2025-07 in Xero (new tab)' });
    expect(await july.getAttribute('href')).toContain(`InvoiceID=${documents[1]!.invoiceId}`);
    const [documentTab] = await Promise.all([session.browser.context.waitForEvent('page'), july.click()]);
    await documentTab.waitForLoadState();
    await expectText(documentTab.locator('body'), /Sales invoice AMZ-24577301951-2025-07[\s\S]*Total USD\s+866\.41/);
    await documentTab.close();

    // Post to Xero again: nothing new is created.
    await sidebar.getByRole('button', { name: postAgain!, exact: true }).click();
    await expectText(sidebar.locator('.notice-area .notice'), /^Already in Harbor Lane Goods Inc: nothing new was created\./);
    expect(workbench.sandbox.documents(TENANT_IDS.us)).toHaveLength(2);
    expect(steps[3]!.text).toContain('nothing new is created');
    // The journals wait for the SKUs' costs.
    expect(workbench.sandbox.journals(TENANT_IDS.us)).toEqual([]);

    // 5. The Costs tab lists the demo's six SKUs, highlighted: a unit cost for each, Refresh, Post to Xero again.
    const costs = workbench.world.inspect.grid(costsTab!).values;
    const skuRows = costs.flatMap((r, i) => (i > 0 && r[0] !== '' ? [i + 1] : []));
    expect(skuRows).toHaveLength(6);
    // Highlighted, as the README and the message say: the tab view shows every SKU row in the "needs a cost" colour.
    expect(steps[4]!.text).toContain('highlighted');
    const skus = skuRows.map((row) => String(costs[row - 1]![0]));
    await Promise.all([page.waitForResponse((r) => r.url().includes('/api/workbook?sheet=')), page.locator('#tabs button', { hasText: new RegExp(`^${costsTab}$`) }).click()]);
    await page.locator('#workbook td', { hasText: skus[0]! }).first().waitFor();
    const backgrounds = await page.locator('#workbook td').evaluateAll(
      (cells, names) => names.map((name) => [...cells].filter((c) => c.textContent === name).map((c) => [...(c.parentElement?.querySelectorAll('td') ?? [])].map((d) => getComputedStyle(d).backgroundColor))),
      skus,
    );
    // Each SKU appears once in the tab, and its whole row is highlighted.
    expect(backgrounds.map((rows) => rows.length)).toEqual(skus.map(() => 1));
    expect(new Set(backgrounds.flat(2))).toEqual(new Set(['rgb(255, 242, 204)']));
    for (const row of skuRows) await typeInCell(page, costsTab!, row, 2, '6.40');
    await sidebar.getByRole('button', { name: refresh!, exact: true }).click();
    // The journals to come, in the seller's words: debit and credit by account, no NONE tax.
    await expectText(sidebar.locator('.cogs'), /Debit 310 Cost of Goods Sold[\s\S]*Credit 630 Inventory/);
    expect(await sidebar.locator('.cogs').innerText()).not.toMatch(/\bNONE\b/);
    await sidebar.getByRole('button', { name: postCosts!, exact: true }).click();
    await expectText(sidebar.locator('.notice-area .notice'), /cost of goods sold/i);
    const journals = workbench.sandbox.journals(TENANT_IDS.us);
    expect(journals.map((j) => j.date)).toEqual(['2025-06-30', '2025-07-08']);
    expect(workbench.sandbox.documents(TENANT_IDS.us)).toHaveLength(2);
    expect(steps[4]!.text).toContain('only the two cost of goods sold journals are created');

    // The stale window still offers Post; what it confirmed is no longer what Post would send, so it
    // is refused with "the preview changed", and nothing new reaches Xero.
    await other.sidebar.getByRole('button', { name: post!, exact: true }).click();
    await other.sidebar.getByRole('button', { name: create! }).click();
    await expectText(other.sidebar.locator('.notice-area .notice'), /The preview changed: look again/);
    expect(await other.sidebar.locator('.notice-area .notice.success').count()).toBe(0);
    expect(workbench.sandbox.documents(TENANT_IDS.us)).toHaveLength(2);
    expect(dialogs).toEqual([]);
  });
});
