/**
 * `PropertiesService`: script properties (one store), document properties (one store, shared by
 * every editor) and user properties (one store per user). Values are strings. Google's quotas page
 * says 9 KB per value and 500 KB per store; a value of 8,066 bytes was the most a real store took
 * when measured in 2023 (DOMAIN.md §4), so the fake refuses more than 8,000 bytes. A write that
 * would pass a limit changes nothing. Without an open document (Google's /usercallback),
 * `getDocumentProperties` gives null.
 *
 * Messages: "You have exceeded the property storage quota. Please remove some properties and try
 * again." is Google's for a full store (quoted in lucasvtiradentes/gcal-sync#115). For one value
 * over 9 KB reports differ between that message and "Argument too large: value"; the fake uses
 * the latter so the two failures stay distinguishable.
 */
import { SERVICE, type FakeObject } from './boundary';
import { GoogleException, signatureMismatch } from './errors';

/** The most one property value holds, in bytes (measured about 8 KB; the quota page says 9 KB). */
export const MAX_PROPERTY_VALUE_BYTES = 8000;
/** Google's quota for one property store (keys and values), in bytes. */
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

function storeBytes(store: ReadonlyMap<string, string>): number {
  let sum = 0;
  for (const [k, v] of store) sum += utf8Length(k) + utf8Length(v);
  return sum;
}

function asPropertyValue(value: unknown, method: string, key: string): string {
  if (value === null || value === undefined) throw signatureMismatch(`PropertiesService.Properties.${method}`, [key, value]);
  return String(value);
}

/** One property store (Apps Script's `Properties`). */
export class Properties implements FakeObject {
  readonly [SERVICE] = 'Properties';

  constructor(readonly _store: Map<string, string>) {}

  /** Replaces the store's content with `next` if it fits Google's quotas. */
  _commit(next: Map<string, string>): void {
    for (const value of next.values()) {
      if (utf8Length(value) > MAX_PROPERTY_VALUE_BYTES) throw new GoogleException('Argument too large: value');
    }
    if (storeBytes(next) > MAX_PROPERTY_STORE_BYTES) {
      throw new GoogleException('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }

  /** The value, or null. */
  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  /** Stores one value (numbers and booleans become strings). */
  setProperty(key: string, value: unknown): this {
    const next = new Map(this._store);
    next.set(String(key), asPropertyValue(value, 'setProperty', key));
    this._commit(next);
    return this;
  }

  /** Stores several values; with `deleteAllOthers`, every other key goes. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of Object.entries(properties)) next.set(k, asPropertyValue(v, 'setProperties', k));
    this._commit(next);
    return this;
  }

  /** A copy of every key and value. */
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }

  /** Every key. */
  getKeys(): string[] {
    return [...this._store.keys()];
  }

  /** Deletes one key. */
  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }

  /** Deletes every key. */
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

/** Where the world keeps property stores. */
export interface PropertyStores {
  script: Map<string, string>;
  document: Map<string, string>;
  user(email: string): Map<string, string>;
}

/** The `PropertiesService` of one execution run by `user` (with or without an open document). */
export function createPropertiesService(stores: PropertyStores, user: string, hasDocument = true) {
  return {
    [SERVICE]: 'PropertiesService',
    /** The script's properties. */
    getScriptProperties: () => new Properties(stores.script),
    /** The document's properties, shared by its editors; null without a document. */
    // Typed as Google's typings type it (never null), though Google returns null without a document.
    getDocumentProperties: (): Properties => (hasDocument ? new Properties(stores.document) : null) as Properties,
    /** The current user's own properties. */
    getUserProperties: () => new Properties(stores.user(user)),
  };
}
