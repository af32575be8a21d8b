/**
 * The Import panel: pick or drop a settlement file, read it here with the same parser the server
 * trusts (a bad file is refused without a round trip), show what it is and how it reconciles,
 * then upload it in chunks with a progress bar and a Cancel button.
 */
import { importPayload } from '../../src/api/import-payload';
import { accountsTableRows, mappingTableRows } from '../../src/core/mapping/tables';
import { defaultMapping } from '../../src/core/mapping/defaults';
import { formatAmount } from '../../src/core/money';
import { parseSettlement } from '../../src/core/settlement/parse';
import type { Settlement } from '../../src/core/settlement/types';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { count, day, money, period } from '../format';
import { reckonLocally, type LocalReckoning } from '../reconciliation';
import { messageOf } from '../server';
import { percentOf, progressText, uploadSettlement, type UploadOutcome } from '../upload';
import { notice, noticeList, working } from './notice';
import { pictureView } from './picture';

const SHOWN_PROBLEMS = 5;

/** Builds the Import panel. */
export function importPanel(ctx: SidebarContext): HTMLElement {
  const headingId = uid('import');
  const inputId = uid('file');
  const input = h('input', { id: inputId, type: 'file', class: 'file-input', accept: '.txt,.tsv,.csv,text/plain,text/tab-separated-values' });
  const zone = h(
    'div',
    { class: 'dropzone' },
    h('label', { for: inputId }, h('span', { class: 'dropzone-title' }, 'Choose a settlement file'), h('span', { class: 'gray small' }, 'or drop it here. Seller Central → Payments → All statements → Download Flat File V2.')),
    input,
  );
  const stage = h('div', { class: 'import-stage', 'aria-live': 'polite' });
  let generation = 0;

  async function read(file: File): Promise<void> {
    const mine = ++generation;
    replace(stage, working(`Reading ${file.name}…`));
    let parsed: ReturnType<typeof parseSettlement>;
    try {
      parsed = parseSettlement(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (error) {
      if (mine === generation) replace(stage, notice('error', `${file.name} could not be read: ${messageOf(error)} Choose the file again.`));
      return;
    }
    if (mine !== generation) return;
    if (!parsed.ok) {
      // Found here, in the browser: nothing was sent to the spreadsheet.
      const shown = parsed.problems.slice(0, SHOWN_PROBLEMS).map((p) => p.message);
      const more = parsed.problems.length - shown.length;
      replace(
        stage,
        noticeList('error', `${file.name} cannot be imported:`, more > 0 ? [...shown, `…and ${count(more, 'more problem')}.`] : shown),
        h('p', { class: 'gray small' }, 'Nothing was sent to the spreadsheet. Choose another file.'),
      );
      return;
    }
    replace(stage, working('Checking it against your Mapping and Accounts tabs…'));
    let tables = { mapping: mappingTableRows(defaultMapping().rules), accounts: accountsTableRows(defaultMapping().accounts) };
    let tablesProblem = '';
    try {
      tables = await ctx.call('getMappingTables', {});
    } catch (error) {
      tablesProblem = messageOf(error);
    }
    if (mine !== generation) return;
    showParsed(parsed.settlement, parsed.warnings, reckonLocally(parsed.settlement, tables), tablesProblem);
  }

  function showParsed(settlement: Settlement, warnings: string[], reckoning: LocalReckoning, tablesProblem: string): void {
    const { header } = settlement;
    const lines = settlement.lines.length;
    const marketplaces = [...new Set(settlement.lines.map((l) => l.marketplace).filter((m) => m !== ''))];
    const importButton = h('button', { type: 'button', class: 'action', onclick: () => void upload(settlement, false) }, `Import ${count(lines, 'line')}`);
    const unmapped = reckoning.unmapped.map(
      (u) => `${u.transactionType} / ${u.amountType} / ${u.amountDescription}: ${count(u.rows, 'line')}, ${money(formatAmount(u.amount, header.decimals), header.currency)}`,
    );
    replace(
      stage,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Settlement'), h('dd', {}, header.settlementId),
        h('dt', {}, marketplaces.length > 1 ? 'Marketplaces' : 'Marketplace'), h('dd', {}, marketplaces.join(', ') || '—'),
        h('dt', {}, 'Period'), h('dd', {}, period(header.start, header.end)),
        h('dt', {}, 'Deposit'), h('dd', {}, `${money(formatAmount(header.totalAmount, header.decimals), header.currency)} on ${day(header.depositDate)}`),
        h('dt', {}, 'Lines'), h('dd', {}, `${count(lines, 'line')} (${settlement.format === 'v1' ? 'old V1 file' : 'Flat File V2'})`),
      ),
      tablesProblem ? notice('warning', `The Mapping tab could not be read (${tablesProblem}), so this uses SettleSheet's default mapping.`) : null,
      noticeList('warning', 'Worth knowing:', [...warnings, ...reckoning.tableProblems]),
      pictureView(reckoning.picture),
      unmapped.length
        ? noticeList('info', `${count(unmapped.length, 'line type')} ${unmapped.length === 1 ? 'has' : 'have'} no category yet. After importing, choose ${unmapped.length === 1 ? 'its category' : 'their categories'} in the Mapping tab:`, unmapped)
        : null,
      h('div', { class: 'buttons' }, importButton, h('button', { type: 'button', onclick: () => reset() }, 'Choose another file')),
    );
  }

  async function upload(settlement: Settlement, confirmReissue: boolean): Promise<void> {
    const mine = ++generation;
    const payload = importPayload(settlement);
    const signal = { cancelled: false };
    const total = payload.lines.length;
    const progressLabel = uid('progress');
    const bar = h('progress', { max: String(Math.max(total, 1)), value: '0', 'aria-labelledby': progressLabel });
    const text = h('span', { id: progressLabel }, `Starting the import of ${count(total, 'line')}…`);
    const cancel: HTMLButtonElement = h('button', {
      type: 'button',
      onclick: () => {
        signal.cancelled = true;
        cancel.disabled = true;
        text.textContent = 'Cancelling after the lines already on their way…';
      },
    }, 'Cancel');
    replace(stage, h('div', { class: 'progress' }, h('p', {}, `Importing settlement ${settlement.header.settlementId}`), bar, h('p', { class: 'small' }, text), h('div', { class: 'buttons' }, cancel)));
    cancel.focus();
    const outcome = await uploadSettlement(ctx.call, payload, {
      confirmReissue,
      signal,
      onProgress: (p) => {
        bar.value = total === 0 ? 1 : p.sent;
        bar.setAttribute('aria-valuetext', `${percentOf(p)}%`);
        if (!signal.cancelled) text.textContent = progressText(p);
      },
    });
    if (mine === generation) showOutcome(settlement, outcome);
  }

  function showOutcome(settlement: Settlement, outcome: UploadOutcome): void {
    const again = (label: string, confirm: boolean, primary = false) =>
      h('button', { type: 'button', class: primary ? 'action' : '', onclick: () => void upload(settlement, confirm) }, label);
    const open = (id: string) => h('button', { type: 'button', class: 'action', onclick: () => ctx.openSettlement(id) }, 'Open it');
    switch (outcome.kind) {
      case 'imported': {
        const s = outcome.settlement;
        const news = () => notice('success', `Imported settlement ${s.settlementId}: ${count(s.lines, 'line')}.${s.unmapped ? ` ${count(s.unmapped, 'line type')} need${s.unmapped === 1 ? 's' : ''} a category.` : ''}`);
        reset(news());
        ctx.settlementsChanged();
        ctx.openSettlement(s.settlementId, news());
        return;
      }
      case 'unchanged':
        reset(notice('info', `Settlement ${outcome.settlement.settlementId} is already imported from this same file: nothing changed. `, open(outcome.settlement.settlementId)));
        return;
      case 'needs-confirmation':
        replace(stage, notice('warning', outcome.message), h('div', { class: 'buttons' }, again('Replace it', true, true), h('button', { type: 'button', onclick: () => reset() }, 'Keep the imported one')));
        return;
      case 'busy':
        replace(stage, notice('warning', outcome.message), h('div', { class: 'buttons' }, again('Try again', false, true), h('button', { type: 'button', onclick: () => reset() }, 'Not now')));
        return;
      case 'cancelled':
        reset(notice('info', outcome.message));
        return;
      case 'failed':
        replace(stage, notice('error', outcome.message), h('div', { class: 'buttons' }, again('Try again', false, true), h('button', { type: 'button', onclick: () => reset() }, 'Choose another file')));
        return;
    }
  }

  function reset(...messages: HTMLElement[]): void {
    generation++;
    input.value = '';
    replace(stage, ...messages);
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void read(file);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void read(file);
  });

  return h('section', { class: 'block import', 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Import a settlement'), zone, stage);
}
