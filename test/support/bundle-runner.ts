/**
 * Runs the BUILT dist/Code.js the way Apps Script does: each call is one execution in a fresh
 * script context (the whole bundle evaluated again), with one user's fake services as its globals
 * and time on the world's clock. Results cross back the way `google.script.run` would let them:
 * plain data only.
 */
import vm from 'node:vm';
import { intrinsicsOf, type GoogleFakes } from '../fakes/google';

/** Calls top-level functions of a bundle as separate executions. */
export interface BundleRunner {
  /** A `google.script.run` target: the result must be plain data. */
  call<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Any top-level function (a menu item, the OAuth callback returning an HtmlOutput). */
  callRaw<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Like `callRaw`, as a simple trigger before the person authorised the add-on. */
  callWithoutAuthorization<T = unknown>(user: string, name: string, ...args: unknown[]): T;
}

/** Throws if a value could not cross google.script.run (a Date, a function, a class instance). */
export function assertPlainData(value: unknown, path = 'result'): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlainData(v, `${path}[${i}]`));
  const tag = Object.prototype.toString.call(value);
  if (typeof value !== 'object' || tag !== '[object Object]') throw new Error(`${path} is not plain data (${tag})`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) assertPlainData(v, `${path}.${k}`);
}

/** A runner for one bundle's code in one fake world. */
export function bundleRunner(world: GoogleFakes, code: string): BundleRunner {
  const call = <T>(user: string, authMode: 'NONE' | undefined, name: string, args: unknown[]): T => {
    const context = vm.createContext({});
    const globals = world.globalsFor({ user, intrinsics: intrinsicsOf(context), ...(authMode ? { authMode } : {}) });
    Object.assign(context, globals);
    (vm.runInContext('Date', context) as DateConstructor).now = () => world.now();
    try {
      vm.runInContext(code, context, { filename: 'Code.js' });
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
      return fn(...args) as T;
    } finally {
      world.endExecution(globals);
    }
  };
  return {
    call: (user, name, ...args) => {
      const result = call(user, undefined, name, args);
      assertPlainData(result);
      return result as never;
    },
    callRaw: (user, name, ...args) => call(user, undefined, name, args),
    callWithoutAuthorization: (user, name, ...args) => call(user, 'NONE', name, args),
  };
}
