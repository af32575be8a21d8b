/**
 * `npm run screenshots`: walks the newcomer path in the workbench with Chromium and saves the main
 * screens to docs/ for the README: the import with its reconciliation picture, a line type with its
 * suggested category, the workbench at 1366×820 with the Mapping tab, a settlement's detail, the
 * post confirmation, the posted documents, and what changed after a Mapping row of the posted
 * settlement was edited (with the workbench showing the spreadsheet's message at the edit).
 * Bundled to dist/screenshots.cjs, so the repository root is one folder up.
 */
import path from 'node:path';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { chooseFile, connectXero, editInTabView, importChosenFile, openWorkbench } from './support/workbench-session';

const root = path.resolve(__dirname, '..');
const docs = path.join(root, 'docs');

async function main(): Promise<void> {
  const demo = demoSettlement();
  const session = await openWorkbench({ root, viewport: { width: 1366, height: 820 } });
  try {
    const { page, sidebar } = session;
    // The sidebar alone, 300 px wide as in Google Sheets, on the same spreadsheet: whole-page pictures.
    const alone = await session.browser.context.newPage();
    await alone.setViewportSize({ width: 300, height: 1000 });
    // Whole page for the import and the detail; the top 1,000 px where the news is.
    const shoot = async (name: string, fullPage = true) => {
      await alone.screenshot({ path: path.join(docs, name), fullPage, ...(fullPage ? {} : { clip: { x: 0, y: 0, width: 300, height: 1000 } }) });
      console.log(`docs/${name}`);
    };
    await alone.goto(`${session.workbench.url}/sidebar`);
    await chooseFile(alone, demo.fileName, demo.text);
    await alone.locator('.picture .verdict').waitFor();
    await shoot('sidebar-import.png');

    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    await importChosenFile(sidebar, demo.settlementId);
    // The same settlement in the lone sidebar: the line type waiting for a category, with its suggestion.
    await alone.reload();
    await alone.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    await alone.locator('.unmapped-item .suggestion').waitFor();
    await alone.locator('.unmapped').evaluate((e) => window.scrollTo(0, (e as HTMLElement).offsetTop - 120));
    await shoot('sidebar-category.png', false);
    await sidebar.getByRole('button', { name: new RegExp(`Show .*${UNMAPPED_DESCRIPTION}.* in the Mapping tab`) }).click();
    const cell = page.locator('#workbook td.active');
    await cell.waitFor();
    await cell.click();
    await page.locator('#editor select').selectOption('FBA fees');
    await page.screenshot({ path: path.join(docs, 'workbench.png') });
    console.log('docs/workbench.png');
    await page.locator('#editor').getByRole('button', { name: 'Save' }).click();
    await page.locator('#workbook td.active', { hasText: 'FBA fees' }).waitFor();
    await connectXero(session);

    await alone.reload();
    await alone.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    await alone.locator('.account', { hasText: 'Amazon Sales' }).first().waitFor();
    await alone.locator('.line details summary').first().click();
    await shoot('sidebar-detail.png');

    await alone.getByRole('button', { name: 'Post to Xero', exact: true }).click();
    await alone.locator('.confirmation').waitFor();
    await alone.locator('.confirmation').evaluate((e) => window.scrollTo(0, (e as HTMLElement).offsetTop - 200));
    await shoot('sidebar-confirm.png', false);

    await alone.getByRole('button', { name: 'Create in Xero' }).click();
    await alone.locator('.posted').waitFor();
    await alone.evaluate(() => window.scrollTo(0, 0));
    await shoot('sidebar-posted.png', false);

    // The accountant moves the placement fee to Storage: the spreadsheet says so at once, the detail shows what changed.
    await editInTabView(session, 'Mapping', { column: 'Amount description', value: UNMAPPED_DESCRIPTION }, 'Category', 'Storage');
    await page.locator('#toast').waitFor();
    // The sidebar beside it, refreshed, shows what changed.
    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await sidebar.locator('.changes').waitFor();
    await sidebar.locator('.changes').evaluate((e) => window.scrollTo(0, (e as HTMLElement).offsetTop - 60));
    await page.screenshot({ path: path.join(docs, 'workbench-edit.png') });
    console.log('docs/workbench-edit.png');
    await alone.reload();
    await alone.getByRole('button', { name: new RegExp(demo.settlementId) }).click();
    const changes = alone.locator('.changes');
    await changes.waitFor();
    await changes.evaluate((e) => window.scrollTo(0, (e as HTMLElement).offsetTop - 12));
    await shoot('sidebar-changes.png', false);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
