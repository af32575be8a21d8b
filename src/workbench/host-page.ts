/**
 * The workbench's pages: the host page (a banner saying it is a local sandbox, the demo buttons,
 * the workbook's tabs and the 300 px sidebar frame) and the sidebar page itself, which is the real
 * dist/Sidebar.html with the google.script.run shim put in front of the sidebar's own script.
 */
import { escapeHtml } from '../../test/fakes/xero/wire';

/** Facts the host page names. */
export interface HostFacts {
  demoFileName: string;
  organisation: string;
  user: string;
}

// The page fills the window exactly (no page scroll: the tab view and the sidebar scroll inside),
// and its header stays one line high at 1366 px: longer words wrap inside their own boxes, never the header.
const STYLE = `
html,body{height:100%}
body{margin:0;font-family:Roboto,Arial,sans-serif;font-size:13px;color:#202124;background:#f8f9fa;display:flex;flex-direction:column;overflow:hidden}
header{flex:none;padding:8px 16px;background:#fff;border-bottom:1px solid #dadce0;display:flex;flex-direction:column;gap:6px}
.title-row,.actions{display:flex;align-items:center;gap:8px;flex-wrap:nowrap;min-width:0}
h1{font-size:16px;font-weight:500;margin:0;white-space:nowrap;flex:none}
.banner{flex:1;min-width:0;margin:0;background:#fef7e0;border:1px solid #f9ab00;border-radius:4px;padding:3px 10px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
button,.button{font:inherit;font-weight:500;min-height:29px;padding:0 12px;border-radius:4px;border:1px solid #dadce0;background:#fff;color:#3c4043;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;white-space:nowrap;flex:none}
button.action{background:#1a73e8;border-color:#1a73e8;color:#fff}
:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
.hint{min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.layout{display:flex;flex:1;min-height:0}
.sheet{flex:1;min-width:0;display:flex;flex-direction:column;background:#fff}
#tabs{flex:none;display:flex;flex-wrap:nowrap;overflow-x:auto;gap:2px;padding:4px 8px 0;border-bottom:1px solid #dadce0;background:#f1f3f4}
#tabs button{border-radius:4px 4px 0 0;min-height:26px;gap:6px}
#tabs button[aria-selected=true]{background:#fff;color:#1a73e8;border-bottom-color:#fff}
#tabs .hidden-tab{color:#5f6368;border-style:dashed}
#tabs .hidden-label{font-size:11px;font-weight:400;color:#5f6368;background:#e8eaed;border-radius:8px;padding:0 6px}
.muted{color:#5f6368}
#editor:empty{display:none}
#editor{flex:none;padding:6px 8px;border-bottom:1px solid #dadce0;background:#e8f0fe}
.edit-form{display:flex;gap:8px;align-items:center}
.edit-form input,.edit-form select{font:inherit;min-height:27px;min-width:260px}
.problem{color:#d93025}
#workbook{overflow:auto;flex:1;min-height:0}
.window-note{margin:6px 8px}
.grid{border-collapse:separate;border-spacing:0;font-size:12px;margin-bottom:48px}
.grid th,.grid td{border-right:1px solid #e0e0e0;border-bottom:1px solid #e0e0e0;padding:2px 6px;white-space:nowrap;max-width:280px;overflow:hidden;text-overflow:ellipsis;background-clip:padding-box}
.grid td{background:#fff}
.grid thead th{position:sticky;top:0;background:#f1f3f4;z-index:3;font-weight:500}
.grid tr.frozen td,.grid tr.frozen th{position:sticky;z-index:2;border-bottom:2px solid #bdc1c6}
.grid tbody th{position:sticky;left:0;z-index:1;background:#f1f3f4;color:#5f6368;font-weight:400;text-align:right}
.grid tr.frozen th{z-index:3}
.grid td{cursor:cell}
.grid td.bold{font-weight:600}
.grid td.dropdown::after{content:" ▾";color:#9aa0a6}
.grid td.active{outline:2px solid #1a73e8;outline-offset:-2px}
.grid code{color:#0b8043}
#toast:empty{display:none}
#toast{position:absolute;right:16px;bottom:16px;max-width:360px;display:flex;gap:8px;align-items:flex-start;background:#323232;color:#fff;border-radius:6px;padding:10px 12px;box-shadow:0 2px 6px rgba(0,0,0,.3);z-index:10}
#toast p{margin:4px 0 0;line-height:1.4}
#toast .toast-close{background:transparent;border:0;color:#fff;min-height:0;padding:0 4px;font-size:16px}
.sheet{position:relative}
aside{width:300px;flex:none;border-left:1px solid #dadce0;background:#fff;display:flex;flex-direction:column;min-height:0}
aside h2{flex:none;font-size:13px;font-weight:500;margin:0;padding:8px 12px;border-bottom:1px solid #dadce0}
#sidebar-frame{border:0;width:300px;flex:1;min-height:0}
`;

/** The host page. */
export function hostPage(facts: HostFacts, script: string): string {
  const banner = `Local sandbox: this spreadsheet lives in this process's memory and "Xero" is a local sandbox (demo organisation ${facts.organisation}, signed in as ${facts.user}). Nothing reaches Google or Xero; it is all gone when you stop npm start.`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SettleSheet workbench (local sandbox)</title><style>${STYLE}</style></head>
<body>
<header>
<div class="title-row">
<h1>SettleSheet workbench</h1>
<p class="banner" role="note" title="${escapeHtml(banner)}"><strong>Local sandbox.</strong> In-memory spreadsheet, local Xero (<strong>${escapeHtml(facts.organisation)}</strong>, signed in as ${escapeHtml(facts.user)}). Nothing reaches Google or Xero; it is gone when you stop <code>npm start</code>.</p>
</div>
<div class="actions">
<button type="button" class="action" id="demo-into-sidebar" data-file-name="${escapeHtml(facts.demoFileName)}">Put the demo settlement in the sidebar</button>
<a class="button" href="/demo-settlement.txt" download="${escapeHtml(facts.demoFileName)}">Download the demo settlement</a>
<a class="button" href="/xero/" target="_blank" rel="noopener">Xero sandbox: organisations and documents</a>
<button type="button" id="refresh-workbook">Refresh the tabs</button>
<span class="muted hint">Click a cell to edit it, as in Google Sheets.</span>
</div>
</header>
<div class="layout">
<section class="sheet" aria-label="The spreadsheet">
<div id="tabs" role="tablist" aria-label="Tabs"></div>
<div id="editor"></div>
<div id="workbook"><p class="muted">Loading the workbook…</p></div>
<div id="toast" role="status" aria-live="polite"></div>
</section>
<aside aria-label="Add-on sidebar"><h2>SettleSheet</h2><iframe id="sidebar-frame" title="SettleSheet sidebar" src="/sidebar"></iframe></aside>
</div>
<script>${script.replace(/<\/(script)/gi, '<\\/$1')}</script>
</body></html>`;
}

/** Sidebar.html with the shim (and the server's function names) before the sidebar's own script. */
export function sidebarPage(sidebarHtml: string, shim: string, functionNames: readonly string[]): string {
  // JSON in a script: `<` escaped so no value can close the element.
  const names = JSON.stringify(functionNames).replace(/</g, '\\u003c');
  const injected = `<script>window.__workbenchFunctions=${names};</script><script>${shim.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const at = sidebarHtml.indexOf('<script');
  if (at < 0) throw new Error('dist/Sidebar.html has no script: run `npm run build`');
  return sidebarHtml.slice(0, at) + injected + sidebarHtml.slice(at);
}
