/**
 * The BUILT add-on with a spreadsheet and a Xero connection, driven target by target as the
 * sidebar drives it: every call is one execution of dist/Code.js (see bundle-runner.ts) against
 * the Google fakes and the Xero sandbox on the same clock. For end-to-end tests and the bench.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunksOf, importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope } from '../../src/api/types';
import type { Settlement } from '../../src/core/settlement/types';
import { createGoogleFakes, type GoogleFakes, type GoogleFakesOptions } from '../fakes/google';
import { createXeroSandbox, DEFAULT_APP, DEFAULT_USER, type XeroSandbox, type XeroSandboxOptions } from '../fakes/xero';
import { bundleRunner, type BundleRunner } from './bundle-runner';

/**
 * Builds dist/ once before the suite's tests (as Apps Script gets it) and gives its Code.js: call
 * at the top of a test file, then read the code inside tests.
 */
export function builtBundle(): () => string {
  const root = path.join(__dirname, '../..');
  let code = '';
  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
    code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  });
  return () => code;
}

/** The person at the keyboard unless a call names another. */
export const PERSON = DEFAULT_USER.email;

/** A spreadsheet with the built add-on, and the Xero it talks to. */
export interface BundleWorld {
  world: GoogleFakes;
  sandbox: XeroSandbox;
  bundle: BundleRunner;
  /** Calls a `google.script.run` target and unwraps its envelope (a refusal throws its message). */
  run<T>(name: string, request?: unknown, user?: string): T;
}

/** A fresh world on 15 January 2026 whose script id matches the sandbox app's redirect URI. */
export function bundleWorld(code: string, sandboxOptions: XeroSandboxOptions = {}, googleOptions: GoogleFakesOptions = {}): BundleWorld {
  const world = createGoogleFakes({ scriptId: 'sandbox-script-id', startTime: Date.parse('2026-01-15T09:00:00Z'), ...googleOptions });
  const sandbox = createXeroSandbox({ now: () => world.now(), sleep: (ms) => world.spend(ms), ...sandboxOptions });
  world.urlFetch = sandbox.handle;
  const bundle = bundleRunner(world, code);
  const run = <T>(name: string, request: unknown = {}, user = PERSON): T => {
    const envelope = bundle.call<Envelope<T>>(user, name, request);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.message}`);
    return envelope.value;
  };
  return { world, sandbox, bundle, run };
}

/**
 * Saves the sandbox app's credentials (as the deployer does, plus any other script properties
 * given), then connects `user` to `tenants` through the consent page and Google's /usercallback.
 */
export function connectThroughBundle(b: BundleWorld, tenants: string[], scriptProperties: Record<string, string> = {}, user = PERSON): void {
  // As the deployer does, in the Apps Script editor's Script properties.
  b.world.run(user, (globals) => globals.PropertiesService.getScriptProperties().setProperties({ XERO_CLIENT_ID: DEFAULT_APP.clientId, XERO_CLIENT_SECRET: DEFAULT_APP.clientSecret, ...scriptProperties }));
  const { url } = b.run<{ url: string }>('getXeroConnectUrl', {}, user);
  const { functionName, event } = b.world.userCallback(Object.fromEntries(new URL(b.sandbox.consent(url, { tenants })).searchParams));
  b.bundle.callRaw(user, functionName, event);
}

/** Imports a settlement the way the sidebar sends it (begin, chunks of lines, finish); returns its id. */
export function importThroughBundle(b: BundleWorld, settlement: Settlement, user = PERSON): string {
  const payload = importPayload(settlement);
  const begun = b.run<BeginImportResult>('beginImport', payload.begin, user);
  if (begun.status !== 'ready') throw new Error(`beginImport: ${begun.status}`);
  let offset = 0;
  for (const lines of chunksOf(payload.lines, begun.chunkSize)) {
    b.run('appendImportLines', { importId: begun.importId, offset, lines }, user);
    offset += lines.length;
  }
  b.run('finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units }, user);
  return payload.begin.header.settlementId;
}
