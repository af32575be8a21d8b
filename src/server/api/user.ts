/** Who is running this call, for the Log and the Settlements tab. */
export function currentUser(): string {
  // Consumer accounts may hide the active user's address from an add-on; fall back to the
  // effective user (the same person when the add-on runs as the user).
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown user';
}
