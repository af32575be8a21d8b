// Files people really pick, in a real browser: a file that is not a settlement (refused in the
// browser, nothing sent), one whose lines do not add up to its total (shown red, with the
// difference, imported only when kept for inspection, and removable), one carrying a
// formula-looking SKU and an HTML-looking description (shown and stored as text, no script runs),
// one whose amounts add up past what adds exactly (said, never a frozen "Checking…"), and a large
// upload cancelled half-way (nothing left behind).
import { syntheticSettlement } from '../support/synthetic';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { chooseFile, expectText, importChosenFile, openWorkbench, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

const demo = demoSettlement();
const HOSTILE_DESCRIPTION = '<img src=x onerror=alert(1)>';
const FORMULA_SKU = '=HYPERLINK("http://example.com/x","click")';

/** The demo file with one line's field replaced (the first line carrying `find` in that column). */
function demoWith(column: string, find: string, replacement: string): string {
  const [header, ...rows] = demo.text.split('\n');
  const at = header!.split('\t').indexOf(column);
  const index = rows.findIndex((r) => r.split('\t')[at] === find);
  const cells = rows[index]!.split('\t');
  cells[at] = replacement;
  rows[index] = cells.join('\t');
  return [header, ...rows].join('\n');
}

describeInBrowser('settlement files in the sidebar', () => {
  let session: Session;
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await openWorkbench();
    session.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  const transactionRows = () => session.workbench.world.inspect.sheet('Transactions').lastRow;

  it('refuses a file that is not a settlement in the browser, with the parser\'s words, and sends nothing', async () => {
    const { sidebar } = session;
    const before = transactionRows();
    const calls = session.serverCalls.length;
    await chooseFile(sidebar, 'orders.csv', 'date,order id,sku,amount\n2025-06-01,113-1,MUG,18.99\n');
    const message = await expectText(sidebar.locator('.notice-area .notice.error'), /orders\.csv cannot be imported/);
    expect(message).toMatch(/comma|tab|settlement/i);
    expect(await sidebar.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect(transactionRows()).toBe(before);
    expect(await sidebar.locator('.settlement-item').count()).toBe(0);
    expect(session.serverCalls.slice(calls)).toEqual([]);
  });

  it('draws an unbalanced file red, offers another file first, imports it only when kept for inspection, and the server will not post it', async () => {
    const { sidebar } = session;
    // One amount 1.00 higher than Amazon wrote it: the lines no longer add up to the total.
    const [header, summary, first, ...rest] = demo.text.split('\n');
    const cells = first!.split('\t');
    const amountAt = header!.split('\t').indexOf('amount');
    cells[amountAt] = (Number(cells[amountAt]) * 100 + 100) / 100 + '';
    await chooseFile(sidebar, 'edited.txt', [header, summary, cells.join('\t'), ...rest].join('\n'));
    const picture = sidebar.locator('.import-stage .picture');
    await expectText(picture.locator('.verdict.bad'), /Not balanced: the lines come to 1\.00 USD more than the total\. The lines add up to 867\.41 USD but Amazon's total is 866\.41 USD/);
    expect(await picture.locator('.deposit.bad').count()).toBe(1);
    // Not imported unless the person chooses to: the primary button is another file, keeping it is secondary.
    await expectText(sidebar.locator('.import-stage .notice.error'), /This file is not whole: it will not be imported\. The lines come to 1\.00 USD more than the total/);
    expect(await sidebar.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect(await sidebar.locator('.import-stage .buttons button.action').innerText()).toBe('Choose another file');
    await sidebar.getByRole('button', { name: 'Keep it for inspection' }).click();
    await sidebar.getByRole('heading', { name: `Settlement ${demo.settlementId}` }).waitFor();
    await expectText(sidebar.locator('.detail .notice.error'), /In this file the lines come to 1\.00 USD more than the total \(867\.41 USD against Amazon's 866\.41 USD\)/);
    await expectText(sidebar.locator('.detail .verdict.bad'), /the lines come to 1\.00 USD more than the total/);
    expect(await sidebar.locator('.detail').innerText()).not.toMatch(/off by/i);
    expect(await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).isDisabled()).toBe(true);
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).click();
  });

  it('shows a formula-looking SKU and an HTML-looking description as text, and stores them as text', async () => {
    const { sidebar, page, workbench } = session;
    const text = demoWith('sku', 'HLG-CANDLE-CEDAR', FORMULA_SKU).replace(UNMAPPED_DESCRIPTION, HOSTILE_DESCRIPTION);
    await chooseFile(sidebar, 'hostile.txt', text);
    // Same id, different lines: a re-issue the person must confirm.
    await expectText(sidebar.locator('.import-stage'), new RegExp(`no category yet[\\s\\S]*${escape(HOSTILE_DESCRIPTION)}`));
    await sidebar.getByRole('button', { name: /^Import \d/ }).click();
    await sidebar.getByRole('button', { name: 'Replace it' }).click();
    await sidebar.getByRole('heading', { name: `Settlement ${demo.settlementId}` }).waitFor();
    await expectText(sidebar.locator('.unmapped'), new RegExp(escape(HOSTILE_DESCRIPTION)));

    // Nothing became markup in the sidebar or in the workbook view, and no script ran.
    const sidebarFrame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    expect(await sidebarFrame.locator('img').count()).toBe(0);
    await page.getByRole('tab', { name: 'Transactions' }).click();
    await page.locator('#workbook td', { hasText: FORMULA_SKU }).first().waitFor();
    expect(await page.locator('#workbook img, #workbook code').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // In the spreadsheet the SKU is text, not a formula.
    const grid = workbench.world.inspect.grid('Transactions');
    const skuColumn = grid.values[0]!.indexOf('SKU');
    const row = grid.values.findIndex((r) => r[skuColumn] === FORMULA_SKU);
    expect(row).toBeGreaterThan(0);
    expect(grid.formulas[row]![skuColumn]).toBe('');
    await sidebar.getByRole('button', { name: 'Back to all settlements' }).click();
  });

  it('cancels a large upload between chunks and leaves nothing behind', async () => {
    const { sidebar, page, workbench } = session;
    const big = syntheticSettlement({ rows: 12_000, seed: 7 });
    const before = transactionRows();
    const from = session.serverCalls.length;
    const calls = (name: string) => session.serverCalls.slice(from).filter((n) => n === name);
    // Hold the first chunk on its way, so Cancel is pressed while an upload is surely in flight.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/run', async (route) => {
      if ((JSON.parse(route.request().postData() ?? '{}') as { name?: string }).name === 'appendImportLines') await held;
      await route.continue();
    });
    await chooseFile(sidebar, 'big.txt', big.renderV2());
    await sidebar.getByRole('button', { name: /^Import \d[\d,]* lines$/ }).click();
    await expectText(sidebar.locator('.progress'), /0 of [\d,]+ lines sent \(0%\)/);
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
    release();
    await expectText(sidebar.locator('.notice-area .notice'), /Import cancelled: nothing was imported\./);
    await page.unroute('**/api/run');
    // The chunk that was in flight reached Transactions' hidden rows; cancelling deleted them.
    expect(calls('appendImportLines')).toHaveLength(1);
    expect(calls('cancelImport')).toHaveLength(1);
    expect(calls('finishImport')).toHaveLength(0);
    expect(transactionRows()).toBe(before);
    expect(workbench.world.inspect.sheet('Transactions').hiddenRows).toEqual([]);
    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    expect(await sidebar.locator('.settlement-item', { hasText: big.header.settlementId }).count()).toBe(0);
  });

  it('says what is wrong with a file whose amounts add up past what can be added exactly, instead of freezing on "Checking…"', async () => {
    const { sidebar } = session;
    const [header, summary, first, second, ...rest] = demo.text.split('\n');
    const amountAt = header!.split('\t').indexOf('amount');
    const huge = (row: string) => row.split('\t').map((cell, i) => (i === amountAt ? '60000000000000.00' : cell)).join('\t');
    const calls = session.serverCalls.length;
    await chooseFile(sidebar, 'huge.txt', [header, summary, huge(first!), huge(second!), ...rest].join('\n'));
    await expectText(sidebar.locator('.notice-area .notice.error'), /huge\.txt, line 4, column amount: The amounts up to this line add up past 90071992547409\.91 USD, more than SettleSheet can add exactly/);
    expect(await sidebar.locator('.import-stage').innerText()).not.toMatch(/Checking/);
    expect(session.serverCalls.slice(calls)).toEqual([]);
  });

  it('removes a settlement kept for inspection from the workbook, whole, when asked', async () => {
    const { sidebar, workbench } = session;
    const small = syntheticSettlement({ rows: 40, seed: 31 });
    const [header, summary, ...rest] = small.renderV2().split('\n');
    const summaryCells = summary!.split('\t');
    summaryCells[4] = (Number(summaryCells[4]) + 0.01).toFixed(2);
    await chooseFile(sidebar, 'kept.txt', [header, summaryCells.join('\t'), ...rest].join('\n'));
    await sidebar.getByRole('button', { name: 'Keep it for inspection' }).click();
    const id = small.header.settlementId;
    await sidebar.getByRole('heading', { name: `Settlement ${id}` }).waitFor();
    await sidebar.getByRole('button', { name: 'Remove from this workbook' }).click();
    await expectText(sidebar.locator('.remove-area .confirmation'), new RegExp(`Remove settlement ${id} from this workbook\\?[\\s\\S]*Nothing is sent to Xero`));
    await sidebar.getByRole('button', { name: 'Remove it' }).click();
    await expectText(sidebar.locator('.notice-area .notice.success'), new RegExp(`Settlement ${id} was removed from the workbook: 40 lines from kept\\.txt`));
    expect(await sidebar.locator('.settlement-item', { hasText: id }).count()).toBe(0);
    expect(workbench.world.inspect.grid('Transactions').values.some((r) => r[0] === id)).toBe(false);
    expect(workbench.world.inspect.grid('Log').values.some((r) => r[2] === 'Remove' && r[3] === id)).toBe(true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
