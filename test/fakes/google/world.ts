/**
 * The fake Google world: one bound spreadsheet, property stores, caches, locks, registered HTML
 * files, a clock, an HTTP handler and a script id, shared by every execution. Each execution
 * (`globalsFor`) gets its own service objects: its user, its realm, and its own lock holdings.
 */
import vm from 'node:vm';
import { NetworkError, type HttpPort } from '../../../src/xero/http';
import { createBoundary } from './boundary';
import { createCacheService, type CacheEntry } from './cache';
import { CallCounter } from './calls';
import { Clock } from './clock';
import { cellsOf, costOf, DEFAULT_COST_MODEL, isSheetsDataCall, rowCellsOf, type CostModel } from './cost';
import { GoogleException } from './errors';
import { createHtmlService } from './html';
import { Inspector } from './inspect';
import { createLockService, type LockTable } from './lock';
import { createConsole, createLogger, type LogLine } from './logger';
import { PROJECT_MANIFEST, type Manifest } from './manifest';
import { createPropertiesService } from './properties';
import type { Intrinsics } from './realm';
import { checkScopes } from './scopes';
import { createScriptApp, type StateToken } from './script';
import { createSession } from './session';
import { Spreadsheet, type ApostropheInTextCells } from './spreadsheet/spreadsheet';
import { createSpreadsheetApp } from './spreadsheet/spreadsheet-app';
import { firstButton, UiRecord, type AlertAnswerer } from './spreadsheet/ui';
import { createUrlFetchApp, URL_FETCH_CALLS_PER_DAY, type RecordedRequest, type UrlFetchQuotaWindows } from './url-fetch';
import { createUtilities } from './utilities';

/** How a world starts. Everything has a default. */
export interface GoogleFakesOptions {
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** The tabs of the new spreadsheet (default `['Sheet1']`). */
  sheetNames?: string[];
  /** The spreadsheet's time zone, which dates are stored in (default `Etc/UTC`). */
  timeZone?: string;
  /** The script's time zone from its manifest (default `Etc/UTC`). */
  scriptTimeZone?: string;
  scriptId?: string;
  /** The clock's start, epoch ms (default 2025-01-01T00:00:00Z). */
  startTime?: number;
  /** Project HTML files by name without `.html`, e.g. `{ Sidebar: '<!DOCTYPE html>…' }`. */
  htmlFiles?: Record<string, string>;
  /** Answers UrlFetch requests (default: every request fails to connect). */
  urlFetch?: HttpPort;
  /** The user whose authority scripts run with (default: the execution's user). */
  effectiveUser?: string;
  /** Answers alerts (default: the first button, OK or YES). */
  answerAlert?: AlertAnswerer;
  /** The manifest whose scopes and allow-list are enforced (default: the project's appsscript.json). */
  manifest?: Manifest;
  /** What calls cost on the clock (default: `DEFAULT_COST_MODEL`, see cost.ts). */
  cost?: Partial<CostModel>;
  /**
   * Whether a value written with a leading apostrophe into a plain-text (`@`) cell keeps it. Google
   * does not document it (DOMAIN.md §4), so SettleSheet must be right either way and the e2e suite
   * runs in both modes. Default: `SETTLESHEET_FAKE_APOSTROPHE` (`keep` or `strip`), else `strip`.
   */
  apostropheInTextCells?: ApostropheInTextCells;
  /** UrlFetch calls one user may make in 24 hours (default 20,000, a consumer account's quota). */
  urlFetchCallsPerDay?: number;
}

/** A service call about to happen, as `beforeCall` hooks see it. */
export interface ServiceCall {
  /** `Service.method`, e.g. `Range.setValues`. */
  name: string;
  /** The user of the execution making it. */
  user: string;
  /** Which execution (a number, increasing). */
  execution: number;
}

/** Runs before a service call; throwing makes the call fail with that error. */
export type CallHook = (call: ServiceCall) => void;

/** One execution's view: its user, the realm of its code, and its authorization mode. */
export interface ExecutionOptions {
  user: string;
  /** The constructors of the caller's `node:vm` realm, when its code runs in one. */
  intrinsics?: Intrinsics;
  /** `NONE` is how `onOpen` may run: only the menu may be built. */
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /**
   * True for a run with no open document, such as Google's /usercallback: the document's
   * properties, lock and cache and the active spreadsheet are null. ASSUMPTION: Google's
   * references say these return null when there is no document (e.g. "null if the script is not
   * bound"), and DOMAIN.md §4 says they may be null in the callback; the fakes take the strict case.
   */
  withoutDocument?: boolean;
  /**
   * True for a simple trigger (`onEdit`, `onOpen`): it runs in AuthMode.LIMITED, may not call a
   * service that needs authorization, and is stopped after 30 seconds (Google, "Simple triggers",
   * Restrictions: "They cannot access services that require authorization", "They cannot run for
   * longer than 30 seconds"; AuthMode LIMITED is the mode of an add-on's onOpen(e) and onEdit(e)).
   */
  simpleTrigger?: boolean;
}

/** How long a simple trigger may run (Google, "Simple triggers", Restrictions). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

// Services a simple trigger may not call: they need the person's authorization. UrlFetchApp needs
// script.external_request (Google, "Simple triggers": "cannot access services that require
// authorization"); the bound spreadsheet, properties, cache and lock need none.
const NEEDS_AUTHORIZATION = ['UrlFetchApp.'];

function createServices(world: GoogleWorld, user: string, execution: number, hasDocument: boolean, simpleTrigger: boolean) {
  const w = world._state;
  return {
    SpreadsheetApp: createSpreadsheetApp({ spreadsheet: w.spreadsheet, record: w.ui, user, answerAlert: () => world.answerAlert, hasDocument }),
    PropertiesService: createPropertiesService(w.properties, user, hasDocument),
    CacheService: createCacheService(w.caches, user, w.clock, hasDocument),
    LockService: createLockService(w.locks, execution, user, w.clock, hasDocument),
    UrlFetchApp: createUrlFetchApp({
      handler: () => world.urlFetch,
      record: w.requests,
      user,
      clock: w.clock,
      allowList: w.manifest.urlFetchWhitelist,
      quota: { perDay: w.urlFetchCallsPerDay, windows: w.urlFetchWindows },
    }),
    HtmlService: createHtmlService(() => world.htmlFiles),
    ScriptApp: createScriptApp(world.scriptId, w.tokens, w.clock),
    Session: createSession({ user, effectiveUser: w.effectiveUser ?? user, scriptId: world.scriptId, scriptTimeZone: w.scriptTimeZone, emailHidden: simpleTrigger }),
    Utilities: createUtilities(w.clock),
    Logger: createLogger(w.logs, user),
    console: createConsole(w.logs, user),
  };
}

/** The globals one execution sees (`SpreadsheetApp`, `PropertiesService`, …, `console`). */
export type AppsScriptGlobals = ReturnType<typeof createServices>;

// In AuthMode.NONE an add-on may only build its menu.
const ALLOWED_WITHOUT_AUTHORIZATION = ['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Menu.', 'Logger.', 'console.'];

function refuseWithoutAuthorization(name: string): void {
  if (!ALLOWED_WITHOUT_AUTHORIZATION.some((allowed) => name === allowed || (allowed.endsWith('.') && name.startsWith(allowed)))) {
    throw new GoogleException(`You do not have permission to call ${name}`);
  }
}

function keyed<T>(): { map: Map<string, Map<string, T>>; get(key: string): Map<string, T> } {
  const map = new Map<string, Map<string, T>>();
  return {
    map,
    get(key) {
      let m = map.get(key);
      if (!m) { m = new Map(); map.set(key, m); }
      return m;
    },
  };
}

/** The world (see `createGoogleFakes`). */
export class GoogleWorld {
  /** Counts every call scripts make on the fakes. */
  readonly calls = new CallCounter();
  /** Reads the world without counting. */
  readonly inspect: Inspector;
  readonly scriptId: string;
  /** Project HTML files by name without `.html`. */
  htmlFiles: Record<string, string>;
  /** Answers UrlFetch requests. */
  urlFetch: HttpPort;
  /** Answers alerts. */
  answerAlert: AlertAnswerer;
  readonly _state;
  private executions = 0;
  private readonly executionOf = new WeakMap<object, number>();
  private readonly startedAt = new Map<number, number>();
  private readonly overran = new Set<number>();
  // Executions with a shorter limit than six minutes (simple triggers).
  private readonly limits = new Map<number, number>();
  private readonly userOf = new Map<number, string>();
  private readonly callHooks = new Set<CallHook>();

  constructor(options: GoogleFakesOptions = {}) {
    const ui = new UiRecord();
    const userProperties = keyed<string>();
    const userCaches = keyed<CacheEntry>();
    this.scriptId = options.scriptId ?? '1FakeScriptIdForSettleSheetTests0000000000000000000000000';
    this.htmlFiles = { ...options.htmlFiles };
    this.urlFetch = options.urlFetch ?? ((request) => { throw new NetworkError(`no handler for ${request.url}`); });
    this.answerAlert = options.answerAlert ?? firstButton;
    this._state = {
      clock: new Clock(options.startTime ?? Date.UTC(2025, 0, 1)),
      ui,
      spreadsheet: new Spreadsheet({
        id: options.spreadsheetId ?? '1FakeSpreadsheetIdForSettleSheetTests000000000',
        name: options.spreadsheetName ?? 'Untitled spreadsheet',
        timeZone: options.timeZone ?? 'Etc/UTC',
        sheetNames: options.sheetNames ?? ['Sheet1'],
        apostropheInTextCells: options.apostropheInTextCells ?? apostropheModeFromEnvironment(),
      }, ui),
      properties: { script: new Map<string, string>(), document: new Map<string, string>(), user: (email: string) => userProperties.get(email) },
      caches: { script: new Map<string, CacheEntry>(), document: new Map<string, CacheEntry>(), user: (email: string) => userCaches.get(email) },
      locks: new Map() as LockTable,
      tokens: new Map<string, StateToken>(),
      requests: [] as RecordedRequest[],
      logs: [] as LogLine[],
      scriptTimeZone: options.scriptTimeZone ?? 'Etc/UTC',
      effectiveUser: options.effectiveUser,
      manifest: options.manifest ?? PROJECT_MANIFEST,
      cost: { ...DEFAULT_COST_MODEL, ...options.cost } as CostModel,
      urlFetchCallsPerDay: options.urlFetchCallsPerDay ?? URL_FETCH_CALLS_PER_DAY,
      urlFetchWindows: new Map() as UrlFetchQuotaWindows,
    };
    const state = this._state;
    this.inspect = new Inspector({ ...state, now: () => state.clock.now() });
  }

  /** The world's time, epoch ms. */
  now(): number {
    return this._state.clock.now();
  }

  /** Moves the world's time forward. */
  advanceClock(ms: number): void {
    this._state.clock.advance(ms);
  }

  /**
   * Moves the world's time forward as time the running script spends waiting (a UrlFetch the
   * service answers slowly): it counts against the execution's six minutes, as the call's own
   * cost does (cost.ts), where `advanceClock` is time a test lets pass between executions.
   */
  spend(ms: number): void {
    this._state.clock.spend(ms);
  }

  /** Changes the UrlFetch calls each user may make in 24 hours (Google's quota; 20,000 by default). */
  setUrlFetchCallsPerDay(calls: number): void {
    this._state.urlFetchCallsPerDay = calls;
  }

  /** The UrlFetch calls `user` made in the current 24-hour quota window. */
  urlFetchCallsToday(user: string): number {
    return this._state.urlFetchWindows.get(user)?.calls ?? 0;
  }

  /** The cost model the clock follows (change its fields to price calls differently). */
  get cost(): CostModel {
    return this._state.cost;
  }

  /** The globals of a new execution by `user`. */
  globalsFor(options: ExecutionOptions): AppsScriptGlobals {
    const execution = ++this.executions;
    this.userOf.set(execution, options.user);
    const granted = this._state.manifest.oauthScopes;
    const withoutAuthorization = options.authMode === 'NONE';
    this.startedAt.set(execution, this._state.clock.spent);
    if (options.simpleTrigger) this.limits.set(execution, SIMPLE_TRIGGER_LIMIT_MS);
    const boundary = createBoundary({
      calls: this.calls,
      intrinsics: options.intrinsics,
      guard: (name) => {
        if (withoutAuthorization) refuseWithoutAuthorization(name);
        if (options.simpleTrigger && NEEDS_AUTHORIZATION.some((prefix) => name.startsWith(prefix))) {
          throw new GoogleException(`You do not have permission to call ${name}`);
        }
        checkScopes(name, granted);
      },
      meter: (name, target, args) => this.charge(execution, name, target, args),
    });
    const services = createServices(this, options.user, execution, options.withoutDocument !== true, options.simpleTrigger === true);
    const globals = {} as Record<string, object>;
    for (const [name, service] of Object.entries(services)) globals[name] = boundary.expose(service);
    this.executionOf.set(globals, execution);
    return globals as AppsScriptGlobals;
  }

  /**
   * Prices one call on the clock (see cost.ts) and records the cells it touches; past the
   * execution's six minutes the call throws Google's message and the execution is marked as stopped.
   */
  private charge(execution: number, name: string, target: object, args: readonly unknown[]): void {
    for (const hook of [...this.callHooks]) hook({ name, user: this.userOf.get(execution) ?? '', execution });
    const cells = isSheetsDataCall(name) ? cellsOf(name, target, args) : 0;
    if (cells > 0) this.calls.countCells(name, cells);
    const rowCells = rowCellsOf(name, target, args);
    if (rowCells > 0) this.calls.countRowCells(name, rowCells);
    const fetches = name === 'UrlFetchApp.fetchAll' && Array.isArray(args[0]) ? args[0].length : 1;
    const clock = this._state.clock;
    clock.spend(costOf(this._state.cost, name, cells + rowCells) * fetches);
    const started = this.startedAt.get(execution) ?? clock.spent;
    if (clock.spent - started > Math.min(this._state.cost.executionLimitMs, this.limits.get(execution) ?? Number.POSITIVE_INFINITY)) {
      this.overran.add(execution);
      throw new GoogleException('Exceeded maximum execution time');
    }
  }

  /**
   * Runs `hook` before every service call any execution makes (after the call is counted, before
   * the fake does anything), until the returned function is called. Not a rule of Google's: a way
   * for tests to put a second person's execution between two calls of the first (two people at
   * once: Apps Script runs executions in parallel, the fakes one at a time) or to make one call
   * fail (throw from the hook) as Google's service sometimes does.
   */
  beforeCall(hook: CallHook): () => void {
    this.callHooks.add(hook);
    return () => void this.callHooks.delete(hook);
  }

  /**
   * How long an execution has run, in ms: the time its calls, sleeps and lock waits cost (time a
   * test lets pass with `advanceClock` is the world's, not the script's).
   */
  elapsed(globals: AppsScriptGlobals): number {
    const execution = this.executionOf.get(globals);
    const started = execution === undefined ? undefined : this.startedAt.get(execution);
    return started === undefined ? 0 : this._state.clock.spent - started;
  }

  /**
   * Ends an execution: Apps Script releases the locks a script still holds when it ends. An
   * execution that ran past six minutes was stopped by Apps Script: ending it throws, so no test
   * can pass while a server call would not finish in real Apps Script.
   */
  endExecution(globals: AppsScriptGlobals): void {
    const execution = this.executionOf.get(globals);
    if (execution === undefined) throw new Error('These globals did not come from this world');
    for (const [key, holder] of [...this._state.locks]) {
      if (holder === execution) this._state.locks.delete(key);
    }
    const started = this.startedAt.get(execution);
    const limit = this.limits.get(execution);
    // A script stopped while it waited (a slow UrlFetch as its last call) overran too.
    if (started !== undefined && this._state.clock.spent - started > Math.min(this._state.cost.executionLimitMs, limit ?? Number.POSITIVE_INFINITY)) this.overran.add(execution);
    this.startedAt.delete(execution);
    this.limits.delete(execution);
    this.userOf.delete(execution);
    if (this.overran.delete(execution)) {
      const allowed = limit !== undefined ? `a simple trigger's ${limit / 1000} seconds` : `Apps Script's ${this._state.cost.executionLimitMs / 60_000} minutes`;
      throw new Error(`Exceeded maximum execution time: this execution spent ${((this._state.clock.spent - (started ?? 0)) / 1000).toFixed(0)} s, past ${allowed}.`);
    }
  }

  /** Runs `fn` as one execution by `user`, then ends it. */
  run<T>(user: string, fn: (globals: AppsScriptGlobals) => T, options: Omit<ExecutionOptions, 'user'> = {}): T {
    const globals = this.globalsFor({ ...options, user });
    try {
      return fn(globals);
    } finally {
      this.endExecution(globals);
    }
  }

  /**
   * Plays Google's `/usercallback`: for a valid, unexpired `state` token, the top-level function to
   * call and its event (`e.parameter` holds the query and the token's arguments); otherwise throws
   * the text Google's page shows.
   */
  userCallback(query: Record<string, string>): { functionName: string; event: { parameter: Record<string, string> } } {
    const token = query.state === undefined ? undefined : this._state.tokens.get(query.state);
    if (!token || token.expiresAt <= this.now()) {
      throw new GoogleException('The state token is invalid or has expired. Please try again.');
    }
    return { functionName: token.method, event: { parameter: { ...query, ...token.arguments } } };
  }
}

function apostropheModeFromEnvironment(): ApostropheInTextCells {
  const mode = typeof process === 'undefined' ? undefined : process.env.SETTLESHEET_FAKE_APOSTROPHE;
  if (mode === undefined || mode === '' || mode === 'strip') return 'strip';
  if (mode === 'keep') return 'keep';
  throw new Error(`SETTLESHEET_FAKE_APOSTROPHE must be "keep" or "strip", not "${mode}"`);
}

/** The constructors of a `node:vm` context, to pass as `intrinsics`. */
export function intrinsicsOf(context: vm.Context): Intrinsics {
  return vm.runInContext('({ Date, Array, Object, Error })', context) as Intrinsics;
}

/** A new fake Google world. */
export function createGoogleFakes(options?: GoogleFakesOptions): GoogleWorld {
  return new GoogleWorld(options);
}
