/**
 * The Import panel: pick or drop a settlement file, read it here with the same parser the server
 * trusts (a bad file is refused without a round trip), show what it is and how it reconciles,
 * then upload it in chunks with a progress bar and a Cancel button. The file is read off the
 * page's thread (reading/client.ts) with a progress bar from the start, so a big file never looks
 * frozen. What happened is said in the sidebar's notice area; this panel holds the file's facts,
 * the progress and the buttons.
 */
import { accountsTableRows, mappingTableRows } from '../../src/core/mapping/tables';
import { defaultMapping } from '../../src/core/mapping/defaults';
import { formatAmount } from '../../src/core/money';
import { differenceWords } from '../../src/core/words';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { count, day, money, period } from '../format';
import { createReader, type ReaderClient } from '../reading/client';
import type { ReadProgress, ReadResult } from '../reading/reader';
import { reckonLocally, type LocalReckoning } from '../reconciliation';
import { messageOf } from '../server';
import { lineTypeCodes, lineTypeName } from '../settlement-wording';
import { percentOf, progressText, uploadSettlement, type UploadChoices, type UploadOutcome, type UploadSource } from '../upload';
import { notice, noticeList, working } from './notice';
import { pictureView } from './picture';

const SHOWN_PROBLEMS = 5;

type ReadSettlement = Extract<ReadResult, { ok: true }>;

const STAGE_WORDS: Record<ReadProgress['stage'], string> = {
  reading: 'Reading',
  checking: 'Checking the lines of',
  'adding up': 'Adding up',
};

/** `25 KB`, `173.1 MB`: how big a file is, for the progress line. */
function sizeWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

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
  let reader: ReaderClient | undefined;

  async function read(file: File): Promise<void> {
    const mine = ++generation;
    ctx.notify(null);
    reader?.close();
    const current = (reader = createReader());
    // Drawn before any work starts: the person sees the file being read at once.
    const bar = h('progress', { max: '100', 'aria-label': `Reading ${file.name}` });
    const text = h('span', {}, `Reading ${file.name} (${sizeWords(file.size)})…`);
    replace(stage, h('div', { class: 'progress reading', 'data-reader': current.mode }, bar, h('p', { class: 'small' }, text)));
    let result: ReadResult;
    try {
      result = await current.read(file, file.name, (p) => {
        if (mine !== generation) return;
        const percent = Math.floor(p.fraction * 100);
        bar.value = percent;
        bar.setAttribute('aria-valuetext', `${percent}%`);
        text.textContent = `${STAGE_WORDS[p.stage]} ${file.name}: ${percent}%`;
      });
    } catch (error) {
      if (mine === generation) fail(notice('error', `${file.name} could not be read: ${messageOf(error)} Choose the file again.`));
      return;
    }
    if (mine !== generation) return;
    if (!result.ok) {
      // Found here, in the browser: nothing was sent to the spreadsheet.
      const shown = result.problems.slice(0, SHOWN_PROBLEMS);
      const more = result.problems.length - shown.length;
      fail(
        noticeList('error', `${file.name} cannot be imported:`, more > 0 ? [...shown, `…and ${count(more, 'more problem')}.`] : shown)!,
        h('p', { class: 'small' }, 'Nothing was sent to the spreadsheet. Choose another file.'),
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
    let reckoning: LocalReckoning;
    try {
      reckoning = reckonLocally(result.aggregate, tables);
    } catch (error) {
      // Never left on "Checking…": whatever the reckoning could not do is said, and the panel is free again.
      fail(notice('error', `${file.name} could not be checked: ${messageOf(error)} Nothing was sent to the spreadsheet.`));
      return;
    }
    showRead(result, current, reckoning, tablesProblem);
  }

  /** Says why a file could not be used, and leaves the panel ready for another. */
  function fail(...content: HTMLElement[]): void {
    reset();
    const [first, ...rest] = content;
    if (first) first.append(...rest);
    ctx.notify(first ?? null, { focus: true });
  }

  function showRead(read: ReadSettlement, current: ReaderClient, reckoning: LocalReckoning, tablesProblem: string): void {
    const { begin, aggregate } = read;
    const { header } = aggregate;
    const lines = begin.lineCount;
    const source: UploadSource = { begin, aggregate: read.aggregateDto, units: read.units, lines: (from, to) => current.lines(from, to), reader: current.mode };
    const balanced = reckoning.picture.difference === 0;
    // A file whose lines do not add up to its total is not whole: the way on is another download.
    // Keeping it for inspection is a choice the person makes, never the obvious button.
    const actions = balanced
      ? [
          h('button', { type: 'button', class: 'action', onclick: () => void upload(source, {}) }, `Import ${count(lines, 'line')}`),
          h('button', { type: 'button', onclick: () => reset() }, 'Choose another file'),
        ]
      : [
          h('button', { type: 'button', class: 'action', onclick: () => reset() }, 'Choose another file'),
          h('button', { type: 'button', onclick: () => void upload(source, { keepUnbalanced: true }) }, 'Keep it for inspection'),
        ];
    const unmapped = reckoning.unmapped.map((u) =>
      h('li', {}, h('span', { class: 'strong' }, lineTypeName(u)), `: ${count(u.rows, 'line')}, ${money(formatAmount(u.amount, header.decimals), header.currency)}`, h('br'), h('span', { class: 'gray small' }, lineTypeCodes(u))),
    );
    const taken = header.totalAmount < 0;
    const total = money(formatAmount(Math.abs(header.totalAmount), header.decimals), header.currency);
    replace(
      stage,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Settlement'), h('dd', {}, header.settlementId),
        h('dt', {}, read.marketplaces.length > 1 ? 'Marketplaces' : 'Marketplace'), h('dd', {}, read.marketplaces.join(', ') || '—'),
        h('dt', {}, 'Period'), h('dd', {}, period(header.start, header.end)),
        h('dt', {}, taken ? 'Amazon took' : 'Deposit'), h('dd', {}, taken ? `${total} from your card on ${day(header.depositDate)}` : `${total} on ${day(header.depositDate)}`),
        h('dt', {}, 'Lines'), h('dd', {}, `${count(lines, 'line')} (${begin.format === 'v1' ? 'old V1 file' : 'Flat File V2'})`),
      ),
      tablesProblem ? notice('warning', `The Mapping tab could not be read (${tablesProblem}), so this uses SettleSheet's default mapping.`) : null,
      noticeList('warning', 'Worth knowing:', [...read.warnings, ...reckoning.tableProblems]),
      pictureView(reckoning.picture),
      unmapped.length
        ? h(
            'div',
            { class: 'unmapped-preview' },
            h('p', { class: 'strong' }, `${count(unmapped.length, 'line type')} ${unmapped.length === 1 ? 'has' : 'have'} no category yet. After importing, SettleSheet suggests one:`),
            h('ul', {}, ...unmapped),
          )
        : null,
      balanced
        ? null
        : notice(
            'error',
            h('strong', {}, 'This file is not whole: it will not be imported. '),
            `${differenceWords(formatAmount(reckoning.picture.difference, header.decimals), header.currency).replace(/^t/, 'T')}. Download it again from Seller Central (Payments → All Statements → Download Flat File V2). `,
            'To look at it anyway, keep it for inspection: it cannot be posted.',
          ),
      h('div', { class: 'buttons' }, ...actions),
    );
  }

  async function upload(source: UploadSource, choices: UploadChoices): Promise<void> {
    const mine = ++generation;
    ctx.notify(null);
    const signal = { cancelled: false };
    const total = source.begin.lineCount;
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
    replace(stage, h('div', { class: 'progress' }, h('p', {}, `Importing settlement ${source.begin.header.settlementId}`), bar, h('p', { class: 'small' }, text), h('div', { class: 'buttons' }, cancel)));
    cancel.focus();
    const outcome = await uploadSettlement(ctx.call, source, {
      ...choices,
      signal,
      onProgress: (p) => {
        bar.value = total === 0 ? 1 : p.sent;
        bar.setAttribute('aria-valuetext', `${percentOf(p)}%`);
        if (!signal.cancelled) text.textContent = progressText(p);
      },
    });
    if (mine === generation) showOutcome(source, outcome, choices);
  }

  function showOutcome(source: UploadSource, outcome: UploadOutcome, choices: UploadChoices): void {
    const again = (label: string, more: UploadChoices, primary = false) =>
      h('button', { type: 'button', class: primary ? 'action' : '', onclick: () => void upload(source, { ...choices, ...more }) }, label);
    switch (outcome.kind) {
      case 'imported': {
        const s = outcome.settlement;
        reset();
        ctx.settlementsChanged();
        const needs = s.unmapped ? ` ${count(s.unmapped, 'line type')} need${s.unmapped === 1 ? 's' : ''} a category.` : '';
        ctx.openSettlement(s.settlementId, notice('success', `Imported settlement ${s.settlementId}: ${count(s.lines, 'line')}.${needs}`));
        return;
      }
      case 'unchanged': {
        const id = outcome.settlement.settlementId;
        reset();
        ctx.notify(notice('info', `Settlement ${id} is already imported from this same file: nothing changed. `, h('button', { type: 'button', class: 'link-button', onclick: () => ctx.openSettlement(id) }, 'Open it')));
        return;
      }
      case 'needs-confirmation':
        ctx.notify(notice('warning', outcome.message));
        replace(stage, h('div', { class: 'buttons' }, again('Replace it', { confirmReissue: true }, true), h('button', { type: 'button', onclick: () => reset() }, 'Keep the imported one')));
        return;
      case 'busy': {
        ctx.notify(notice('warning', outcome.message));
        const stalled = outcome.stalled;
        // An import someone left: its starter may continue or cancel it at once, anyone else once it is idle.
        if (stalled?.canTakeOver) {
          const same = stalled.settlementId === source.begin.header.settlementId;
          replace(stage, h('div', { class: 'buttons' },
            again(same ? 'Continue that import with this file' : 'Cancel that import and import this file', { takeOver: stalled.importId }, true),
            h('button', { type: 'button', onclick: () => reset() }, 'Not now'),
          ));
          return;
        }
        replace(stage, h('div', { class: 'buttons' }, again('Try again', {}, true), h('button', { type: 'button', onclick: () => reset() }, 'Not now')));
        return;
      }
      case 'cancelled':
        reset();
        ctx.notify(notice('info', outcome.message));
        return;
      case 'failed':
        ctx.notify(notice('error', outcome.message));
        replace(stage, h('div', { class: 'buttons' }, again('Try again', {}, true), h('button', { type: 'button', onclick: () => reset() }, 'Choose another file')));
        return;
    }
  }

  /** Back to choosing a file: the reader (and the lines it holds) is let go. */
  function reset(): void {
    generation++;
    input.value = '';
    reader?.close();
    reader = undefined;
    replace(stage);
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
