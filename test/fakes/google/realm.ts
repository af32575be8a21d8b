/**
 * Values crossing between the fakes and a script that may run in another `node:vm` realm. A
 * `Date` or array made in one realm fails `instanceof` in another, so inputs are recognised by
 * their built-in tag and outputs are rebuilt with the caller's own constructors.
 */

/** The constructors of the realm a script runs in. */
export interface Intrinsics {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** When given, exceptions reach the script as this realm's `Error`s. */
  Error?: ErrorConstructor;
}

/** True for a `Date` from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True for an object literal (from any realm): what `getProperties` or `getHeaders` return. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isDate(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
