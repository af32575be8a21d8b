/**
 * A session with the BUILT add-on (dist/Code.js) against the Google fakes and the Xero sandbox:
 * each call is a separate execution of the bundle, as in Apps Script. Import and connect the way
 * the sidebar and a person do.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunksOf, importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope, SettlementListItem } from '../../src/api/types';
import { parseSettlement } from '../../src/core/settlement';
import { bundleRunner, type BundleRunner } from './bundle-runner';
import { createXeroWorld, SELLER, US, type XeroWorld } from './xero-apps-script';

const root = path.join(__dirname, '../..');

/** Builds the add-on and reads the bundle (once per test file, in `beforeAll`). */
export function builtBundle(): string {
  execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  return readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(envelope.message);
  return envelope.value;
}

/** The world, the bundle, and a way to call its targets as a user. */
export interface Session {
  x: XeroWorld;
  bundle: BundleRunner;
  run: <T>(user: string, name: string, request?: unknown) => T;
}

/** A fresh world running the built bundle. */
export function session(code: string): Session {
  const x = createXeroWorld();
  x.world.htmlFiles = { Sidebar: readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8') };
  const bundle = bundleRunner(x.world, code);
  const run = <T>(user: string, name: string, request: unknown = {}) => unwrap(bundle.call<Envelope<T>>(user, name, request));
  return { x, bundle, run };
}

/** Imports a file the way the sidebar does: parse in the browser, then chunks. */
export function importFile(s: Session, text: string, user = SELLER, chunk = 100): { begun: BeginImportResult; finished?: SettlementListItem } {
  const parsed = parseSettlement(text, 'settlement.txt');
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  const payload = importPayload(parsed.settlement);
  const begun = s.run<BeginImportResult>(user, 'beginImport', payload.begin);
  if (begun.status !== 'ready') return { begun };
  let offset = 0;
  for (const lines of chunksOf(payload.lines, Math.min(chunk, begun.chunkSize))) {
    s.run(user, 'appendImportLines', { importId: begun.importId, offset, lines });
    offset += lines.length;
  }
  return { begun, finished: s.run<SettlementListItem>(user, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate }) };
}

/** Connects a user through Xero's consent page and Google's /usercallback, calling the bundle's callback. */
export function connect(s: Session, user: string, tenants = [US]): string {
  const { url } = s.run<{ url: string }>(user, 'getXeroConnectUrl');
  const location = s.x.sandbox.consent(url, { user: user === SELLER ? SELLER : user, tenants });
  const { functionName, event } = s.x.world.userCallback(Object.fromEntries(new URL(location).searchParams));
  return s.bundle.callRaw<{ getContent(): string }>(user, functionName, event).getContent();
}
