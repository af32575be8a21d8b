/**
 * The sandbox server's read-only home page: each organisation and the documents it holds, so a
 * person running the workbench can see what the product posted. Every value is escaped.
 */
import type { XeroSandbox } from './sandbox';
import { escapeHtml } from './wire';

/** The HTML of the overview page. */
export function renderOverviewPage(sandbox: XeroSandbox, proxyPrefix: string): string {
  const sections = sandbox.organisations().map(({ tenantId, name }) => {
    const org = sandbox.organisation(tenantId);
    const rows = sandbox
      .documents(tenantId)
      .map(
        (doc) =>
          `<tr><td>${escapeHtml(doc.type)}</td><td>${escapeHtml(doc.invoiceNumber)}</td>` +
          `<td>${escapeHtml(doc.reference ?? '')}</td><td>${escapeHtml(doc.contactName)}</td>` +
          `<td>${escapeHtml(doc.date)}</td><td>${escapeHtml(doc.status)}</td>` +
          `<td>${escapeHtml(doc.lineAmountTypes)}</td><td class="n">${escapeHtml(doc.total)} ${escapeHtml(doc.currencyCode)}</td>` +
          `<td class="n">${doc.lines.length}</td></tr>`,
      )
      .join('');
    const table = rows
      ? `<table><thead><tr><th>Type</th><th>Number</th><th>Reference</th><th>Contact</th><th>Date</th>` +
        `<th>Status</th><th>Amounts</th><th>Total</th><th>Lines</th></tr></thead><tbody>${rows}</tbody></table>`
      : '<p>No documents yet.</p>';
    const journals = sandbox
      .journals(tenantId)
      .map((j) => `<tr><td>${escapeHtml(j.narration)}</td><td>${escapeHtml(j.date)}</td><td>${escapeHtml(j.status)}</td>` +
        `<td>${j.lines.map((l) => `${escapeHtml(l.accountCode ?? '')} ${escapeHtml(l.lineAmount)}`).join('<br>')}</td></tr>`)
      .join('');
    const journalTable = journals
      ? `<h3>Manual journals</h3><table><thead><tr><th>Narration</th><th>Date</th><th>Status</th><th>Lines</th></tr></thead><tbody>${journals}</tbody></table>`
      : '';
    return (
      `<section><h2>${escapeHtml(name)}</h2><p>Tenant <code>${escapeHtml(tenantId)}</code>, ` +
      `${escapeHtml(org.profile.CountryCode)}, base currency ${escapeHtml(org.profile.BaseCurrency)}, ` +
      `currencies ${escapeHtml(org.currencies.map((c) => c.Code).join(', '))}</p>${table}${journalTable}</section>`
    );
  });
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Xero sandbox</title>` +
    `<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1e3246}table{border-collapse:collapse}` +
    `td,th{border:1px solid #c9d2dc;padding:.25rem .5rem;text-align:left}.n{text-align:right}</style></head>` +
    `<body><h1>Xero sandbox</h1><p>Requests go to <code>${escapeHtml(proxyPrefix)}/&lt;host&gt;/&lt;path&gt;</code>, ` +
    `e.g. <code>${escapeHtml(proxyPrefix)}/api.xero.com/connections</code>.</p>${sections.join('')}</body></html>`
  );
}
