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

const STYLE = `
body{margin:0;font-family:Roboto,Arial,sans-serif;font-size:13px;color:#202124;background:#f8f9fa}
header{padding:10px 16px;background:#fff;border-bottom:1px solid #dadce0}
h1{font-size:18px;font-weight:500;margin:0 0 4px}
.banner{background:#fef7e0;border:1px solid #f9ab00;border-radius:4px;padding:6px 10px;margin:6px 0}
.actions{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:6px}
button,.button{font:inherit;font-weight:500;min-height:29px;padding:0 12px;border-radius:4px;border:1px solid #dadce0;background:#fff;color:#3c4043;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center}
button.action{background:#1a73e8;border-color:#1a73e8;color:#fff}
:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
.layout{display:flex;height:calc(100vh - 118px);min-height:480px}
.sheet{flex:1;min-width:0;display:flex;flex-direction:column;background:#fff}
#tabs{display:flex;flex-wrap:wrap;gap:2px;padding:4px 8px;border-bottom:1px solid #dadce0;background:#f1f3f4}
#tabs button{border-radius:4px 4px 0 0;min-height:26px}
#tabs button[aria-selected=true]{background:#fff;color:#1a73e8;border-bottom-color:#fff}
#tabs .hidden-tab{font-style:italic}
.muted{color:#5f6368}
#editor:empty{display:none}
#editor{padding:6px 8px;border-bottom:1px solid #dadce0;background:#e8f0fe}
.edit-form{display:flex;gap:8px;align-items:center}
.edit-form input,.edit-form select{font:inherit;min-height:27px;min-width:260px}
.problem{color:#d93025}
#workbook{overflow:auto;flex:1;padding:0 0 16px}
.grid{border-collapse:collapse;font-size:12px}
.grid th,.grid td{border:1px solid #e0e0e0;padding:2px 6px;white-space:nowrap;max-width:280px;overflow:hidden;text-overflow:ellipsis}
.grid thead th{position:sticky;top:0;background:#f1f3f4;z-index:1;font-weight:500}
.grid tbody th{background:#f1f3f4;color:#5f6368;font-weight:400;text-align:right}
.grid td{cursor:cell}
.grid td.bold{font-weight:600}
.grid td.dropdown::after{content:" ▾";color:#9aa0a6}
.grid td.active{outline:2px solid #1a73e8;outline-offset:-2px}
.grid code{color:#0b8043}
aside{width:300px;flex:none;border-left:1px solid #dadce0;background:#fff;display:flex;flex-direction:column}
aside h2{font-size:13px;font-weight:500;margin:0;padding:8px 12px;border-bottom:1px solid #dadce0}
#sidebar-frame{border:0;width:300px;flex:1}
`;

/** The host page. */
export function hostPage(facts: HostFacts, script: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SettleSheet workbench (local sandbox)</title><style>${STYLE}</style></head>
<body>
<header>
<h1>SettleSheet workbench</h1>
<p class="banner" role="note"><strong>Local sandbox.</strong> This spreadsheet lives in this process's memory and "Xero" is a local sandbox
(demo organisation <strong>${escapeHtml(facts.organisation)}</strong>, signed in as ${escapeHtml(facts.user)}). Nothing reaches Google or Xero; it is all gone when you stop <code>npm start</code>.</p>
<div class="actions">
<button type="button" class="action" id="demo-into-sidebar" data-file-name="${escapeHtml(facts.demoFileName)}">Put the demo settlement in the sidebar</button>
<a class="button" href="/demo-settlement.txt" download="${escapeHtml(facts.demoFileName)}">Download the demo settlement</a>
<a class="button" href="/xero/" target="_blank" rel="noopener">Xero sandbox: organisations and documents</a>
<button type="button" id="refresh-workbook">Refresh the tabs</button>
<span class="muted">Click a cell to edit it, as you would in Google Sheets (the Category column of Mapping has a dropdown).</span>
</div>
</header>
<div class="layout">
<section class="sheet" aria-label="The spreadsheet">
<div id="tabs" role="tablist" aria-label="Tabs"></div>
<div id="editor"></div>
<div id="workbook"><p class="muted">Loading the workbook…</p></div>
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
