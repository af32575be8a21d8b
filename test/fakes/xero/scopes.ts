/**
 * The scopes Xero's authorize endpoint accepts, and which of them an app may ask for.
 *
 * Since 2 March 2026 Xero replaces the broad `accounting.transactions` (and
 * `accounting.reports.read`) with granular scopes: "If you created your Xero app on or after
 * March 2, 2026, the old broad scopes are simply not available to you"; older apps have until
 * September 2027 (Xero's Granular Scopes FAQ, developer.xero.com/faq/granular-scopes, as
 * summarised by apideck.com/blog/xero-scopes and docs.codat.io's Xero scopes page; DOMAIN.md §4).
 */
import type { RegisteredApp } from './identity';

/** The broad scopes apps created on or after 2 March 2026 cannot ask for. */
export const BROAD_SCOPES: ReadonlySet<string> = new Set(['accounting.transactions', 'accounting.transactions.read', 'accounting.reports.read']);

/** The first day of granular-only apps. */
export const GRANULAR_ONLY_FROM = '2026-03-02';

/** The scopes Xero knows (broad, granular and OpenID); anything else is refused at authorize. */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  'openid', 'profile', 'email', 'offline_access',
  ...BROAD_SCOPES,
  'accounting.invoices', 'accounting.invoices.read',
  'accounting.payments', 'accounting.payments.read',
  'accounting.banktransactions', 'accounting.banktransactions.read',
  'accounting.manualjournals', 'accounting.manualjournals.read',
  'accounting.settings', 'accounting.settings.read',
  'accounting.contacts', 'accounting.contacts.read',
  'accounting.attachments', 'accounting.attachments.read',
  'accounting.reports.aged.read', 'accounting.reports.balancesheet.read',
  'accounting.reports.profitandloss.read', 'accounting.reports.trialbalance.read',
  'accounting.reports.executivesummary.read',
  'accounting.journals.read', 'accounting.budgets.read',
]);

/** True for an app that gets only granular scopes. */
export function granularOnly(app: RegisteredApp): boolean {
  return app.createdOn !== undefined && app.createdOn >= GRANULAR_ONLY_FROM;
}

/**
 * Why the authorize endpoint refuses these scopes for this app, or undefined.
 * ASSUMPTION: the wording and the place (Xero's error page at authorize, `invalid_scope`) of the
 * refusal of a broad scope; that it is refused is documented.
 */
export function scopeProblem(app: RegisteredApp, scopes: readonly string[]): string | undefined {
  if (scopes.length === 0) return 'invalid_scope: no scope was requested.';
  const unknown = scopes.find((scope) => !KNOWN_SCOPES.has(scope));
  if (unknown !== undefined) return `invalid_scope: '${unknown}' is not a Xero scope.`;
  const broad = granularOnly(app) ? scopes.find((scope) => BROAD_SCOPES.has(scope)) : undefined;
  if (broad !== undefined) {
    return `invalid_scope: '${broad}' is not available to apps created on or after 2 March 2026; ask for granular scopes (e.g. accounting.invoices) instead.`;
  }
  return undefined;
}
