/**
 * `npm run bench:browser`: what a person choosing a big settlement file sees, measured in Chromium
 * on the workbench's real sidebar. For synthetic Flat File V2 files of 100,000 and 1,000,000 lines:
 * - first progress: from the file input's change event to the progress bar being on the page;
 * - check time: from the change event to the file's facts and the Import button (read, parsed,
 *   fingerprinted in the Worker, the Mapping tab fetched, reckoned);
 * - longest block: the longest task on the page's main thread meanwhile (PerformanceObserver
 *   "longtask", which reports tasks over 50 ms; none means every task stayed under 50 ms);
 * - peak memory: the highest resident memory of Chromium's renderer processes (the page and its
 *   Worker) while it works, minus before the file was chosen (Linux /proc).
 * The page fallback (no Worker) is measured too: it reads in slices, so its longest block is one slice.
 * Then, at 100,000 lines (a million do not fit a workbook's 10 million cells), the upload: from the
 * click on Import to the upload's progress bar on the page and to its first chunk acknowledged, the
 * whole upload, and the longest main-thread block meanwhile, each on a fresh workbench. Bundled to
 * dist/bench-browser.cjs, so the repository root is one folder up.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startWorkbench } from '../../src/workbench/workbench';
import { CHROMIUM } from '../browser/support/chromium';
import { syntheticSettlement } from '../support/synthetic';

const root = path.resolve(__dirname, '..');
const CASES: { lines: number; mode: 'worker' | 'page'; runs: number }[] = [
  { lines: 100_000, mode: 'worker', runs: 3 },
  { lines: 1_000_000, mode: 'worker', runs: 2 },
  { lines: 100_000, mode: 'page', runs: 2 },
  { lines: 1_000_000, mode: 'page', runs: 1 },
];
const UPLOADS: { lines: number; mode: 'worker' | 'page'; runs: number }[] = [
  { lines: 100_000, mode: 'worker', runs: 2 },
  { lines: 100_000, mode: 'page', runs: 1 },
];

interface Upload {
  barMs: number;
  firstChunkMs: number;
  uploadMs: number;
  longestBlockMs: number;
}

interface Run {
  firstProgressMs: number;
  checkMs: number;
  longestBlockMs: number;
  longTasks: number;
  peakBytes: number;
  mode: string;
}

/** Resident bytes of the renderer processes under `ancestor` (the page and its Worker live there). */
function rendererResident(ancestor: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer')) {
          total += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1] ?? 0) * 1024;
        }
      } catch {
        // Gone.
      }
      walk(child);
    }
  };
  walk(ancestor);
  return total;
}

async function measure(browser: Browser, url: string, file: string, lines: number, mode: 'worker' | 'page'): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  if (mode === 'page') await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await page.goto(`${url}/sidebar`);
  await page.getByRole('heading', { name: 'Import a settlement' }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { bench: { changed: number; progress: number; done: number; tasks: number[] } };
    w.bench = { changed: 0, progress: 0, done: 0, tasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (w.bench.changed > 0 && w.bench.done === 0) w.bench.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    document.querySelector('input[type=file]')!.addEventListener('change', () => (w.bench.changed = performance.now()), { capture: true });
    const stage = document.querySelector('.import-stage')!;
    new MutationObserver(() => {
      if (!w.bench.progress && stage.querySelector('.progress.reading')) w.bench.progress = performance.now();
      if (!w.bench.done && stage.querySelector('.facts')) w.bench.done = performance.now();
    }).observe(stage, { childList: true, subtree: true });
  });
  // Chromium runs as a child of this process: its renderers are our descendants, nobody else's.
  const pid = process.pid;
  const before = rendererResident(pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, rendererResident(pid));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: `Import ${lines.toLocaleString('en-US')} lines` }).waitFor({ timeout: 600_000 });
  sampling = false;
  await sampler;
  const bench = await page.evaluate(() => (window as unknown as { bench: { changed: number; progress: number; done: number; tasks: number[] } }).bench);
  const reader = await page.evaluate(() => document.querySelector('[data-reader]')?.getAttribute('data-reader') ?? '');
  await context.close();
  return {
    firstProgressMs: bench.progress - bench.changed,
    checkMs: bench.done - bench.changed,
    longestBlockMs: Math.max(0, ...bench.tasks),
    longTasks: bench.tasks.length,
    peakBytes: peak - before,
    mode: reader || mode,
  };
}

/** Chooses the file, waits for the check, then presses Import and times the upload until the settlement's detail. */
async function measureUpload(browser: Browser, file: string, lines: number, mode: 'worker' | 'page'): Promise<Upload> {
  const workbench = await startWorkbench({ root, port: 0 });
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  try {
    const page = await context.newPage();
    if (mode === 'page') await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
    await page.goto(`${workbench.url}/sidebar`);
    await page.getByRole('heading', { name: 'Import a settlement' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    const button = page.getByRole('button', { name: `Import ${lines.toLocaleString('en-US')} lines` });
    await button.waitFor({ timeout: 600_000 });
    await page.evaluate(() => {
      const w = window as unknown as { upload: { clicked: number; bar: number; chunk: number; done: number; tasks: number[] } };
      w.upload = { clicked: 0, bar: 0, chunk: 0, done: 0, tasks: [] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (w.upload.clicked > 0 && w.upload.done === 0) w.upload.tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      const stage = document.querySelector('.import-stage')!;
      stage.addEventListener('click', () => (w.upload.clicked ||= performance.now()), { capture: true });
      const look = () => {
        const bar = stage.querySelector<HTMLProgressElement>('.progress:not(.reading) progress');
        if (bar && !w.upload.bar) w.upload.bar = performance.now();
        if (bar && bar.value > 0 && !w.upload.chunk) w.upload.chunk = performance.now();
        if (!w.upload.done && [...document.querySelectorAll('h2, h3')].some((h) => /^Settlement \d+$/.test(h.textContent ?? ''))) w.upload.done = performance.now();
      };
      new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true });
      // `value` set as a property changes no attribute: poll it as well.
      const timer = setInterval(() => (w.upload.done ? clearInterval(timer) : look()), 5);
    });
    await button.click();
    await page.waitForFunction(() => (window as unknown as { upload: { done: number } }).upload.done > 0, undefined, { timeout: 600_000 });
    const u = await page.evaluate(() => (window as unknown as { upload: { clicked: number; bar: number; chunk: number; done: number; tasks: number[] } }).upload);
    return { barMs: u.bar - u.clicked, firstChunkMs: u.chunk - u.clicked, uploadMs: u.done - u.clicked, longestBlockMs: Math.max(0, ...u.tasks) };
  } finally {
    await context.close();
    await workbench.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(0)} MB`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium).`);
  const folder = mkdtempSync(path.join(tmpdir(), 'settlesheet-bench-browser-'));
  const workbench = await startWorkbench({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    console.log('| lines | file | reader | first progress | check time | longest main-thread block | long tasks (>50 ms) | peak memory |');
    console.log('|---:|---:|:--|---:|---:|---:|---:|---:|');
    for (const c of CASES) {
      const file = path.join(folder, `settlement-${c.lines}.txt`);
      if (!existsSync(file)) {
        const fd = openSync(file, 'w');
        syntheticSettlement({ rows: c.lines, seed: 42 }).writeV2({}, (chunk) => writeSync(fd, chunk, null, 'latin1'));
        closeSync(fd);
      }
      const runs: Run[] = [];
      for (let i = 0; i < c.runs; i++) runs.push(await measure(browser, workbench.url, file, c.lines, c.mode));
      const worst = (pick: (r: Run) => number) => Math.max(...runs.map(pick));
      console.log(
        `| ${c.lines.toLocaleString('en-US')} | ${mb(statSync(file).size)} | ${runs[0]!.mode} | ${ms(median(runs.map((r) => r.firstProgressMs)))} | ${ms(median(runs.map((r) => r.checkMs)))} | ` +
          `${worst((r) => r.longestBlockMs) ? ms(worst((r) => r.longestBlockMs)) : 'none over 50 ms'} | ${worst((r) => r.longTasks)} | ${mb(median(runs.map((r) => r.peakBytes)))} |`,
      );
    }
    console.log(`\nMedians of ${CASES.map((c) => c.runs).join('/')} runs (longest block and long tasks: the worst run). Chromium ${browser.version()}.`);
    console.log('\n| upload of | reader | Import click to progress bar | to first chunk acknowledged | whole upload | longest main-thread block |');
    console.log('|---:|:--|---:|---:|---:|---:|');
    for (const c of UPLOADS) {
      const file = path.join(folder, `settlement-${c.lines}.txt`);
      const runs: Upload[] = [];
      for (let i = 0; i < c.runs; i++) runs.push(await measureUpload(browser, file, c.lines, c.mode));
      const worst = Math.max(...runs.map((r) => r.longestBlockMs));
      console.log(
        `| ${c.lines.toLocaleString('en-US')} lines | ${c.mode} | ${ms(median(runs.map((r) => r.barMs)))} | ${ms(median(runs.map((r) => r.firstChunkMs)))} | ` +
          `${ms(median(runs.map((r) => r.uploadMs)))} | ${worst ? ms(worst) : 'none over 50 ms'} |`,
      );
    }
    console.log(`\nMedians of ${UPLOADS.map((c) => c.runs).join('/')} runs (longest block: the worst run); the workbench's server runs in this process.`);
  } finally {
    await browser.close();
    await workbench.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
