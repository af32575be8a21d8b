/**
 * Xero as a browser sees it in the workbench. The server returns real Xero addresses (the sign-in
 * at login.xero.com, documents at go.xero.com); the workbench serves them from the local sandbox
 * under `/xero/<host>/…` and plays Google's script.google.com when the consent page redirects to
 * the script's /usercallback. Every page value is escaped: organisation names are not ours.
 */
import type { HttpRequest } from '../xero/http';
import { renderOverviewPage } from '../../test/fakes/xero/overview-page';
import type { XeroSandbox } from '../../test/fakes/xero';
import { escapeHtml } from '../../test/fakes/xero/wire';

/** What the workbench answers a browser with. */
export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const XERO_ADDRESS = /^https:\/\/((?:login|go)\.xero\.com)(\/[^\s]*)?$/i;

/** A Xero address the browser opens → the same page on the workbench. */
export function localXeroUrl(origin: string, address: string): string {
  return address.replace(XERO_ADDRESS, (_, host: string, rest?: string) => `${origin}/xero/${host.toLowerCase()}${rest ?? '/'}`);
}

/** Rewrites every Xero address in a value the server returned, so links in the sidebar work locally. */
export function localiseXeroUrls<T>(value: T, origin: string): T {
  if (typeof value === 'string') return (XERO_ADDRESS.test(value) ? localXeroUrl(origin, value) : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => localiseXeroUrls(v, origin)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localiseXeroUrls(v, origin)])) as T;
  }
  return value;
}

function page(status: number, title: string, body: string): PageResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:52rem;color:#1e3246}' +
      'table{border-collapse:collapse;width:100%}td,th{border:1px solid #c9d2dc;padding:.3rem .5rem;text-align:left}' +
      '.n{text-align:right}.banner{background:#fff4ce;padding:.5rem .8rem;border-radius:4px}</style></head>' +
      `<body><p class="banner">Local Xero sandbox: nothing here is real Xero.</p>${body}</body></html>`,
  };
}

/**
 * A document as go.xero.com would show it, from the sandbox. SettleSheet's links name the
 * organisation (`organisationlogin/default.aspx?shortcode=…&redirecturl=…?InvoiceID=…`, Xero's
 * deep-link form): only that organisation's documents are looked at.
 */
function documentPage(sandbox: XeroSandbox, query: string, path: string): PageResponse {
  const params = new URLSearchParams(query);
  const redirect = params.get('redirecturl');
  const target = redirect === null ? params : new URLSearchParams(redirect.split('?')[1] ?? '');
  const invoiceId = target.get('InvoiceID') ?? '';
  const shortCode = params.get('shortcode');
  const organisations = sandbox.organisations().filter((org) => shortCode === null || sandbox.organisation(org.tenantId).profile.ShortCode === shortCode);
  if (/\/Journal\/View\.aspx/i.test(redirect ?? path)) return journalPage(sandbox, organisations, target.get('invoiceID') ?? '');
  for (const org of organisations) {
    const doc = sandbox.documents(org.tenantId).find((d) => d.invoiceId === invoiceId);
    if (!doc) continue;
    const kind = doc.type === 'ACCREC' ? 'Sales invoice' : 'Bill';
    const lines = doc.lines
      .map((l) => `<tr><td>${escapeHtml(l.description ?? '')}</td><td>${escapeHtml(l.accountCode ?? '')}</td><td>${escapeHtml(l.taxType ?? '')}</td><td>${escapeHtml(l.tracking.map((t) => `${t.Name}: ${t.Option}`).join(', '))}</td><td class="n">${escapeHtml(l.lineAmount)}</td></tr>`)
      .join('');
    // The files attached to it, each readable in place (SettleSheet attaches text: its summary CSV, the settlement file).
    const files = sandbox.attachments(org.tenantId, doc.invoiceId)
      .map((f) => `<details><summary>${escapeHtml(f.fileName)} (${f.bytes} bytes)</summary><pre>${escapeHtml(f.text)}</pre></details>`)
      .join('');
    return page(
      200,
      `${kind} ${doc.invoiceNumber}`,
      `<h1>${escapeHtml(kind)} ${escapeHtml(doc.invoiceNumber)}</h1>` +
        `<p>${escapeHtml(org.name)} · to ${escapeHtml(doc.contactName)} · dated ${escapeHtml(doc.date)}` +
        `${doc.dueDate ? `, due ${escapeHtml(doc.dueDate)}` : ''} · <strong>${escapeHtml(doc.status)}</strong> · amounts ${escapeHtml(doc.lineAmountTypes)}</p>` +
        `<table><thead><tr><th>Description</th><th>Account</th><th>Tax</th><th>Tracking</th><th class="n">Amount</th></tr></thead><tbody>${lines}</tbody>` +
        `<tfoot><tr><th colspan="4">Total ${escapeHtml(doc.currencyCode)}</th><th class="n">${escapeHtml(doc.total)}</th></tr></tfoot></table>` +
        (files ? `<h2>Files</h2>${files}` : '') +
        '<p><a href="/xero/">Every organisation and document</a></p>',
    );
  }
  return page(404, 'Not found', '<h1>No such document in the sandbox</h1>');
}

/** A manual journal as go.xero.com would show it (SettleSheet's cost of goods sold journals link here). */
function journalPage(sandbox: XeroSandbox, organisations: { tenantId: string; name: string }[], id: string): PageResponse {
  for (const org of organisations) {
    const journal = sandbox.journals(org.tenantId).find((j) => j.manualJournalId === id.toLowerCase());
    if (!journal) continue;
    const lines = journal.lines
      .map((l) => `<tr><td>${escapeHtml(l.description ?? '')}</td><td>${escapeHtml(l.accountCode ?? '')}</td><td>${escapeHtml(l.taxType ?? '')}</td><td class="n">${escapeHtml(l.lineAmount)}</td></tr>`)
      .join('');
    return page(
      200,
      `Manual journal ${journal.narration}`,
      `<h1>Manual journal</h1><p>${escapeHtml(journal.narration)}</p>` +
        `<p>${escapeHtml(org.name)} · dated ${escapeHtml(journal.date)} · <strong>${escapeHtml(journal.status)}</strong></p>` +
        `<table><thead><tr><th>Description</th><th>Account</th><th>Tax</th><th class="n">Debit (+) / credit (−)</th></tr></thead><tbody>${lines}</tbody></table>` +
        '<p><a href="/xero/">Every organisation and document</a></p>',
    );
  }
  return page(404, 'Not found', '<h1>No such journal in the sandbox</h1>');
}

/**
 * Answers `/xero/…`: the overview at `/xero/`, documents at `/xero/go.xero.com/…?InvoiceID=…`, and
 * the sign-in pages at `/xero/login.xero.com/…` from the sandbox itself. A redirect to the
 * script's redirect URI becomes the workbench's `/usercallback`, as Google would serve it.
 */
export function serveXero(
  sandbox: XeroSandbox,
  options: { origin: string; redirectUri: string },
  request: { method: string; path: string; query: string; headers: Record<string, string>; body: string },
): PageResponse {
  const { origin } = options;
  if (request.path === '/xero/' || request.path === '/xero') {
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: renderOverviewPage(sandbox, `${origin}/xero`) };
  }
  const go = /^\/xero\/go\.xero\.com\//i.exec(request.path);
  if (go) return documentPage(sandbox, request.query, request.path);
  const login = /^\/xero\/login\.xero\.com(\/.*)$/i.exec(request.path);
  if (!login || (request.method !== 'GET' && request.method !== 'POST')) return page(404, 'Not found', '<h1>Not a page of the Xero sandbox</h1>');
  const outcome = sandbox.dispatch({
    method: request.method as HttpRequest['method'],
    url: `https://login.xero.com${login[1]}${request.query ? `?${request.query}` : ''}`,
    headers: request.headers,
    ...(request.method === 'POST' ? { body: request.body } : {}),
  });
  if ('error' in outcome) return page(502, 'Xero sandbox', `<h1>The sandbox lost this request</h1><p>${escapeHtml(outcome.error.message)}</p>`);
  const headers = { ...outcome.response.headers };
  const location = headers['location'];
  if (location) {
    headers['location'] = location.startsWith(`${options.redirectUri}?`) || location === options.redirectUri
      ? `${origin}/usercallback${location.slice(options.redirectUri.length)}`
      : localXeroUrl(origin, location);
  }
  return { status: outcome.response.status, headers, body: outcome.response.body };
}
