/**
 * `Session`: who runs this execution. In an add-on the active user and the effective user are
 * both the person at the keyboard unless the world says otherwise.
 */
import { createHash } from 'node:crypto';
import { SERVICE, type FakeObject } from './boundary';

/** A Google account (Apps Script's `User`). */
export class User implements FakeObject {
  readonly [SERVICE] = 'User';

  constructor(readonly _email: string) {}

  /** The account's email address. */
  getEmail(): string {
    return this._email;
  }
}

/** What `Session` needs to know about the execution. */
export interface SessionContext {
  user: string;
  effectiveUser: string;
  scriptId: string;
  scriptTimeZone: string;
}

/** The `Session` service of one execution. */
export function createSession(ctx: SessionContext) {
  return {
    [SERVICE]: 'Session',
    /** The user at the keyboard. */
    getActiveUser: () => new User(ctx.user),
    /** The user whose authority the script runs with. */
    getEffectiveUser: () => new User(ctx.effectiveUser),
    /** An opaque key that is stable for this user and script, and reveals no email. */
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`${ctx.scriptId}\n${ctx.user}`).digest('base64url').slice(0, 43),
    /** The script's time zone (from its manifest). */
    getScriptTimeZone: () => ctx.scriptTimeZone,
    /** The user's language. */
    getActiveUserLocale: () => 'en',
  };
}
