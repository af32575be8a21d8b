/**
 * End-to-end harness: the Google fakes (PropertiesService, LockService, CacheService, UrlFetchApp,
 * ScriptApp, Utilities, Session, HtmlService, console) installed as globals for one execution at a
 * time, so SettleSheet's Apps Script adapters run as they would in Apps Script, against the Xero
 * sandbox on the same clock. Every token the sandbox hands out is collected for secret scans.
 */
import { createGoogleFakes, type AppsScriptGlobals, type GoogleFakes, type GoogleFakesOptions } from '../fakes/google';
import { createXeroSandbox, DEFAULT_APP, DEFAULT_USER, TENANT_IDS, type SandboxUser, type XeroSandbox, type XeroSandboxOptions } from '../fakes/xero';
import { defaultMapping, type Mapping } from '../../src/core/mapping';
import { summariseSettlement, type SettlementSummary, type SplitMode } from '../../src/core/summary';
import { buildDocuments, type DocumentSettings, type PlannedDocument } from '../../src/core/xero/documents';
import type { HttpRequest } from '../../src/xero/http';
import * as main from '../../src/server/main';
import { xeroConnectionStatus, xeroConnectUrl } from '../../src/server/xero/entry-points';
import { xeroPostedRecord } from '../../src/server/xero/posting';
import type { PostedRecord } from '../../src/xero/posted-records';
import { aggregateOf, type HeaderSpec, type LineSpec } from './build-aggregate';

/** The Google user who owns the spreadsheet (and the Xero default user's email). */
export const SELLER = DEFAULT_USER.email;
/** A collaborator whose own Xero login reaches only the US organisation. */
export const BOOKKEEPER = 'bookkeeper@example.com';
export const BOOKKEEPER_XERO: SandboxUser = {
  userId: '7a1c9e3b-4d2f-4b8a-9c6e-1f2a3b4c5d6e',
  email: BOOKKEEPER,
  givenName: 'Bea',
  familyName: 'Keeper',
  tenantIds: [TENANT_IDS.us],
};
export const US: string = TENANT_IDS.us;
export const UK: string = TENANT_IDS.uk;

const GLOBAL_NAMES = ['SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'UrlFetchApp', 'HtmlService', 'ScriptApp', 'Session', 'Utilities', 'Logger', 'console'] as const;

/** The Google world, the Xero sandbox, and helpers to act as a user. */
export interface XeroWorld {
  world: GoogleFakes;
  sandbox: XeroSandbox;
  /** Every access token, refresh token, id token and authorisation code issued so far, and the client secret. */
  secrets: Set<string>;
  /**
   * Runs `fn` as one Apps Script execution by `user` (nested runs are separate executions);
   * `withoutDocument` runs it as Google's /usercallback does, without the spreadsheet.
   */
  run<T>(user: string, fn: () => T, options?: { withoutDocument?: boolean }): T;
  /** Sets the sandbox app's credentials as the deployer does (Script properties). */
  setUpApp(): void;
  /** Connects `user` through the consent page and the callback; returns the callback page's HTML. */
  connect(user: string, choice?: { xeroUser?: string; tenants?: string[] }): string;
  /** Every UrlFetch request so far. */
  requests(): HttpRequest[];
}

/** What a test may change about the Google world and the Xero sandbox. */
export interface XeroWorldOptions {
  google?: GoogleFakesOptions;
  xero?: Pick<XeroSandboxOptions, 'organisations' | 'users' | 'apps'>;
}

/**
 * A world whose script id matches the sandbox app's registered redirect URI, with Date.now
 * following the world's clock (Apps Script code reads Date.now; restore with jest.restoreAllMocks).
 */
export function createXeroWorld(options: XeroWorldOptions = {}): XeroWorld {
  const world = createGoogleFakes({ scriptId: 'sandbox-script-id', startTime: Date.parse('2026-01-15T09:00:00Z'), ...options.google });
  const sandbox = createXeroSandbox({ now: () => world.now(), sleep: (ms) => world.spend(ms), users: [DEFAULT_USER, BOOKKEEPER_XERO], ...options.xero });
  const secrets = new Set<string>([DEFAULT_APP.clientSecret]);
  jest.spyOn(Date, 'now').mockImplementation(() => world.now());
  world.urlFetch = (request) => {
    const response = sandbox.handle(request);
    if (request.url.startsWith('https://identity.xero.com/connect/token') && response.status === 200) {
      const body = JSON.parse(response.body) as Record<string, unknown>;
      for (const field of ['access_token', 'refresh_token', 'id_token']) if (typeof body[field] === 'string') secrets.add(body[field] as string);
    }
    return response;
  };

  function run<T>(user: string, fn: () => T, options: { withoutDocument?: boolean } = {}): T {
    return world.run(user, (globals: AppsScriptGlobals) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const saved = GLOBAL_NAMES.map((name) => [name, scope[name]] as const);
      Object.assign(scope, globals);
      try {
        return fn();
      } finally {
        for (const [name, value] of saved) scope[name] = value;
      }
    }, options);
  }

  return {
    world,
    sandbox,
    secrets,
    run,
    setUpApp() {
      // As the deployer does, in the Apps Script editor's Script properties.
      run(SELLER, () => PropertiesService.getScriptProperties().setProperties({ XERO_CLIENT_ID: DEFAULT_APP.clientId, XERO_CLIENT_SECRET: DEFAULT_APP.clientSecret }));
    },
    connect(user, choice = {}) {
      const started = run(user, () => xeroConnectUrl());
      if (!started.ok) throw new Error(started.failure.message);
      const location = sandbox.consent(started.value.url, { user: choice.xeroUser ?? user, ...(choice.tenants ? { tenants: choice.tenants } : {}) });
      const query = Object.fromEntries(new URL(location).searchParams);
      secrets.add(query['code']!);
      // Google's /usercallback: checks the state token, then calls the function it names.
      const { functionName, event } = world.userCallback(query);
      const callback = (main as unknown as Record<string, (e: unknown) => { getContent(): string }>)[functionName];
      if (!callback) throw new Error(`The bundle exports no ${functionName}`);
      const page = run(user, () => callback(event).getContent(), { withoutDocument: true });
      // Back in the spreadsheet the sidebar asks for the status, which binds an only organisation
      // (the callback, run without the spreadsheet, cannot).
      run(user, () => xeroConnectionStatus());
      return page;
    },
    requests: () => world.inspect.requests(),
  };
}

/** Runs `fn` once, just before the first sandbox request whose `METHOD url` matches. */
export function onceBefore(x: XeroWorld, pattern: RegExp, fn: () => void): void {
  const stop = x.sandbox.onRequest((request) => {
    if (!pattern.test(`${request.method} ${request.url}`)) return;
    stop();
    fn();
  });
}

/** A settlement's posted record as the seller's execution reads it (null when never posted). */
export function postedRecordIn(x: XeroWorld, settlementId: string): PostedRecord | null {
  const read = x.run(SELLER, () => xeroPostedRecord(settlementId));
  if (!read.ok) throw new Error(read.failure.message);
  return read.value;
}

/** A settlement summarised with the default mapping (or the one given), and its documents. */
export function settlementOf(
  lines: readonly LineSpec[],
  header: HeaderSpec = {},
  options: { split?: SplitMode; mapping?: Mapping } & Partial<DocumentSettings> = {},
): { summary: SettlementSummary; documents: PlannedDocument[] } {
  const { split = 'off', status = 'DRAFT', mapping = defaultMapping(), ...rest } = options;
  const summary = summariseSettlement(aggregateOf(lines, header), mapping, { split });
  const built = buildDocuments(summary, { status, ...rest });
  if (!built.ok) throw new Error(built.problems.join('\n'));
  return { summary, documents: built.documents };
}

/** A positive USD settlement: sales, fees, a reserve held back. Deposit 1183.82. */
export const POSITIVE: readonly LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '1299.90'],
  ['Order', 'ItemPrice', 'Shipping', '2025-08-02', '45.00'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-194.99'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-03', '-61.09'],
  ['Refund', 'ItemPrice', 'Principal', '2025-08-05', '-25.00'],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount', '2025-08-10', '-80.00', ''],
  ['other-transaction', 'other-transaction', 'Previous Reserve Amount Balance', '2025-08-10', '200.00', ''],
];

/** A negative USD settlement (the seller owes Amazon): becomes a bill. Deposit −54.99. */
export const NEGATIVE: readonly LineSpec[] = [
  ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-09-01', '-39.99', ''],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-09-03', '-25.00', ''],
  ['Order', 'ItemPrice', 'Principal', '2025-09-04', '10.00'],
];

/** A USD settlement spanning July and August. Deposit 313.49. */
export const MONTH_SPLIT: readonly LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-07-28', '150.00'],
  ['Order', 'ItemFees', 'Commission', '2025-07-28', '-22.50'],
  ['Order', 'ItemPrice', 'Principal', '2025-08-03', '220.00'],
  ['Order', 'ItemFees', 'Commission', '2025-08-03', '-33.01'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-05', '-1.00', ''],
];

/** Header facts of the three settlements, each its own id. */
export const HEADERS = {
  positive: { settlementId: '24288684721', start: '2025-08-01T00:00:00Z', end: '2025-08-14T00:00:00Z', depositDate: '2025-08-16T00:00:00Z' },
  negative: { settlementId: '24288684722', start: '2025-08-29T00:00:00Z', end: '2025-09-12T00:00:00Z', depositDate: '2025-09-14T00:00:00Z' },
  monthSplit: { settlementId: '24288684723', start: '2025-07-25T00:00:00Z', end: '2025-08-08T00:00:00Z', depositDate: '2025-08-10T00:00:00Z' },
} satisfies Record<string, HeaderSpec>;
