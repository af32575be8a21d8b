/**
 * What the BUILT bundle costs in Apps Script terms, counted by the Google fakes: Sheets calls,
 * the most cells any one call touches, and the time the fakes' cost model gives (see
 * test/fakes/google/cost.ts) while it imports, previews and posts settlements of 1k, 10k, 100k
 * and 300k lines, and how its records scale to 10,000 settlements; plus the bundle's size and how
 * long evaluating it takes (every server call re-evaluates it).
 *
 * `npm run -s bench -- sheets --json` prints exactly one JSON object (`-s`: without npm's own lines):
 * `{ imports: [{ lines, dataCalls, allCalls, maxCellsPerCall, estimatedSeconds }], preview:
 * { dataCalls, maxCellsPerCall }, post: { dataCalls, maxCellsPerCall }, records: { settlements,
 * bytesPerSettlement } }`. Goals (checked; a miss sets the exit code): data calls per import
 * within ceil(N / 5000) + 10, at most 100,000 cells in any call, preview and post the same at
 * every size, and 10,000 settlements listed.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { chunksOf, importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope, PostResultDto, PreviewResult, SettlementListItem } from '../../src/api/types';
import { MAX_CELLS_PER_CALL } from '../../src/server/workbook/blocks';
import { createGoogleFakes, type GoogleWorld } from '../fakes/google';
import { createXeroSandbox, DEFAULT_APP, DEFAULT_USER, TENANT_IDS } from '../fakes/xero';
import { bundleRunner, type BundleRunner } from '../support/bundle-runner';
import { settlementOf, type DetailedLineSpec } from '../support/settlements';
import type { LineSpec } from '../support/build-aggregate';
import { sheetsCalls } from '../support/sheets-calls';

const SIZES = [1_000, 10_000, 100_000, 300_000];
const RECORD_SETTLEMENTS = 10_000;
const USER = DEFAULT_USER.email;

/** Lines of a seller with a catalogue of 200 SKUs (units per SKU per day stay a few thousand). */
function linesOf(count: number): DetailedLineSpec[] {
  const kinds: [string, string, string, string][] = [
    ['Order', 'ItemPrice', 'Principal', '25.00'],
    ['Order', 'ItemFees', 'Commission', '-3.75'],
    ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-4.10'],
    ['Refund', 'ItemPrice', 'Principal', '-25.00'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [t, a, d, amount] = kinds[i % kinds.length]!;
    const day = String(1 + (i % 14)).padStart(2, '0');
    return { spec: [t, a, d, `2025-08-${day}`, amount] as LineSpec, sku: `SKU-${Math.floor(i / 4) % 200}`, quantity: 1 };
  });
}

/** Sheets calls and time of one piece of work. */
interface Cost {
  dataCalls: number;
  allCalls: number;
  maxCellsPerCall: number;
  /** The cost model's time for all of the work's server calls. */
  estimatedSeconds: number;
  /** The longest single server call, by the cost model. */
  longestCallSeconds: number;
}

/** A world connected to the sandbox's US organisation, with its tabs in place. */
function connectedWorld(code: string): { world: GoogleWorld; bundle: BundleRunner; run: <T>(name: string, request?: unknown) => T; longest: { ms: number } } {
  const world = createGoogleFakes({ scriptId: 'sandbox-script-id' });
  const sandbox = createXeroSandbox({ now: () => world.now(), sleep: (ms) => world.spend(ms) });
  world.urlFetch = sandbox.handle;
  const bundle = bundleRunner(world, code);
  const longest = { ms: 0 };
  const run = <T>(name: string, request: unknown = {}): T => {
    const before = world._state.clock.spent;
    const envelope = bundle.call<Envelope<T>>(USER, name, request);
    longest.ms = Math.max(longest.ms, world._state.clock.spent - before);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.message}`);
    return envelope.value;
  };
  world.run(USER, (g) => g.PropertiesService.getScriptProperties().setProperties({ XERO_CLIENT_ID: DEFAULT_APP.clientId, XERO_CLIENT_SECRET: DEFAULT_APP.clientSecret }));
  const { url } = run<{ url: string }>('getXeroConnectUrl');
  bundle.userCallback(USER, Object.fromEntries(new URL(sandbox.consent(url, { tenants: [TENANT_IDS.us] })).searchParams));
  run('getConnectionStatus');
  run('listSettlements');
  return { world, bundle, run, longest };
}

function counted(world: GoogleWorld, longest: { ms: number }, work: () => void): Cost {
  world.calls.reset();
  longest.ms = 0;
  const spent = world._state.clock.spent;
  work();
  const { data, all } = sheetsCalls(world.calls.counts());
  return {
    dataCalls: data,
    allCalls: all,
    maxCellsPerCall: world.calls.largestCall().cells,
    estimatedSeconds: Math.round((world._state.clock.spent - spent) / 100) / 10,
    longestCallSeconds: Math.round(longest.ms / 100) / 10,
  };
}

/** The Sheets calls of the first call in a new spreadsheet, which creates SettleSheet's tabs. */
function tabsCreated(code: string): Cost {
  const world = createGoogleFakes({ scriptId: 'sandbox-script-id' });
  const bundle = bundleRunner(world, code);
  const longest = { ms: 0 };
  return counted(world, longest, () => {
    const before = world._state.clock.spent;
    const envelope = bundle.call<Envelope<unknown>>(USER, 'listSettlements', {});
    longest.ms = world._state.clock.spent - before;
    if (!envelope.ok) throw new Error(`listSettlements: ${envelope.message}`);
  });
}

interface Measured {
  lines: number;
  importCost: Cost;
  preview: Cost;
  post: Cost;
  /** The records tab's rows after the post, for the records capacity check. */
  recordRows: unknown[][];
}

function measure(code: string, lines: number): Measured {
  const { world, run, longest } = connectedWorld(code);
  const payload = importPayload(settlementOf(linesOf(lines), { settlementId: String(24_000_000_000 + lines) }));
  const importCost = counted(world, longest, () => {
    const begun = run<BeginImportResult>('beginImport', payload.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    let offset = 0;
    for (const chunk of chunksOf(payload.lines, begun.chunkSize)) {
      run('appendImportLines', { importId: begun.importId, offset, lines: chunk });
      offset += chunk.length;
    }
    run('finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units });
  });
  const settlementId = payload.begin.header.settlementId;
  run('previewSettlement', { settlementId });
  let fingerprint: string | undefined;
  const preview = counted(world, longest, () => {
    fingerprint = run<PreviewResult>('previewSettlement', { settlementId }).fingerprint;
  });
  // Post carries the fingerprint of the preview the person saw, as the sidebar does.
  const post = counted(world, longest, () => {
    const result = run<PostResultDto>('postSettlement', { settlementId, mode: 'post', fingerprint });
    if (result.outcome !== 'posted') throw new Error(`post: ${result.message}`);
  });
  const recordRows = world.inspect.grid('_SettleSheet records').values.slice(1).filter((r) => r[0] !== '');
  return { lines, importCost, preview, post, recordRows };
}

/**
 * Fills the records tab with `count` settlements shaped like a real imported-and-posted one, then
 * lists them through the bundle: the registry must hold them all and list them in bounded calls.
 */
function recordsAtScale(code: string, real: unknown[][], count: number): { listed: number; bytesPerSettlement: number; list: Cost } {
  const { world, run, longest } = connectedWorld(code);
  const [registryRow, postedRow] = real;
  const id = String(registryRow![0]).replace('settlesheet.settlement.', '');
  const copy = (row: unknown[], n: number) => row.map((cell) => (cell === '' ? '' : `'${String(cell).split(id).join(String(30_000_000_000 + n))}`));
  const rows = Array.from({ length: count }, (_, n) => [copy(registryRow!, n), copy(postedRow!, n)]).flat();
  world.run(USER, (g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_SettleSheet records')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
    for (let at = 0; at < rows.length; at += 20_000) sheet.getRange(2 + at, 1, Math.min(20_000, rows.length - at), 5).setValues(rows.slice(at, at + 20_000));
  }, {});
  let listed = 0;
  const list = counted(world, longest, () => {
    listed = run<SettlementListItem[]>('listSettlements').length;
  });
  const bytes = (row: unknown[]) => Buffer.byteLength(row.slice(1).join(''));
  return { listed, bytesPerSettlement: bytes(registryRow!) + bytes(postedRow!), list };
}

/** Median wall time of evaluating the bundle in a fresh context, as each server call does. */
function evaluationMs(code: string, runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    vm.runInContext(code, vm.createContext({}));
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The goals the issue sets; each miss is one sentence. */
function misses(results: Measured[], records: { listed: number; list: Cost }): string[] {
  const out: string[] = [];
  for (const r of results) {
    const budget = Math.ceil(r.lines / 5000) + 10;
    if (r.importCost.dataCalls > budget) out.push(`${r.lines} lines: ${r.importCost.dataCalls} data calls, over the budget of ${budget}`);
    for (const [what, cost] of [['import', r.importCost], ['preview', r.preview], ['post', r.post]] as const) {
      if (cost.maxCellsPerCall > MAX_CELLS_PER_CALL) out.push(`${r.lines} lines: a ${what} call touched ${cost.maxCellsPerCall} cells`);
    }
  }
  const [first] = results;
  for (const r of results) {
    if (r.preview.dataCalls !== first!.preview.dataCalls || r.post.dataCalls !== first!.post.dataCalls) out.push(`${r.lines} lines: preview or post calls differ from ${first!.lines} lines`);
  }
  if (records.listed !== RECORD_SETTLEMENTS) out.push(`listed ${records.listed} of ${RECORD_SETTLEMENTS} settlements`);
  if (records.list.maxCellsPerCall > MAX_CELLS_PER_CALL) out.push(`listing ${RECORD_SETTLEMENTS} settlements touched ${records.list.maxCellsPerCall} cells in one call`);
  return out;
}

/** Prints the Sheets costs (`json`: only the issue's JSON object) and the bundle's size and evaluation time. */
export function benchSheets(root: string, json = false): void {
  const file = path.join(root, 'dist/Code.js');
  const code = readFileSync(file, 'utf8');
  const results = SIZES.map((lines) => measure(code, lines));
  const records = recordsAtScale(code, results[0]!.recordRows, RECORD_SETTLEMENTS);
  const last = results[results.length - 1]!;
  const pick = ({ dataCalls, maxCellsPerCall }: Cost) => ({ dataCalls, maxCellsPerCall });
  const report = {
    imports: results.map(({ lines, importCost: { dataCalls, allCalls, maxCellsPerCall, estimatedSeconds } }) => ({ lines, dataCalls, allCalls, maxCellsPerCall, estimatedSeconds })),
    preview: pick(last.preview),
    post: pick(last.post),
    records: { settlements: records.listed, bytesPerSettlement: records.bytesPerSettlement },
  };
  const missed = misses(results, records);
  for (const miss of missed) console.error(`GOAL MISSED: ${miss}`);
  if (missed.length) process.exitCode = 1;
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log('\nSheets service calls of the built bundle (Google fakes, their cost model), tabs already created');
  console.log('    lines  import data (budget)  import all  max cells/call  est. s (longest call)  preview data/all  post data/all');
  for (const r of results) {
    const c = r.importCost;
    console.log(
      `${r.lines.toLocaleString('en-US').padStart(9)}  ${`${c.dataCalls} (${Math.ceil(r.lines / 5000) + 10})`.padStart(20)}  ${String(c.allCalls).padStart(10)}  ` +
        `${c.maxCellsPerCall.toLocaleString('en-US').padStart(14)}  ${`${c.estimatedSeconds} (${c.longestCallSeconds})`.padStart(21)}  ${`${r.preview.dataCalls} / ${r.preview.allCalls}`.padStart(16)}  ${`${r.post.dataCalls} / ${r.post.allCalls}`.padStart(13)}`,
    );
  }
  console.log(`preview: ${JSON.stringify(report.preview)}, post: ${JSON.stringify(report.post)}`);
  console.log(
    `records: ${records.listed.toLocaleString('en-US')} settlements listed, ${records.bytesPerSettlement} bytes each; listing them: ${records.list.dataCalls} data calls, ` +
      `${records.list.maxCellsPerCall.toLocaleString('en-US')} cells at most per call, ${records.list.estimatedSeconds} s`,
  );
  const tabs = tabsCreated(code);
  console.log(`creating the tabs on first use: ${tabs.dataCalls} data calls (${tabs.allCalls} in all), ${tabs.estimatedSeconds} s`);
  console.log(`\ndist/Code.js: ${(statSync(file).size / 1024).toFixed(1)} KB; evaluating it in a fresh context: ${evaluationMs(code).toFixed(1)} ms (median of 15)`);
}
