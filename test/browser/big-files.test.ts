// Big settlement files never look frozen (issue 12, §6): the file is read in a Worker started from
// the script Sidebar.html carries, with a progress bar from the moment it is chosen; where a
// Worker cannot start or is refused, the same reading runs in the page, in slices, and still finishes. (How
// long the page is ever blocked is measured by `npm run bench:browser`, not asserted here.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticSettlement } from '../support/synthetic';
import { demoSettlement } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { expectText, openWorkbench, type Session } from './support/workbench-session';

jest.setTimeout(180_000);

/** Records, in the page, every progress text the import stage shows from now on. */
async function watchProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { readingSeen: string[] }).readingSeen = seen;
    const stage = document.querySelector('.import-stage')!;
    const look = () => {
      const reading = stage.querySelector('.progress.reading');
      const text = reading ? `${reading.getAttribute('data-reader')}|${reading.textContent}` : '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(look).observe(stage, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { readingSeen: string[] }).readingSeen);
}

describeInBrowser('big settlement files in the sidebar', () => {
  let session: Session;
  let folder = '';

  beforeAll(async () => {
    session = await openWorkbench();
    folder = mkdtempSync(path.join(tmpdir(), 'settlesheet-big-'));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The sidebar alone in a page of its own, with `setup` run before its script (to take Workers away). */
  async function sidebarPage(setup?: () => void): Promise<Page> {
    const page = await session.browser.context.newPage();
    if (setup) await page.addInitScript(setup);
    await page.goto(`${session.workbench.url}/sidebar`);
    await page.getByRole('heading', { name: 'Import a settlement' }).waitFor();
    return page;
  }

  it('reads a 300,000-line file in a Worker, the progress bar there from the start and moving', async () => {
    const big = syntheticSettlement({ rows: 300_000, seed: 12 });
    const file = path.join(folder, 'big.txt');
    writeFileSync(file, big.renderV2());
    const page = await sidebarPage();
    const seen = await watchProgress(page);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.import-stage .facts').waitFor({ timeout: 120_000 });
    const texts = await seen();
    // The first thing shown names the file and its size; every step ran in the Worker.
    expect(texts[0]).toMatch(/^worker\|Reading big\.txt \(\d+\.\d MB\)…$/);
    expect(texts.every((t) => t.startsWith('worker|'))).toBe(true);
    const percents = texts.map((t) => /: (\d+)%$/.exec(t)?.[1]).filter((p): p is string => p !== undefined).map(Number);
    expect(percents.length).toBeGreaterThanOrEqual(2);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    const lines = (300_000).toLocaleString('en-US');
    await page.getByRole('button', { name: `Import ${lines} lines` }).waitFor();
    await expectText(page.locator('.import-stage .verdict'), /^✓ Balanced/);
    await page.close();
  });

  it('reads in the page where a Worker cannot start, and the Log of the import says so', async () => {
    const page = await sidebarPage(() => {
      Object.defineProperty(window, 'Worker', { value: undefined });
    });
    const seen = await watchProgress(page);
    const demo = demoSettlement();
    await page.locator('input[type=file]').setInputFiles({ name: demo.fileName, mimeType: 'text/plain', buffer: Buffer.from(demo.text) });
    await page.getByRole('button', { name: `Import ${demo.lines} lines` }).click();
    await page.getByRole('heading', { name: `Settlement ${demo.settlementId}` }).waitFor();
    expect((await seen())[0]).toMatch(/^page\|Reading /);
    // Whether a Worker can start in Apps Script's sidebar is an assumption: the first real import's Log line proves it.
    const log = session.workbench.world.inspect.grid('Log').values.filter((r) => r[2] === 'Import').at(-1);
    expect(String(log?.[5])).toMatch(/ Read in the browser on the page \(no Worker could start\)\.$/);
    await page.close();
  });

  it('reads a big file in the page in slices where a Worker cannot start: the bar moves and the page answers meanwhile', async () => {
    const big = syntheticSettlement({ rows: 300_000, seed: 13 });
    const file = path.join(folder, 'big-in-page.txt');
    writeFileSync(file, big.renderV2());
    const page = await sidebarPage(() => {
      Object.defineProperty(window, 'Worker', { value: undefined });
    });
    const seen = await watchProgress(page);
    // A timer the page runs while it reads: it fires only when the page's thread is free between slices.
    await page.evaluate(() => {
      const w = window as unknown as { ticks: number; reading: boolean };
      w.ticks = 0;
      w.reading = false;
      document.querySelector('input[type=file]')!.addEventListener('change', () => (w.reading = true), { capture: true });
      const tick = () => {
        if (w.reading && !document.querySelector('.import-stage .facts')) w.ticks++;
        setTimeout(tick, 0);
      };
      tick();
    });
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.import-stage .facts').waitFor({ timeout: 120_000 });
    const texts = await seen();
    expect(texts.every((t) => t.startsWith('page|'))).toBe(true);
    const percents = texts.map((t) => /: (\d+)%$/.exec(t)?.[1]).filter((p): p is string => p !== undefined).map(Number);
    // The bar was drawn at several points on the way, in order, not only at the end.
    expect(new Set(percents.filter((p) => p > 0 && p < 100)).size).toBeGreaterThanOrEqual(3);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(await page.evaluate(() => (window as unknown as { ticks: number }).ticks)).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: `Import ${(300_000).toLocaleString('en-US')} lines` }).waitFor();
    await page.close();
  });

  it('reads in the page when the browser refuses the Worker\'s script after starting it', async () => {
    const page = await sidebarPage(() => {
      // A sandbox that blocks scripts from Blob addresses: the Worker starts, then fails to load.
      class Refused {
        onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
        onmessage: unknown = null;
        constructor() {
          setTimeout(() => this.onerror?.({ message: 'Refused to load the script', preventDefault: () => undefined }), 20);
        }
        postMessage(): void {}
        terminate(): void {}
      }
      Object.defineProperty(window, 'Worker', { value: Refused });
    });
    const demo = demoSettlement();
    await page.locator('input[type=file]').setInputFiles({ name: demo.fileName, mimeType: 'text/plain', buffer: Buffer.from(demo.text) });
    await page.getByRole('button', { name: `Import ${demo.lines} lines` }).waitFor();
    await expectText(page.locator('.import-stage .verdict'), /^✓ Balanced/);
    await page.close();
  });
});
