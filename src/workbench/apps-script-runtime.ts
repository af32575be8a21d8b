/**
 * Runs the BUILT dist/Code.js the way Apps Script does: every call is a new execution that
 * evaluates the whole script in a fresh realm, with one user's Google services (the fakes) as its
 * globals, and ends by releasing the locks it still holds. Values cross the boundary as
 * google.script.run carries them: plain data only.
 */
import vm from 'node:vm';
import { intrinsicsOf, type GoogleWorld } from '../../test/fakes/google';

/** What a `google.script.run` call gives the page: a value, or the error Apps Script reports. */
export type CallAnswer = { returned?: unknown } | { thrown: string };

/** A place in a value that google.script.run would refuse to carry, or undefined when it is plain data. */
export function notPlainData(value: unknown, path = 'value'): string | undefined {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} (${value})`;
  if (typeof value !== 'object') return `${path} (a ${typeof value})`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = notPlainData(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  // Objects from the script's realm have that realm's Object.prototype: compare by shape, not identity.
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    return `${path} (a ${(value as object).constructor?.name ?? 'non-plain object'})`;
  }
  for (const [key, inner] of Object.entries(value)) {
    const problem = notPlainData(inner, `${path}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

/** Who runs an execution, and how. */
export interface ExecutionOptions {
  user?: string;
  /** `NONE`: a simple trigger before the person authorised the add-on (only the menu may be built). */
  authMode?: 'NONE';
  /** True for Google's /usercallback, which runs without the spreadsheet (document services are null). */
  withoutDocument?: boolean;
  /** True for a simple trigger such as `onEdit`: AuthMode LIMITED, nothing that needs authorization, 30 seconds. */
  simpleTrigger?: boolean;
}

/** The built script, ready to run executions against a fake Google world. */
// Replaces the context's Date with one whose "now" is the world's: `Date.now()`, `new Date()` and
// `Date()`. Dates made from arguments, parsing and instanceof behave as the built-in ones.
const WORLD_DATE = `(function (now) {
  const RealDate = Date;
  function WorldDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length ? new RealDate(...args) : new RealDate(now());
  }
  WorldDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: WorldDate, writable: true, configurable: true });
  WorldDate.now = now;
  WorldDate.parse = RealDate.parse;
  WorldDate.UTC = RealDate.UTC;
  globalThis.Date = WorldDate;
})`;

export class AppsScriptRuntime {
  private readonly script: vm.Script;
  /** The top-level functions the bundle declares that a page may call (names ending in `_` are private). */
  readonly functionNames: readonly string[];

  /**
   * `clock: 'real'` (the workbench) moves the fakes' clock up to real time before each execution
   * so dates look current; `clock: 'world'` (tests) leaves the world's clock in charge and makes
   * the script's `Date.now` and `new Date()` read it, so token expiry, retries and every date the
   * script writes follow the test's time (Apps Script has one clock, not two).
   */
  constructor(
    private readonly world: GoogleWorld,
    code: string,
    private readonly user: string,
    private readonly clock: 'real' | 'world' = 'real',
  ) {
    this.script = new vm.Script(code, { filename: 'Code.js' });
    const probe = vm.createContext({});
    this.script.runInContext(probe);
    this.functionNames = Object.keys(probe)
      .filter((name) => typeof (probe as Record<string, unknown>)[name] === 'function' && !name.endsWith('_'))
      .sort();
  }

  /** Runs `work` in one execution: a fresh realm with the script loaded and the user's services. */
  execute<T>(work: (scope: Record<string, unknown>) => T, options: ExecutionOptions = {}): T {
    if (this.clock === 'real') {
      const behind = Date.now() - this.world.now();
      if (behind > 0) this.world.advanceClock(behind);
    }
    const context = vm.createContext({});
    const globals = this.world.globalsFor({
      user: options.user ?? this.user,
      intrinsics: intrinsicsOf(context),
      ...(options.authMode ? { authMode: options.authMode } : {}),
      ...(options.withoutDocument ? { withoutDocument: true } : {}),
      ...(options.simpleTrigger ? { authMode: 'LIMITED' as const, simpleTrigger: true } : {}),
    });
    Object.assign(context, globals);
    if (this.clock === 'world') (vm.runInContext(WORLD_DATE, context) as (now: () => number) => void)(() => this.world.now());
    try {
      this.script.runInContext(context);
      return work(context as Record<string, unknown>);
    } finally {
      this.world.endExecution(globals);
    }
  }

  /** A `google.script.run` call: the arguments arrive as JSON, the answer leaves as plain data. */
  call(name: string, argsJson: string, options: ExecutionOptions = {}): CallAnswer {
    if (!this.functionNames.includes(name)) return { thrown: `Script function not found: ${name}` };
    try {
      return this.execute((scope) => {
        // Arguments are made in the script's realm, as Apps Script delivers them.
        const args = (vm.runInContext('JSON.parse', scope) as JSON['parse'])(argsJson) as unknown[];
        const value = (scope[name] as (...a: unknown[]) => unknown)(...args);
        const problem = notPlainData(value);
        if (problem) return { thrown: `ScriptError: ${name} returned ${problem}, which google.script.run cannot carry to the page.` };
        return value === undefined ? {} : { returned: JSON.parse(JSON.stringify(value)) as unknown };
      }, options);
    } catch (error) {
      return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  /** Any top-level function (a menu item, a trigger), with its arguments as they are. */
  invoke(name: string, args: unknown[], options: ExecutionOptions = {}): unknown {
    return this.execute((scope) => {
      const fn = scope[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    }, options);
  }

  /**
   * A simple trigger such as `onEdit`, when the script declares it: its event is made inside the
   * trigger's own execution (`e.range` is a Range of that execution's services). Apps Script logs
   * what a simple trigger throws and shows the person nothing, so the error is returned, not thrown.
   */
  trigger(name: string, event: (services: Record<string, unknown>) => unknown, options: ExecutionOptions = {}): { thrown?: string } {
    if (!this.functionNames.includes(name)) return {};
    try {
      this.execute((scope) => (scope[name] as (e: unknown) => unknown)(event(scope)), { ...options, simpleTrigger: true });
      return {};
    } catch (error) {
      return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  /**
   * Google's /usercallback: calls the function a state token names, in an execution without the
   * spreadsheet, and returns the page it made.
   */
  callback(name: string, event: unknown, options: ExecutionOptions = {}): string {
    const output = this.invoke(name, [event], { ...options, withoutDocument: true }) as { getContent?: () => string } | undefined;
    return typeof output?.getContent === 'function' ? output.getContent() : String(output ?? '');
  }
}
