/**
 * What a call costs in Apps Script terms: Sheets service calls counted by the Google fakes while
 * the BUILT bundle imports, previews and posts settlements of 1k, 10k and 100k lines, plus the
 * bundle's size and how long evaluating it takes (every server call re-evaluates it).
 *
 * "Data calls" read or write cells or formats or change the grid (see test/support/sheets-calls.ts);
 * "all" adds handle and metadata calls (getSheetByName, getRange, getLastRow…).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { chunksOf, importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope, PostResultDto } from '../../src/api/types';
import { createGoogleFakes } from '../fakes/google';
import { createXeroSandbox, DEFAULT_APP, DEFAULT_USER, TENANT_IDS } from '../fakes/xero';
import { bundleRunner } from '../support/bundle-runner';
import { settlementOf, type DetailedLineSpec } from '../support/settlements';
import type { LineSpec } from '../support/build-aggregate';
import { sheetsCalls } from '../support/sheets-calls';

const SIZES = [1_000, 10_000, 100_000];
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

interface Costs {
  lines: number;
  importData: number;
  importAll: number;
  budget: number;
  previewData: number;
  previewAll: number;
  postData: number;
  postAll: number;
}

function measure(code: string, lines: number): Costs {
  const world = createGoogleFakes({ scriptId: 'sandbox-script-id' });
  const sandbox = createXeroSandbox({ now: () => world.now(), sleep: (ms) => world.advanceClock(ms) });
  world.urlFetch = sandbox.handle;
  const bundle = bundleRunner(world, code);
  const run = <T>(name: string, request: unknown = {}): T => {
    const envelope = bundle.call<Envelope<T>>(USER, name, request);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.message}`);
    return envelope.value;
  };
  // Set up as a person would: credentials, Xero connection, tabs in place.
  run('saveXeroAppCredentials', { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
  const { url } = run<{ url: string }>('getXeroConnectUrl');
  const { functionName, event } = world.userCallback(Object.fromEntries(new URL(sandbox.consent(url, { tenants: [TENANT_IDS.us] })).searchParams));
  bundle.callRaw(USER, functionName, event);
  run('listSettlements');

  const settlement = settlementOf(linesOf(lines), { settlementId: String(24_000_000_000 + lines) });
  const payload = importPayload(settlement);
  const counted = (work: () => void) => {
    world.calls.reset();
    work();
    return sheetsCalls(world.calls.counts());
  };
  const imported = counted(() => {
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
  const preview = counted(() => run('previewSettlement', { settlementId }));
  const post = counted(() => {
    const result = run<PostResultDto>('postSettlement', { settlementId, mode: 'post' });
    if (result.outcome !== 'posted') throw new Error(`post: ${result.message}`);
  });
  return {
    lines,
    importData: imported.data,
    importAll: imported.all,
    budget: Math.ceil(lines / 5000) + 10,
    previewData: preview.data,
    previewAll: preview.all,
    postData: post.data,
    postAll: post.all,
  };
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

/** Prints the Sheets call costs and the bundle's size and evaluation time. */
export function benchSheets(root: string): void {
  const file = path.join(root, 'dist/Code.js');
  const code = readFileSync(file, 'utf8');
  console.log('\nSheets service calls of the built bundle (Google fakes), tabs already created');
  console.log('    lines  import data (budget)  import all  preview data  preview all  post data  post all');
  for (const lines of SIZES) {
    const c = measure(code, lines);
    const ok = c.importData <= c.budget ? '' : '  OVER BUDGET';
    console.log(
      `${String(c.lines.toLocaleString('en-US')).padStart(9)}  ${`${c.importData} (${c.budget})`.padStart(20)}  ${String(c.importAll).padStart(10)}  ` +
        `${String(c.previewData).padStart(12)}  ${String(c.previewAll).padStart(11)}  ${String(c.postData).padStart(9)}  ${String(c.postAll).padStart(8)}${ok}`,
    );
  }
  console.log(`\ndist/Code.js: ${(statSync(file).size / 1024).toFixed(1)} KB; evaluating it in a fresh context: ${evaluationMs(code).toFixed(1)} ms (median of 15)`);
}
