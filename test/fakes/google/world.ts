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
import { GoogleException } from './errors';
import { createHtmlService } from './html';
import { Inspector } from './inspect';
import { createLockService, type LockTable } from './lock';
import { createConsole, createLogger, type LogLine } from './logger';
import { createPropertiesService } from './properties';
import type { Intrinsics } from './realm';
import { createScriptApp, type StateToken } from './script';
import { createSession } from './session';
import { Spreadsheet } from './spreadsheet/spreadsheet';
import { createSpreadsheetApp } from './spreadsheet/spreadsheet-app';
import { firstButton, UiRecord, type AlertAnswerer } from './spreadsheet/ui';
import { createUrlFetchApp, type RecordedRequest } from './url-fetch';
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
}

/** One execution's view: its user, the realm of its code, and its authorization mode. */
export interface ExecutionOptions {
  user: string;
  /** The constructors of the caller's `node:vm` realm, when its code runs in one. */
  intrinsics?: Intrinsics;
  /** `NONE` is how `onOpen` may run: only the menu may be built. */
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
}

function createServices(world: GoogleWorld, user: string, execution: number) {
  const w = world._state;
  return {
    SpreadsheetApp: createSpreadsheetApp({ spreadsheet: w.spreadsheet, record: w.ui, user, answerAlert: () => world.answerAlert }),
    PropertiesService: createPropertiesService(w.properties, user),
    CacheService: createCacheService(w.caches, user, w.clock),
    LockService: createLockService(w.locks, execution, user, w.clock),
    UrlFetchApp: createUrlFetchApp({ handler: () => world.urlFetch, record: w.requests, user, clock: w.clock }),
    HtmlService: createHtmlService(() => world.htmlFiles),
    ScriptApp: createScriptApp(world.scriptId, w.tokens, w.clock),
    Session: createSession({ user, effectiveUser: w.effectiveUser ?? user, scriptId: world.scriptId, scriptTimeZone: w.scriptTimeZone }),
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
      }, ui),
      properties: { script: new Map<string, string>(), document: new Map<string, string>(), user: (email: string) => userProperties.get(email) },
      caches: { script: new Map<string, CacheEntry>(), document: new Map<string, CacheEntry>(), user: (email: string) => userCaches.get(email) },
      locks: new Map() as LockTable,
      tokens: new Map<string, StateToken>(),
      requests: [] as RecordedRequest[],
      logs: [] as LogLine[],
      scriptTimeZone: options.scriptTimeZone ?? 'Etc/UTC',
      effectiveUser: options.effectiveUser,
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

  /** The globals of a new execution by `user`. */
  globalsFor(options: ExecutionOptions): AppsScriptGlobals {
    const execution = ++this.executions;
    const boundary = createBoundary({
      calls: this.calls,
      intrinsics: options.intrinsics,
      guard: options.authMode === 'NONE' ? refuseWithoutAuthorization : undefined,
    });
    const services = createServices(this, options.user, execution);
    const globals = {} as Record<string, object>;
    for (const [name, service] of Object.entries(services)) globals[name] = boundary.expose(service);
    this.executionOf.set(globals, execution);
    return globals as AppsScriptGlobals;
  }

  /** Ends an execution: Apps Script releases the locks a script still holds when it ends. */
  endExecution(globals: AppsScriptGlobals): void {
    const execution = this.executionOf.get(globals);
    if (execution === undefined) throw new Error('These globals did not come from this world');
    for (const [key, holder] of [...this._state.locks]) {
      if (holder === execution) this._state.locks.delete(key);
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

/** The constructors of a `node:vm` context, to pass as `intrinsics`. */
export function intrinsicsOf(context: vm.Context): Intrinsics {
  return vm.runInContext('({ Date, Array, Object, Error })', context) as Intrinsics;
}

/** A new fake Google world. */
export function createGoogleFakes(options?: GoogleFakesOptions): GoogleWorld {
  return new GoogleWorld(options);
}
