/**
 * The Xero app SettleSheet signs in with: its client id and secret live in SCRIPT properties, set
 * once by whoever deploys the script in the Apps Script editor (Project Settings → Script
 * properties), and never leave the server. Nothing in the add-on writes them: script properties
 * are shared by every user of the script, so a form for them would let any user point everyone's
 * sign-in at their own app (the README's threat model).
 */
import type { XeroFailure } from './errors';
import type { KeyValueStore } from './ports';

/** Script property names; the README tells the deployer to set these. */
export const SCRIPT_PROPERTY = {
  clientId: 'XERO_CLIENT_ID',
  clientSecret: 'XERO_CLIENT_SECRET',
  /** Optional: space-separated scopes replacing the defaults. */
  scopes: 'XERO_SCOPES',
  /** Optional: `off` signs in without PKCE (see `XeroApp.pkce`). */
  pkce: 'XERO_PKCE',
} as const;

/**
 * The least SettleSheet needs: sign-in, staying connected, reading settings (tracking categories
 * included), writing invoices and bills, finding contacts, writing the cost of goods sold manual
 * journals (Xero's granular `accounting.manualjournals`: accounting.invoices does not cover
 * /ManualJournals), and attaching each document's summary (`accounting.attachments`: the spec's
 * security of /Invoices/{InvoiceID}/Attachments).
 */
export const DEFAULT_SCOPES: readonly string[] = [
  'openid',
  'offline_access',
  'accounting.settings.read',
  'accounting.invoices',
  'accounting.contacts',
  'accounting.manualjournals',
  'accounting.attachments',
];

/** The app as the OAuth flow needs it. */
export interface XeroApp {
  clientId: string;
  clientSecret: string;
  /** Where Xero sends the browser back: Apps Script's /usercallback, or the workbench's own. */
  redirectUri: string;
  scopes: string[];
  /**
   * Sign in with PKCE (S256) as well as the client secret. On unless XERO_PKCE is `off`.
   * ASSUMPTION (README, Assumptions): a Xero "Web app" accepts PKCE together with its secret. Xero
   * documents PKCE only for its "Auth code with PKCE" apps and the secret for "Web app" ones; no
   * source found confirms the two together (the report once cited here, XeroAPI/xero-mcp-server
   * #212, could not be found again; the closest, PR #277 there, is open and unconfirmed). The first
   * real sign-in proves it: it completes, or Xero's sign-in page refuses the `code_challenge` and
   * the deployer sets XERO_PKCE to `off`, as the README says.
   */
  pkce: boolean;
}

/** The app, or the failure telling the deployer what to set. */
export type AppReading = { ok: true; app: XeroApp } | { ok: false; failure: XeroFailure };

/** Reads the app's credentials from script properties. */
export function readXeroApp(script: KeyValueStore, redirectUri: string): AppReading {
  const clientId = script.get(SCRIPT_PROPERTY.clientId)?.trim() ?? '';
  const clientSecret = script.get(SCRIPT_PROPERTY.clientSecret)?.trim() ?? '';
  const missing = [
    ...(clientId ? [] : [SCRIPT_PROPERTY.clientId]),
    ...(clientSecret ? [] : [SCRIPT_PROPERTY.clientSecret]),
  ];
  if (missing.length > 0) {
    return {
      ok: false,
      failure: {
        kind: 'not-configured',
        message:
          `SettleSheet is not set up for Xero yet: the script property ${missing.join(' and ')} is missing. ` +
          'Whoever deployed SettleSheet must create a Xero app (see the README) and set its client id and secret in the Apps Script editor, under Project Settings → Script properties.',
      },
    };
  }
  const scopes = (script.get(SCRIPT_PROPERTY.scopes) ?? '').split(/\s+/).filter((s) => s !== '');
  const pkce = !/^(off|false|no|0)$/i.test(script.get(SCRIPT_PROPERTY.pkce)?.trim() ?? '');
  return { ok: true, app: { clientId, clientSecret, redirectUri, scopes: scopes.length > 0 ? scopes : [...DEFAULT_SCOPES], pkce } };
}
