/**
 * The edge between a script and the fakes. Scripts only ever hold proxies: every method call
 * through one is counted as `Service.method`, its arguments are unwrapped to the fakes' own objects,
 * and its result comes back as proxies, fresh arrays, fresh `Date`s and fresh objects made in the
 * caller's realm. The fakes call each other directly, so internal work is never counted.
 */
import type { CallCounter } from './calls';
import { isDate, isPlainObject, type Intrinsics } from './realm';

/** The key under which a fake object names its Apps Script class (`Range`, `Properties`). */
export const SERVICE: unique symbol = Symbol('Apps Script service name');

/** An object a script may hold: it names the Apps Script class it stands for. */
export interface FakeObject {
  readonly [SERVICE]: string;
}

function serviceOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as Partial<FakeObject>)[SERVICE];
  return typeof name === 'string' ? name : undefined;
}

// Which fake each proxy stands for, whichever execution made it.
const targets = new WeakMap<object, object>();

/** The fake behind a proxy, or the value itself. */
export function unwrap<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return (targets.get(value) as T | undefined) ?? value;
}

function unwrapArgument(value: unknown): unknown {
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && targets.has(v))) {
    return value.map(unwrap);
  }
  return unwrap(value);
}

/** Options for one execution's boundary. */
export interface BoundaryOptions {
  calls: CallCounter;
  intrinsics?: Intrinsics;
  /** Runs before each call (after counting it); throws to refuse the call. */
  guard?: (name: string) => void;
  /** Runs after the guard with the fake and its unwrapped arguments: prices the call on the clock. */
  meter?: (name: string, target: object, args: readonly unknown[]) => void;
}

/** Hands fakes to one execution's script. */
export interface Boundary {
  /** The proxy a script holds for a fake object (the same proxy every time). */
  expose<T extends object>(target: T): T;
}

/** Creates the boundary for one execution. */
export function createBoundary({ calls, intrinsics, guard, meter }: BoundaryOptions): Boundary {
  const proxies = new WeakMap<object, object>();

  const toCaller = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (targets.has(value)) return value;
    if (serviceOf(value) !== undefined) return expose(value);
    if (Array.isArray(value)) return intrinsics ? intrinsics.Array.from(value, toCaller) : value.map(toCaller);
    if (isDate(value)) return intrinsics ? new intrinsics.Date(value.getTime()) : new Date(value.getTime());
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = intrinsics ? new intrinsics.Object() as Record<string, unknown> : {};
      for (const [k, v] of Object.entries(value)) out[k] = toCaller(v);
      return out;
    }
    return value;
  };

  const toCallerError = (error: unknown): unknown => {
    if (!intrinsics?.Error || !(error instanceof Error)) return error;
    const converted = new intrinsics.Error(error.message);
    converted.name = error.name;
    return converted;
  };

  function expose<T extends object>(target: T): T {
    const existing = proxies.get(target);
    if (existing) return existing as T;
    const service = serviceOf(target) ?? 'Object';
    const proxy = new Proxy(target, {
      get(t, prop) {
        // Members named `_…` are the fakes' own plumbing, not Apps Script API: a script that reaches
        // for one gets `undefined`, as it would from Google's objects.
        if (typeof prop === 'string' && prop.startsWith('_')) return undefined;
        const value: unknown = Reflect.get(t, prop, t);
        if (typeof prop === 'symbol') return value;
        if (typeof value !== 'function') return serviceOf(value) !== undefined ? expose(value as object) : value;
        const name = `${service}.${prop}`;
        return (...args: unknown[]) => {
          calls.count(name);
          let result: unknown;
          try {
            guard?.(name);
            const unwrapped = args.map(unwrapArgument);
            meter?.(name, t, unwrapped);
            result = (value as (...a: unknown[]) => unknown).apply(t, unwrapped);
          } catch (error) {
            throw toCallerError(error);
          }
          return toCaller(result);
        };
      },
    });
    proxies.set(target, proxy);
    targets.set(proxy, target);
    return proxy;
  }

  return { expose };
}
