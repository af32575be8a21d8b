// Words for a seller, not for the file format (issue 12, §4), in a real browser with a real
// settlement file: a negative settlement is money Amazon took (a bill), not a negative deposit;
// lines lead with their category, with NONE tax and zero lines out of the way; a carried month is
// explained in a sentence; posted documents read in one money style; "Posted at" reads as the
// Settlements tab and the Log write it.
import { readFileSync } from 'node:fs';
import { TENANT_IDS } from '../fakes/xero';
import { sampleFiles } from '../support/samples';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { chooseFile, connectXero, expectText, importChosenFile, workbenchForSuite } from './support/workbench-session';

jest.setTimeout(120_000);

// A real Amazon.ca settlement where the seller owed Amazon 321.69 CAD (see ../shared/samples).
const NEGATIVE = sampleFiles().find((f) => f.name.endsWith('_50011020300.txt'));

describeInBrowser('the sidebar in a seller’s words', () => {
  const suite = workbenchForSuite();
  const demo = demoSettlement();

  it('leads with categories, hides NONE tax and zero lines, and explains the carried month, in the sidebar and the Summary tab', async () => {
    const session = suite();
    const { page, sidebar } = session;
    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    await importChosenFile(sidebar, demo.settlementId);
    await sidebar.getByRole('button', { name: `Use FBA fees for ${UNMAPPED_DESCRIPTION}` }).click();
    await sidebar.locator('.unmapped').waitFor({ state: 'detached' });
    const parts = sidebar.locator('.parts');
    // Category names lead each line; the account and the Amazon line count are the small print.
    const firstLine = parts.locator('.line').first();
    expect(await firstLine.locator('.category').innerText()).toBe('Sales');
    expect(await firstLine.locator('.account').innerText()).toMatch(/^account 201 · \d+ Amazon lines$/);
    const text = await parts.innerText();
    expect(text).not.toMatch(/\bNONE\b|tax NONE/);
    // The tax Amazon collected and withheld nets to zero: folded into one note, not a line of 0.00.
    expect(await parts.locator('.line', { hasText: /^0\.00 USD$/ }).count()).toBe(0);
    expect(await parts.locator('.line .num').allInnerTexts()).not.toContain('0.00 USD');
    expect(text).toMatch(/Also 1 line that comes to 0\.00 USD: Marketplace facilitator tax\./);
    // The June part totals zero: one sentence says why.
    await expectText(parts.locator('.part').first().locator('.carry'), /^The June 2025 lines come to [\d,]+\.\d\d USD\. That is carried forward to July 2025, so this invoice totals 0\.00 USD\. It is created approved, as A2X and Link My Books do, so June 2025's sales and fees are in your reports\.$/);
    await expectText(parts.locator('.part').nth(1).locator('.carry'), /^It includes [\d,]+\.\d\d USD carried forward from June 2025, so it covers the whole settlement\.$/);

    // The Summary tab and the Log, as the workbench shows them, say it the same way.
    await page.locator('#tabs button', { hasText: /^Summary$/ }).click();
    const summary = page.locator('#workbook');
    await expectText(summary, /Amazon paid 866\.41 USD into your bank on 2025-07-10/);
    const summaryText = await summary.innerText();
    expect(summaryText).toMatch(/June 2025\s+Not postable yet|June 2025\s+Sales invoice AMZ-24577301951-2025-06 dated 2025-06-30\s+Sales\s+201/);
    expect(summaryText).toMatch(/Also Marketplace facilitator tax: 0\.00 USD/);
    expect(summaryText).toMatch(/Principal \(Order \/ ItemPrice\), Amazon\.com: 28 lines, 733\.07/);
    expect(summaryText).not.toMatch(/\bNONE\b/);
    await page.locator('#tabs button', { hasText: /^Log$/ }).click();
    await expectText(page.locator('#workbook'), /Inventory Placement Service Fee \(other-transaction\) now counts as FBA fees \(Mapping row \d+\), in every settlement\./);
  });

  it('shows posted documents in one money style and when they were posted as the workbook writes it', async () => {
    const session = suite();
    const { sidebar, workbench } = session;
    await connectXero(session, 'Connect to Xero to post');
    await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    const posted = sidebar.locator('.posted');
    await expectText(posted, /AMZ-24577301951-2025-06 · 0\.00 USD · Approved/);
    const settlements = workbench.world.inspect.grid('Settlements');
    const postedAt = settlements.displayValues.find((r) => r[0] === demo.settlementId)![settlements.values[0]!.indexOf('Posted at')]!;
    expect(postedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expectText(posted, new RegExp(`Posted ${postedAt} by seller@example\\.com\\.`));
    const log = workbench.world.inspect.grid('Log').displayValues;
    expect(log.find((r) => r[2] === 'Post')![0]).toBe(postedAt);
    expect(log.find((r) => r[2] === 'Post')![5]).toMatch(/AMZ-24577301951-2025-07 \(sales invoice, 866\.41 USD · Draft\)/);
    // The Xero line descriptions count in the singular for one.
    const lines = workbench.sandbox.documents(TENANT_IDS.us).flatMap((d) => d.lines.map((l) => l.description ?? ''));
    expect(lines.some((d) => /: 1 Amazon line \(/.test(d))).toBe(true);
    expect(lines.some((d) => /: 1 Amazon lines/.test(d))).toBe(false);
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).click();
  });

  (NEGATIVE ? it : it.skip)('says a negative settlement as money Amazon took from the card, posted as a bill, never as a negative deposit', async () => {
    const session = suite();
    const { sidebar } = session;
    // A CAD settlement suggests the Canadian template; this seller keeps the Accounts rows they have.
    await sidebar.getByText('Settings', { exact: true }).click();
    await sidebar.getByLabel('Where you sell and how you are registered').selectOption({ label: 'My own Accounts rows' });
    await sidebar.getByRole('button', { name: 'Save settings' }).click();
    await expectText(sidebar.locator('.notice-area'), /Settings saved\./);
    await sidebar.getByText('Settings', { exact: true }).click();
    await chooseFile(sidebar, NEGATIVE!.name, readFileSync(NEGATIVE!.path));
    await expectText(sidebar.locator('.import-stage .facts'), /Amazon took\s+321\.69 CAD from your card on 2 Aug 2025/);
    await expectText(sidebar.locator('.import-stage .verdict'), /^✓ Balanced: the lines add up to the 321\.69 CAD Amazon took from your card, to the cent\.$/);
    await importChosenFile(sidebar, '23874396421');
    const detail = sidebar.locator('.detail');
    await expectText(detail.locator('.status-line'), /321\.69 CAD taken/);
    await expectText(detail, /Amazon took 321\.69 CAD from your card on 2 Aug 2025\./);
    await expectText(detail.locator('.parts'), /Bill dated 31 Jul 2025 · total 321\.69 CAD \(a bill shows these lines with their signs flipped\)/);
    expect(await detail.locator('.status-line').innerText()).not.toMatch(/-321\.69/);
    expect(await detail.innerText()).not.toMatch(/deposit of -|Deposit -/i);
    // A CAD settlement in a USD organisation: the person says what left their card, in USD, as the statement shows it.
    // Before it is entered, the one problem and the form ask for the same thing, in the same words.
    await expectText(detail.locator('.notice.error'), /Enter what Amazon took from your card in USD \(below\)/);
    expect(await detail.locator('.status-line .chip').innerText()).toBe('Needs attention');
    expect(session.workbench.world.inspect.grid('Settlements').values.find((r) => r[0] === '23874396421')![10]).toBe('Needs attention');
    const deposit = detail.getByRole('form', { name: "In USD, your organisation's currency" });
    await expectText(deposit, /This settlement is in CAD; your organisation works in USD\./);
    await deposit.getByLabel('What Amazon took from your card, in USD').fill('235.00');
    await deposit.getByRole('button', { name: 'Use this amount' }).click();
    await expectText(detail.locator('form.deposit'), /Every document uses one rate, 1\.368894 CAD per USD: 321\.69 CAD is 235\.00 USD\./);
    await expectText(detail.locator('.notice.warning'), /from the 235\.00 USD Amazon took from your card\./);
    expect((await detail.locator('.notice, form.deposit').allInnerTexts()).join(' ')).not.toMatch(/-235\.00|deposit of -/);
    expect(await detail.locator('.status-line .chip').innerText()).toBe('Ready');
    // The chip and the Settlements tab say the same.
    expect(session.workbench.world.inspect.grid('Settlements').values.find((r) => r[0] === '23874396421')![10]).toBe('Ready');
    await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).click();
    const confirmation = sidebar.getByRole('group', { name: /^Create 1 sales invoice and 1 bill in Harbor Lane Goods Inc\?$/ });
    await expectText(confirmation, /Amazon took 321\.69 CAD from your card: a bill of 321\.69 CAD\./);
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
  });
});
