/**
 * The workbench page around the sidebar: a live view of the workbook's tabs (redrawn after every
 * server call the sidebar makes and after every edit), a cell editor standing in for typing in
 * Google Sheets, and the button that hands the demo settlement to the sidebar's file input.
 * Everything from the workbook is set as text, never parsed as HTML.
 */
import { h, replace, safeUrl } from '../../../sidebar/dom';
import type { ShownToast } from '../../../test/fakes/google';
import type { CellView, WorkbookSnapshot } from '../workbook-view';

const view = document.getElementById('workbook') as HTMLElement;
const tabsBar = document.getElementById('tabs') as HTMLElement;
const editor = document.getElementById('editor') as HTMLElement;
const frame = document.getElementById('sidebar-frame') as HTMLIFrameElement;
let shownSheet: string | undefined;
let lastActive = '';

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Reads and draws a tab; `follow` scrolls the active cell into view (a script just selected it). */
async function load(sheet?: string, follow = false): Promise<void> {
  const query = sheet ? `?sheet=${encodeURIComponent(sheet)}` : '';
  const response = await fetch(`/api/workbook${query}`);
  if (!response.ok) return;
  draw((await response.json()) as WorkbookSnapshot, follow);
}

/** Redraws; follows the spreadsheet when a script switched the active tab or cell ("Show in Mapping"). */
async function refresh(): Promise<void> {
  const response = await fetch('/api/workbook?activeOnly=1');
  if (!response.ok) return;
  const { activeCell } = (await response.json()) as { activeCell: string };
  if (activeCell !== lastActive) {
    lastActive = activeCell;
    await load(undefined, true);
  } else {
    await load(shownSheet);
  }
}

function cellContent(cell: CellView): Node | string {
  if (cell.formula) return h('code', { title: `Shows: ${cell.text}` }, cell.formula);
  const href = cell.link ? safeUrl(cell.link) : undefined;
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, cell.text) : cell.text;
}

function draw(snapshot: WorkbookSnapshot, follow: boolean): void {
  const switched = shownSheet !== snapshot.sheet;
  shownSheet = snapshot.sheet;
  lastActive = snapshot.activeCell;
  replace(
    tabsBar,
    ...snapshot.tabs.map((tab) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': tab.name === snapshot.sheet ? 'true' : 'false',
          class: tab.hidden ? 'hidden-tab' : '',
          title: tab.hidden ? `${tab.name} (a hidden tab: people do not see it in Sheets)` : tab.name,
          onclick: () => void load(tab.name),
        },
        tab.name,
        tab.hidden ? h('span', { class: 'hidden-label' }, 'hidden') : null,
      ),
    ),
  );
  const activeMatch = /!\$?([A-Z]+)\$?(\d+)/.exec(snapshot.activeCell);
  const activeHere = snapshot.activeCell.replace(/^'?(.*?)'?!.*$/, '$1').replace(/''/g, "'") === snapshot.sheet;
  const header = h('tr', {}, h('th', { class: 'corner' }), ...Array.from({ length: snapshot.lastColumn }, (_, c) => h('th', { scope: 'col' }, columnLetters(c + 1))));
  const rowView = (line: CellView[], row: number, frozen: boolean) =>
    h(
      'tr',
      { class: frozen ? 'frozen' : '' },
      h('th', { scope: 'row' }, String(row)),
      ...line.map((cell, c) => {
        const a1 = `${columnLetters(c + 1)}${row}`;
        const isActive = activeHere && activeMatch !== null && activeMatch[1] === columnLetters(c + 1) && Number(activeMatch[2]) === row;
        const td = h(
          'td',
          {
            tabindex: '0',
            'data-cell': a1,
            class: [isActive ? 'active' : '', cell.options ? 'dropdown' : '', cell.bold ? 'bold' : ''].join(' ').trim(),
            title: cell.note ?? false,
            'aria-label': `${a1}: ${cell.formula ?? cell.text}${cell.options ? ' (dropdown)' : ''}`,
            onclick: () => edit(snapshot.sheet, row, c + 1, cell),
            onkeydown: (event) => {
              if ((event as KeyboardEvent).key === 'Enter') edit(snapshot.sheet, row, c + 1, cell);
            },
          },
          cellContent(cell),
        );
        if (cell.background) {
          td.style.background = cell.background;
          td.dataset.background = cell.background;
        }
        return td;
      }),
    );
  const frozen = snapshot.frozen.map((line, r) => rowView(line, r + 1, true));
  const rows = snapshot.cells.map((line, r) => rowView(line, snapshot.firstRow + r, false));
  const shownTo = snapshot.firstRow + snapshot.cells.length - 1;
  const more = snapshot.lastRow > shownTo || snapshot.firstRow > snapshot.frozenRows + 1;
  const table = h('table', { class: 'grid', 'aria-label': `${snapshot.sheet} tab` }, h('thead', {}, header), h('tbody', {}, ...frozen, ...rows));
  replace(view, table, more ? h('p', { class: 'muted window-note' }, `Rows ${snapshot.firstRow}–${shownTo} of ${snapshot.lastRow} shown.`) : null);
  // Frozen rows stick under the column letters, each under the one before, as Sheets keeps them.
  let top = header.getBoundingClientRect().height;
  for (const row of frozen) {
    for (const cell of row.children) (cell as HTMLElement).style.top = `${top}px`;
    top += row.getBoundingClientRect().height;
  }
  view.style.scrollPaddingTop = `${top}px`;
  if (follow) view.querySelector('td.active')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  else if (switched) view.scrollTo(0, 0);
}

function edit(sheet: string, row: number, column: number, cell: CellView): void {
  const a1 = `${columnLetters(column)}${row}`;
  const field = cell.options
    ? h('select', { id: 'edit-value' }, h('option', { value: '' }, '(blank)'), ...cell.options.map((o) => h('option', { value: o, selected: o === cell.text }, o)))
    : h('input', { id: 'edit-value', type: 'text', value: cell.formula ?? cell.text });
  const save = async () => {
    const response = await fetch('/api/cell', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sheet, row, column, value: field.value }) });
    if (!response.ok) {
      replace(editor, h('p', { class: 'problem', role: 'alert' }, await response.text()));
      return;
    }
    const { toasts } = (await response.json()) as { toasts?: ShownToast[] };
    replace(editor);
    await load(sheet);
    for (const shown of toasts ?? []) toast(shown);
  };
  replace(
    editor,
    h(
      'form',
      { class: 'edit-form', onsubmit: (event) => { event.preventDefault(); void save(); } },
      h('label', { for: 'edit-value' }, `${sheet}!${a1}`),
      field,
      h('button', { type: 'submit', class: 'action' }, 'Save'),
      h('button', { type: 'button', onclick: () => replace(editor) }, 'Cancel'),
    ),
  );
  field.focus();
}

const toastArea = document.getElementById('toast') as HTMLElement;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows a toast a script made, in the corner of the spreadsheet as Sheets does, for its timeout (one at a time). */
function toast(shown: ShownToast): void {
  clearTimeout(toastTimer);
  replace(
    toastArea,
    h('div', { class: 'toast-box' }, shown.title ? h('strong', {}, shown.title) : null, h('p', {}, shown.message)),
    h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Close the message', onclick: () => replace(toastArea) }, '×'),
  );
  toastTimer = setTimeout(() => replace(toastArea), Math.max(1, shown.timeoutSeconds) * 1000);
}

async function demoIntoSidebar(button: HTMLElement): Promise<void> {
  const response = await fetch('/demo-settlement.txt');
  const file = new File([await response.blob()], button.dataset.fileName ?? 'demo-settlement.txt', { type: 'text/plain' });
  const input = frame.contentDocument?.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) return;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

window.addEventListener('message', (event) => {
  if (event.origin === window.location.origin && (event.data as { workbench?: string })?.workbench === 'called') void refresh();
});
const demoButton = document.getElementById('demo-into-sidebar');
demoButton?.addEventListener('click', () => void demoIntoSidebar(demoButton));
document.getElementById('refresh-workbook')?.addEventListener('click', () => void refresh());
void load(undefined, true);
