/**
 * A person at the workbench in Chromium: the workbench started in-process on a free port, a page
 * on it, and the steps people take (put a file in the sidebar, import, map a line in the Mapping
 * tab, connect through the sandbox's consent page, post). Shared by the browser tests and the
 * screenshots script, so both walk the same path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../../src/workbench/demo-settlement';
import { startWorkbench, type Workbench } from '../../../src/workbench/workbench';
import { launchChromium, type Browser } from './chromium';

/** The repository root (dist/ and the page scripts). */
export const ROOT = path.join(__dirname, '../../..');

/** The workbench, the browser and the page showing it. */
export interface Session {
  workbench: Workbench;
  browser: Browser;
  page: Page;
  /** The sidebar inside the page. */
  sidebar: FrameLocator;
  /** The google.script.run targets the page has called, in order (seen on the wire). */
  serverCalls: string[];
  close(): Promise<void>;
}

/** Builds dist/ when it is missing (`npm test` builds it first). */
function ensureBuilt(root: string): void {
  if (!existsSync(path.join(root, 'dist/Sidebar.html')) || !existsSync(path.join(root, 'dist/Code.js'))) {
    execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  }
}

/** Starts a workbench and opens it in a fresh Chromium. */
export async function openWorkbench(options: { root?: string; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const root = options.root ?? ROOT;
  ensureBuilt(root);
  const workbench = await startWorkbench({ root, port: 0 });
  const browser = await launchChromium(options.viewport);
  const page = await browser.context.newPage();
  const serverCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/run')) serverCalls.push((JSON.parse(request.postData() ?? '{}') as { name?: string }).name ?? '');
  });
  await page.goto(`${workbench.url}/`);
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.getByRole('heading', { name: 'Import a settlement' }).waitFor();
  return {
    workbench,
    browser,
    page,
    sidebar,
    serverCalls,
    close: async () => {
      await browser.close();
      await workbench.close();
    },
  };
}

/**
 * One workbench and browser for a whole test suite (`describe`): started before its tests, closed
 * after; the returned function gives the session to each test.
 */
export function workbenchForSuite(options: { viewport?: { width: number; height: number } } = {}): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openWorkbench(options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The workbench did not start.');
    return session;
  };
}

/** Opens another tab on the same workbench (a colleague, or a second window), its sidebar ready. */
export async function openAnotherPage(session: Session): Promise<{ page: Page; sidebar: FrameLocator }> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.workbench.url}/`);
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.getByRole('heading', { name: 'Import a settlement' }).waitFor();
  return { page, sidebar };
}

/** Gives the sidebar's file input a file, as choosing it in the file dialog would. */
export async function chooseFile(sidebar: FrameLocator | Page, name: string, content: string | Buffer): Promise<void> {
  await sidebar.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') });
}

/**
 * Presses Import and waits for the detail of the imported settlement. Returns every progress
 * value the bar showed, as `sent/total`, recorded in the page as it changed.
 */
export async function importChosenFile(sidebar: FrameLocator, settlementId: string): Promise<string[]> {
  const stage = sidebar.locator('.import-stage');
  await stage.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const watch = () => {
      const bar = element.querySelector('progress');
      if (bar && seen[seen.length - 1] !== `${bar.value}/${bar.max}`) seen.push(`${bar.value}/${bar.max}`);
    };
    new MutationObserver(watch).observe(element, { subtree: true, childList: true, attributes: true });
    // `value` set as a property changes no attribute: poll it as well while the upload runs.
    const timer = setInterval(watch, 5);
    setTimeout(() => clearInterval(timer), 60_000);
  });
  await sidebar.getByRole('button', { name: /^Import \d/ }).click();
  await sidebar.getByRole('heading', { name: `Settlement ${settlementId}` }).waitFor();
  return stage.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

/**
 * Maps an unmapped line type the way a person does: "Show in Mapping" in the sidebar, then the
 * selected Category cell in the workbook view, choose the category, save, and Refresh the detail.
 */
export async function mapInMappingTab(session: { page: Page; sidebar: FrameLocator }, description: string, category: string): Promise<void> {
  const { page, sidebar } = session;
  await sidebar.getByRole('button', { name: new RegExp(`Show .*${description}.* in the Mapping tab`) }).click();
  await sidebar.getByText(/Row \d+ of the Mapping tab is selected/).waitFor();
  const cell = page.locator('#workbook td.active');
  await cell.waitFor();
  await cell.click();
  await page.locator('#editor select').selectOption(category);
  await page.locator('#editor').getByRole('button', { name: 'Save' }).click();
  await page.locator('#workbook td.active', { hasText: category }).waitFor();
  await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
}

/**
 * Connects Xero through the sandbox's consent page in the tab the sidebar opens (from the Xero
 * panel's button, or another such as the detail's "Connect to Xero to post"); returns that tab's final text.
 */
export async function connectXero(session: Session, button = 'Connect to Xero'): Promise<string> {
  const { sidebar, browser } = session;
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), sidebar.getByRole('button', { name: button, exact: true }).click()]);
  await tab.getByRole('button', { name: 'Allow access' }).click();
  await tab.waitForURL(/\/usercallback\?/);
  const text = await tab.locator('body').innerText();
  await tab.close();
  await sidebar.getByText(/^Posts to /).waitFor();
  return text;
}

/** The demo settlement imported, its one unknown line mapped, and Xero connected: ready to post. */
export async function readyToPost(session: Session, settlementId: string, unmappedDescription: string): Promise<void> {
  await session.page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
  await importChosenFile(session.sidebar, settlementId);
  await mapInMappingTab(session, unmappedDescription, 'FBA fees');
  await connectXero(session);
  // Connecting recomputes the open detail with the organisation's account names.
  await session.sidebar.locator('.account', { hasText: 'Amazon Sales' }).first().waitFor();
  await session.sidebar.getByRole('button', { name: 'Post to Xero' }).waitFor();
}

/**
 * For a suite of tests on the demo settlement ready to post: opens the workbench before them (and
 * gets it there), hands the session to `use`, and closes it after them.
 */
export function demoReadyToPostForSuite(use: (session: Session) => void): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openWorkbench();
    use(session);
    const demo = demoSettlement();
    await readyToPost(session, demo.settlementId, UNMAPPED_DESCRIPTION);
  });
  afterAll(async () => {
    await session?.close();
  });
}

/** Waits until the first element `locator` finds has text matching `pattern` (10 s), then asserts it. */
export async function expectText(locator: Locator, pattern: RegExp): Promise<string> {
  await locator.first().waitFor();
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.first().innerText();
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(text).toMatch(pattern);
  return text;
}

/** A person types a value into a cell of the workbench's tab view (as in Sheets: the text is read as typed). */
export async function typeInCell(page: Page, sheet: string, row: number, column: number, value: string): Promise<void> {
  const status = await page.evaluate(
    async (edit) => (await fetch('/api/cell', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(edit) })).status,
    { sheet, row, column, value },
  );
  expect(status).toBe(200);
}

/** Edits a cell in the workbench's tab view as a person does: the tab, the cell, the editor, Save. */
export async function editInTabView(session: Session, tab: string, match: { column: string; value: string }, header: string, value: string): Promise<void> {
  const { page } = session;
  const values = session.workbench.world.inspect.grid(tab).values;
  const row = values.findIndex((r) => r[values[0]!.indexOf(match.column)] === match.value) + 1;
  const column = String.fromCharCode(64 + values[0]!.indexOf(header) + 1);
  // The tab is drawn afresh from the server: wait for that before finding the cell.
  await Promise.all([page.waitForResponse((r) => r.url().includes('/api/workbook?sheet=')), page.locator('#tabs button', { hasText: new RegExp(`^${tab}$`) }).click()]);
  await page.locator(`#workbook td[data-cell="${column}${row}"]`).click();
  const field = page.locator('#editor #edit-value');
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
  await page.locator('#editor').getByRole('button', { name: 'Save' }).click();
}
