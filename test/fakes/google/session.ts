/**
 * `Session`: who runs this execution. In an add-on the active user and the effective user are
 * both the person at the keyboard unless the world says otherwise. In a simple trigger neither
 * names an email: Google's `User.getEmail()` reference says the address "is not available in any
 * context that allows a script to run without that user's authorization, like a simple onOpen(e)
 * or onEdit(e) trigger", and that it then returns a blank string
 * (developers.google.com/apps-script/reference/base/user#getEmail()).
 */
import { createHash } from 'node:crypto';
import { SERVICE, type FakeObject } from './boundary';

/** A Google account (Apps Script's `User`). */
export class User implements FakeObject {
  readonly [SERVICE] = 'User';

  constructor(readonly _email: string) {}

  /** The account's email address, or '' where Google hides it. */
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
  /** True in a simple trigger: `getEmail()` answers a blank string. */
  emailHidden?: boolean;
}

/** The `Session` service of one execution. */
export function createSession(ctx: SessionContext) {
  return {
    [SERVICE]: 'Session',
    /** The user at the keyboard. */
    getActiveUser: () => new User(ctx.emailHidden ? '' : ctx.user),
    /** The user whose authority the script runs with. */
    getEffectiveUser: () => new User(ctx.emailHidden ? '' : ctx.effectiveUser),
    /** An opaque key that is stable for this user and script, and reveals no email. */
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`${ctx.scriptId}\n${ctx.user}`).digest('base64url').slice(0, 43),
    /** The script's time zone (from its manifest). */
    getScriptTimeZone: () => ctx.scriptTimeZone,
    /** The user's language. */
    getActiveUserLocale: () => 'en',
  };
}
