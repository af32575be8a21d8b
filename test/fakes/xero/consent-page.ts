/**
 * The HTML of login.xero.com's consent step: which app asks, for which scopes, and which
 * organisations to connect. Every value from the request or the seed is escaped.
 */
import { escapeHtml } from './wire';

/** What the consent page shows. */
export interface ConsentPageModel {
  appName: string;
  userEmail: string;
  userId: string;
  scopes: string[];
  organisations: { tenantId: string; name: string }[];
  /** The authorize parameters, carried through the form so the POST can re-check them. */
  authorizeParams: [string, string][];
  /** Why the previous submission was refused, if it was. */
  problem?: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;color:#1e3246}
fieldset{border:1px solid #c9d2dc;border-radius:6px;margin:1rem 0}label{display:block;margin:.4rem 0}
button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}.allow{background:#13b5ea;color:#fff;border:0}
.problem{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The consent form: organisation checkboxes, "Allow access" and "Cancel". */
export function renderConsentPage(model: ConsentPageModel): string {
  const hidden = model.authorizeParams
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const scopes = model.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  // ASSUMPTION: Xero preselects one organisation; the user may tick more.
  const organisations = model.organisations
    .map(
      (org, index) =>
        `<label><input type="checkbox" name="tenant" value="${escapeHtml(org.tenantId)}"` +
        `${index === 0 ? ' checked' : ''}> ${escapeHtml(org.name)}</label>`,
    )
    .join('');
  const problem = model.problem ? `<p class="problem" role="alert">${escapeHtml(model.problem)}</p>` : '';
  return page(
    `Xero sandbox: connect ${model.appName}`,
    `<h1>${escapeHtml(model.appName)} wants access to your Xero organisations</h1>` +
      `<p>Signed in as ${escapeHtml(model.userEmail)}. The app asks to:</p><ul>${scopes}</ul>${problem}` +
      `<form method="post" action="authorize">${hidden}` +
      `<input type="hidden" name="user" value="${escapeHtml(model.userId)}">` +
      `<fieldset><legend>Organisations to connect</legend>${organisations}</fieldset>` +
      `<button class="allow" type="submit" name="decision" value="allow">Allow access</button>` +
      `<button type="submit" name="decision" value="deny">Cancel</button></form>`,
  );
}

/** The page Xero shows instead of redirecting when the authorize request itself is wrong. */
export function renderAuthorizeError(message: string): string {
  return page(
    'Xero sandbox: authorisation error',
    `<h1>Sorry, something went wrong</h1><p class="problem" role="alert">${escapeHtml(message)}</p>`,
  );
}
