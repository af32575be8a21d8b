/**
 * Speed and memory of the whole dry run (parse, aggregate, map, summarise, build the documents)
 * against a careless baseline, at 10k, 100k and 1M rows
 * of synthetic Flat File V2. `npm run bench` bundles this file and runs it with --expose-gc.
 *
 * Each measurement runs in a fresh child process (the same bundle, forked with arguments), so one
 * case's garbage or JIT state cannot colour another's. The child loads the file, then measures:
 * - time: median wall time of the job over several runs (the first run, cold, is shown apart);
 * - peak: the highest resident memory while the job runs, minus an idle child's resident memory,
 *   so it includes the loaded file text (Linux: the high-water mark is reset through
 *   /proc/self/clear_refs after loading; elsewhere it falls back to maxRSS for the whole child);
 * - retained: heap still used after the job and a full GC while its result is kept, minus the
 *   heap before the job (the loaded text is not counted).
 */
import { fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addMinor } from '../../src/core/money';
import { defaultMapping } from '../../src/core/mapping';
import { parseSettlement } from '../../src/core/settlement';
import { aggregateSettlement, summariseSettlement } from '../../src/core/summary';
import { buildDocuments } from '../../src/core/xero/documents';
import { syntheticSettlement } from '../support/synthetic';
import { benchSheets } from './sheets';
import { benchXeroCalls } from './xero-calls';

const SIZES = [10_000, 100_000, 1_000_000];
const SEED = 42;
const JOBS = ['baseline', 'ours', 'ours-bytes'] as const;
type JobName = (typeof JOBS)[number];

/** What a child reports back. */
interface Measurement {
  job: JobName;
  rows: number;
  coldMs: number;
  medianMs: number;
  peakBytes: number;
  peakIsWholeProcess: boolean;
  retainedBytes: number;
  sum: string;
  exact: boolean;
}

// ---- the jobs -------------------------------------------------------------------------------

/**
 * The careless way: split the whole text into lines and cells, parseFloat the amount, sum per
 * (transaction-type, amount-type, amount-description) in a Map.
 */
function baseline(text: string): Map<string, number> {
  const rows = text.split('\n');
  const header = (rows[0] as string).split('\t');
  const type = header.indexOf('transaction-type');
  const amountType = header.indexOf('amount-type');
  const description = header.indexOf('amount-description');
  const amount = header.indexOf('amount');
  const sums = new Map<string, number>();
  for (let r = 2; r < rows.length; r++) {
    const cells = (rows[r] as string).split('\t');
    if (cells.length < header.length) continue;
    const key = `${cells[type]}|${cells[amountType]}|${cells[description]}`;
    sums.set(key, (sums.get(key) ?? 0) + parseFloat(cells[amount] as string));
  }
  return sums;
}

/**
 * Our job, the whole dry run: parse exactly, reduce to the aggregate, map with the shipped
 * mapping, summarise with the month carry, and build the Xero documents. Returns the sum of the
 * rows and the documents' total, both in minor units, to prove exactness.
 */
function ours(input: string | Uint8Array): { total: number; sumOfRows: number; documentsTotal: number } {
  const result = parseSettlement(input, 'bench.txt');
  if (!result.ok) throw new Error(result.problems[0]?.message);
  const summary = summariseSettlement(aggregateSettlement(result.settlement), MAPPING, { split: 'carry' });
  const built = buildDocuments(summary, { status: 'DRAFT' });
  if (!built.ok) throw new Error(built.problems.join('; '));
  let documentsTotal = 0;
  for (const d of built.documents) documentsTotal = addMinor(documentsTotal, d.total);
  return { total: result.settlement.header.totalAmount, sumOfRows: summary.check.sumOfRows, documentsTotal };
}

const MAPPING = defaultMapping();

// ---- child: one case ----------------------------------------------------------------------

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Resident memory now and its high-water mark, in bytes (Linux /proc; null elsewhere). */
function residentMemory(): { now: number; peak: number } | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { now: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function runCase(job: JobName, file: string, rows: number, total: number, runs: number): Measurement {
  const input: string | Uint8Array = job === 'ours-bytes' ? readFileSync(file) : readFileSync(file, 'utf8');
  gc();
  const peakReset = resetPeak();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let kept: unknown = null;
  let sum = '';
  let exact = false;
  for (let i = 0; i < runs; i++) {
    kept = null;
    gc();
    const started = performance.now();
    if (job === 'baseline') {
      const sums = baseline(input as string);
      times.push(performance.now() - started);
      let float = 0;
      for (const value of sums.values()) float += value;
      sum = float.toFixed(6);
      exact = Math.round(float * 100) === total;
      kept = sums;
    } else {
      const result = ours(input);
      times.push(performance.now() - started);
      sum = String(result.sumOfRows);
      exact = result.sumOfRows === total && result.documentsTotal === total && result.total === total;
      kept = result;
    }
  }
  const memory = residentMemory();
  gc();
  const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
  const peak = peakReset && memory !== null ? memory.peak : process.resourceUsage().maxRSS * 1024;
  void kept;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    job, rows,
    coldMs: times[0] as number,
    medianMs: sorted[Math.floor(sorted.length / 2)] as number,
    peakBytes: peak,
    peakIsWholeProcess: !(peakReset && memory !== null),
    retainedBytes,
    sum,
    exact,
  };
}

function idleResident(): number {
  gc();
  return residentMemory()?.now ?? process.resourceUsage().maxRSS * 1024;
}

// ---- parent: generate, fork, report -------------------------------------------------------------

function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = fork(__filename, args, { execArgv: ['--expose-gc'] });
    let answer: T | undefined;
    proc.on('message', (message) => { answer = message as T; });
    proc.on('error', reject);
    proc.on('exit', (code) => (answer !== undefined ? resolve(answer) : reject(new Error(`child ${args.join(' ')} exited ${code}`))));
  });
}

function writeSettlement(file: string, rows: number): { bytes: number; total: number } {
  const settlement = syntheticSettlement({ rows, seed: SEED, currency: 'USD', marketplaces: ['Amazon.com', 'Amazon.ca'] });
  const fd = openSync(file, 'w');
  settlement.writeV2({}, (chunk) => writeSync(fd, chunk, null, 'latin1'));
  closeSync(fd);
  return { bytes: statSync(file).size, total: settlement.total };
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);
const pad = (text: string, width: number): string => text.padStart(width);

async function main(sizes: number[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'settlesheet-bench-'));
  try {
    const idle = await child<number>(['idle']);
    console.log('SettleSheet settlement benchmark: synthetic Flat File V2 (USD, seed 42), Node', process.version);
    console.log(
      'time = median of the runs (cold = first run); peak = highest resident memory during the job minus an idle\n' +
        `Node child's (${mb(idle)} MB), file text included; retained = heap kept by the result after a full GC.\n`,
    );
    console.log(`${pad('rows', 9)} ${pad('file MB', 8)}  ${'job'.padEnd(10)} ${pad('cold ms', 8)} ${pad('median ms', 9)} ${pad('rows/s', 11)} ${pad('peak MB', 8)} ${pad('peak/file', 9)} ${pad('retained MB', 11)}  exact sum`);
    const ratios: string[] = [];
    for (const rows of sizes) {
      const file = path.join(dir, `v2-${rows}.txt`);
      const { bytes, total } = writeSettlement(file, rows);
      const runs = rows >= 1_000_000 ? 3 : rows >= 100_000 ? 5 : 15;
      const results: Record<string, Measurement> = {};
      for (const job of JOBS) {
        const m = await child<Measurement>(['run', job, file, String(rows), String(total), String(runs)]);
        results[job] = m;
        const peak = m.peakBytes - idle;
        console.log(
          `${pad(rows.toLocaleString('en-US'), 9)} ${pad(mb(bytes), 8)}  ${job.padEnd(10)} ${pad(m.coldMs.toFixed(0), 8)} ${pad(m.medianMs.toFixed(0), 9)} ` +
            `${pad(Math.round((rows / m.medianMs) * 1000).toLocaleString('en-US'), 11)} ${pad(mb(peak), 8)} ${pad(`${(peak / bytes).toFixed(2)}×`, 9)} ` +
            `${pad(mb(m.retainedBytes), 11)}  ${m.exact ? 'yes' : 'NO '} ${m.sum}${m.peakIsWholeProcess ? ' (peak: whole process)' : ''}`,
        );
      }
      const ratio = (results.ours as Measurement).medianMs / (results.baseline as Measurement).medianMs;
      const bytesRatio = (results['ours-bytes'] as Measurement).medianMs / (results.baseline as Measurement).medianMs;
      ratios.push(`${rows.toLocaleString('en-US')} rows: ${ratio.toFixed(2)}× (from bytes ${bytesRatio.toFixed(2)}×)`);
      console.log(`${''.padStart(19)}expected total ${total} minor units`);
      rmSync(file);
    }
    console.log(`\ntime ratio ours/baseline: ${ratios.join('; ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'run') {
  const [job, file, rows, total, runs] = args;
  process.send?.(runCase(job as JobName, file as string, Number(rows), Number(total), Number(runs)));
} else if (mode === 'idle') {
  process.send?.(idleResident());
} else {
  // `npm run bench -- 100000` measures only the engine at the sizes given; `-- sheets` only the
  // Sheets call costs (`-- sheets --json`: only their JSON object); `-- xero` only the Xero call counts.
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const onlySheets = process.argv.includes('sheets');
  const onlyXero = process.argv.includes('xero');
  (onlySheets || onlyXero ? Promise.resolve() : main(sizes.length > 0 ? sizes : SIZES))
    .then(() => {
      if (sizes.length === 0 && !onlyXero) benchSheets(path.join(__dirname, '..'), process.argv.includes('--json'));
      if (sizes.length === 0 && !onlySheets) benchXeroCalls(path.join(__dirname, '..'));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
