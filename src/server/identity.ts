/**
 * Who is running this execution, as the Log, the Settlements tab and the posted records name them.
 *
 * SettleSheet asks for the `userinfo.email` scope (see appsscript.json and the README): an
 * accountant reading the Log must be able to trust who imported and who posted, and a name a
 * person types can be anyone's. Google still gives a blank address where its policies hide it
 * (e.g. some consumer accounts using someone else's script), and a manifest deployed without the
 * scope makes Session throw: then the person is named by Google's temporary key, which tells two
 * people apart without revealing who they are (it changes every 30 days).
 */

/** The running person's email address, or a stable stand-in when Google withholds it. */
export function currentUser(): string {
  return emailOf(() => Session.getActiveUser()) || emailOf(() => Session.getEffectiveUser()) || anonymousUser();
}

function emailOf(user: () => GoogleAppsScript.Base.User): string {
  try {
    return user().getEmail();
  } catch {
    // A manifest without userinfo.email: Google refuses the call ("…permission… Session.getActiveUser").
    return '';
  }
}

function anonymousUser(): string {
  try {
    return `Google user ${Session.getTemporaryActiveUserKey().slice(0, 8)}`;
  } catch {
    return 'an unnamed Google user';
  }
}
