// Tax lines waiting for a category (issue 12, §4 and the Mapping tab's "Tax remitted by" column),
// in Chromium: a Tax line that is the seller's in one order and Amazon's in another is two kinds of
// line, told apart in the sidebar as the Mapping tab tells them apart, and "Show in Mapping"
// selects the row of the right kind, in view and highlighted. (The shipped rules map every Tax
// line; here an accountant has cleared their categories, to decide them afresh.)
import { V2_COLUMNS } from '../support/synthetic';
import { describeInBrowser } from './support/chromium';
import { chooseFile, expectText, importChosenFile, typeInCell, workbenchForSuite } from './support/workbench-session';

jest.setTimeout(120_000);

const WAITING = 'rgb(255, 242, 204)'; // #fff2cc, the Mapping tab's "needs a category" rule
const ID = '32000000001';

/** A Flat File V2 settlement from [transaction type, order id, amount type, description, amount] rows. */
function flatFile(rows: [string, string, string, string, string][]): string {
  const total = rows.reduce((sum, r) => sum + Math.round(Number(r[4]) * 100), 0) / 100;
  const line = (values: Record<string, string>) => V2_COLUMNS.map((c) => values[c] ?? '').join('\t');
  return [
    V2_COLUMNS.join('\t'),
    line({ 'settlement-id': ID, 'settlement-start-date': '2025-08-01 00:00:00 UTC', 'settlement-end-date': '2025-08-14 00:00:00 UTC', 'deposit-date': '2025-08-16 00:00:00 UTC', 'total-amount': total.toFixed(2), currency: 'USD' }),
    ...rows.map(([type, order, amountType, description, amount]) =>
      line({ 'settlement-id': ID, 'transaction-type': type, 'order-id': order, 'marketplace-name': 'Amazon.com', 'amount-type': amountType, 'amount-description': description, amount, 'posted-date': '2025-08-05', sku: 'MUG', 'quantity-purchased': amountType === 'ItemPrice' && description === 'Principal' ? '1' : '' }),
    ),
  ].join('\n');
}

describeInBrowser('tax lines waiting for a category', () => {
  const suite = workbenchForSuite({ viewport: { width: 1366, height: 820 } });

  it('are told apart by who remits the tax, and "Show in Mapping" selects the row of that kind', async () => {
    const { page, sidebar, workbench } = suite();
    // The tabs are made on first use: the sidebar's list made them. Clear the two shipped Tax rules' categories.
    const shipped = workbench.world.inspect.grid('Mapping').values;
    const at = (name: string) => shipped[0]!.indexOf(name);
    const taxRules = shipped.flatMap((r, i) => (r[at('Transaction type')] === '' && r[at('Amount type')] === 'ItemPrice' && r[at('Amount description')] === 'Tax' ? [i + 1] : []));
    expect(taxRules).toHaveLength(2);
    for (const row of taxRules) await typeInCell(page, 'Mapping', row, at('Category') + 1, '');
    await chooseFile(sidebar, 'tax.txt', flatFile([
      ['Order', '111-0000001-0000001', 'ItemPrice', 'Principal', '20.00'],
      // A new transaction type: in one order Amazon collects and withholds the tax, in the other the seller owes it.
      ['Order', '111-0000001-0000001', 'ItemPrice', 'Tax', '1.60'],
      ['Order', '111-0000001-0000001', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '-1.60'],
      ['Order', '111-0000002-0000002', 'ItemPrice', 'Tax', '2.40'],
    ]));
    await importChosenFile(sidebar, ID);
    const items = sidebar.locator('.unmapped-item');
    await items.first().waitFor();
    // Listed largest first (the preview keeps the largest when it has to cut a long list).
    expect((await items.locator('.line-type').allInnerTexts()).sort()).toEqual(['Tax (tax Amazon remits)', 'Tax (tax you owe)']);
    expect((await items.locator('.codes').allInnerTexts()).sort()).toEqual([
      'Order / ItemPrice / Tax · Tax remitted by: Amazon · 1 line · Amazon.com',
      'Order / ItemPrice / Tax · Tax remitted by: Seller · 1 line · Amazon.com',
    ]);

    const mapping = () => workbench.world.inspect.grid('Mapping').values;
    const header = mapping()[0]!;
    for (const [kind, remitter] of [['tax you owe', 'Seller'], ['tax Amazon remits', 'Amazon']] as const) {
      await sidebar.getByRole('button', { name: `Show Tax (${kind}) in the Mapping tab` }).click();
      const said = await expectText(sidebar.locator('.notice-area'), /^Row \d+ of the Mapping tab is selected\./);
      const row = Number(/Row (\d+)/.exec(said)![1]);
      const values = mapping()[row - 1]!;
      expect([values[header.indexOf('Transaction type')], values[header.indexOf('Amount description')], values[header.indexOf('Tax remitted by')]]).toEqual(['Order', 'Tax', remitter]);
      // The selected cell is that row's Category, in view, on a highlighted row.
      const active = page.locator('#workbook td.active');
      await page.waitForFunction((r) => document.querySelector('#workbook td.active')?.getAttribute('data-cell') === `H${r}`, row);
      expect(await active.getAttribute('data-cell')).toBe(`${String.fromCharCode(65 + header.indexOf('Category'))}${row}`);
      await page.waitForFunction(() => {
        const cell = document.querySelector('#workbook td.active')!.getBoundingClientRect();
        const view = document.querySelector('#workbook')!.getBoundingClientRect();
        return cell.top >= view.top && cell.bottom <= view.bottom && cell.right <= view.right;
      });
      const taxCell = active.locator('xpath=..').locator(`td[data-cell="${String.fromCharCode(65 + header.indexOf('Tax remitted by'))}${row}"]`);
      expect(await taxCell.innerText()).toBe(remitter);
      expect(await taxCell.evaluate((c) => getComputedStyle(c).backgroundColor)).toBe(WAITING);
    }
  });
});
