/**
 * The BUILT add-on (dist/Code.js) in a fake Google world beside the Xero sandbox, driven the way
 * the sidebar drives it: every call a separate execution of the bundle in its own script context.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunksOf, importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope, PostResultDto, PreviewResult, SettlementListItem } from '../../src/api/types';
import { parseSettlement } from '../../src/core/settlement';
import type { Settlement } from '../../src/core/settlement/types';
import { DEFAULT_APP } from '../fakes/xero';
import { bundleRunner, type BundleRunner } from './bundle-runner';
import { createXeroWorld, SELLER, US, type XeroWorld, type XeroWorldOptions } from './xero-apps-script';

const root = path.join(__dirname, '../..');

/** Builds dist/ and returns dist/Code.js (call from beforeAll). */
export function builtBundle(): string {
  execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  return readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
}

/**
 * For a test file of the built bundle: builds it once before the tests and restores mocks (the
 * harness mocks Date.now) after each; returns the bundle's code.
 */
export function useBuiltBundle(): () => string {
  let code = '';
  beforeAll(() => {
    code = builtBundle();
  });
  afterEach(() => jest.restoreAllMocks());
  return () => code;
}

/** A sale and its commission, both mapped by the shipped mapping: a settlement of 110.49 USD. */
export const SALE_AND_FEE = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
] as const;

/** The value of an envelope, or the failure as an exception. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(envelope.message);
  return envelope.value;
}

/** A world, the sandbox and the bundle. */
export interface BundleSession {
  x: XeroWorld;
  bundle: BundleRunner;
  /** A google.script.run target by `user`, unwrapped. */
  run: <T>(user: string, name: string, request?: unknown) => T;
}

/** A fresh session for the bundle's code, with the built sidebar registered. */
export function bundleSession(code: string, options: XeroWorldOptions = {}): BundleSession {
  const x = createXeroWorld(options);
  x.world.htmlFiles = { Sidebar: readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8') };
  const bundle = bundleRunner(x.world, code);
  const run = <T>(user: string, name: string, request: unknown = {}) => unwrap(bundle.call<Envelope<T>>(user, name, request));
  return { x, bundle, run };
}

/** How a test imports: as whom, in which chunks, confirming a re-issue, keeping an unbalanced file. */
export interface ImportOptions {
  user?: string;
  chunk?: number;
  confirmReissue?: boolean;
  keepUnbalanced?: boolean;
}

/** Imports a parsed settlement the way the sidebar does: begin, chunks, finish. */
export function importSettlement(
  s: BundleSession,
  settlement: Settlement,
  options: ImportOptions = {},
): { begun: BeginImportResult; finished?: SettlementListItem } {
  const { user = SELLER } = options;
  const payload = importPayload(settlement);
  const begun = s.run<BeginImportResult>(user, 'beginImport', {
    ...payload.begin,
    ...(options.confirmReissue ? { confirmReissue: true } : {}),
    ...(options.keepUnbalanced ? { keepUnbalanced: true } : {}),
  });
  if (begun.status !== 'ready') return { begun };
  let offset = 0;
  for (const lines of chunksOf(payload.lines, Math.min(options.chunk ?? begun.chunkSize, begun.chunkSize))) {
    s.run(user, 'appendImportLines', { importId: begun.importId, offset, lines });
    offset += lines.length;
  }
  return { begun, finished: s.run<SettlementListItem>(user, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units }) };
}

/** Imports a settlement file's text the way the sidebar does: parse in the browser, then chunks. */
export function importFile(s: BundleSession, text: string, options: ImportOptions = {}) {
  const parsed = parseSettlement(text, 'settlement.txt');
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return importSettlement(s, parsed.settlement, options);
}

/**
 * Presses Post (or Void and re-post…) as the sidebar does: the settlement's detail shows a
 * preview first, and the press carries that preview's fingerprint.
 */
export function postAs(s: BundleSession, user: string, request: { settlementId: string; mode: 'post' | 'void-and-repost' | 'void'; seenRevision?: number }): PostResultDto {
  const { fingerprint } = s.run<PreviewResult>(user, 'previewSettlement', { settlementId: request.settlementId });
  return s.run<PostResultDto>(user, 'postSettlement', { ...request, fingerprint });
}

/** The deployer sets the sandbox app's credentials in the Apps Script editor's Script properties. */
export function saveApp(s: BundleSession): void {
  s.x.world.run(SELLER, (g) => g.PropertiesService.getScriptProperties().setProperties(deployerProperties()));
}

/** The script properties a deployer sets for the sandbox's app (and any others given). */
export function deployerProperties(more: Record<string, string> = {}): Record<string, string> {
  return { XERO_CLIENT_ID: DEFAULT_APP.clientId, XERO_CLIENT_SECRET: DEFAULT_APP.clientSecret, ...more };
}

/**
 * Connects a user through Xero's consent page and Google's /usercallback (run without the
 * spreadsheet), then refreshes the status as the sidebar does; returns the callback page.
 */
export function connect(s: BundleSession, user: string, tenants: string[] = [US]): string {
  const page = signIn(s, user, tenants);
  s.run(user, 'getConnectionStatus');
  return page;
}

/** Only the sign-in: Xero's consent page and Google's /usercallback, without the sidebar's status read. */
export function signIn(s: BundleSession, user: string, tenants: string[] = [US]): string {
  const { url } = s.run<{ url: string }>(user, 'getXeroConnectUrl');
  const location = s.x.sandbox.consent(url, { user, tenants });
  return s.bundle.userCallback(user, Object.fromEntries(new URL(location).searchParams));
}

/** The accountant picks a category for a line type in the Mapping tab, as a person would in Sheets. */
export function mapInSheet(s: BundleSession, description: string, category: string): void {
  const grid = s.x.world.inspect.grid('Mapping');
  const row = grid.values.findIndex((r) => r[2] === description) + 1;
  expect(row).toBeGreaterThan(1);
  const column = grid.values[0]!.indexOf('Category') + 1;
  s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!.getRange(row, column).setValue(category));
}
