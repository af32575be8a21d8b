/**
 * One settlement: what will be posted (parts, lines per account and tax type, the Amazon lines
 * behind each), what is not mapped yet (each with a jump to its Mapping row), problems and
 * warnings, the reconciliation, the documents already in Xero, and Post / Void and re-post with a
 * confirmation that says exactly what Xero will get.
 */
import type { PostResultDto, PreviewResult } from '../../src/api/types';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { count, day, instant, money, period } from '../format';
import { notPostedWords } from '../post-outcome';
import { pictureOfPreview } from '../reconciliation';
import { messageOf } from '../server';
import { documentsList, partsView } from './parts';
import { cogsView } from './cogs';
import { confirmationView } from './confirmation';
import { notice, noticeList, working } from './notice';
import { partlyPostedView, type PartlyPostedMode } from './partly-posted';
import { pictureView } from './picture';
import { statusChip } from './status';

const WORKING: Record<PartlyPostedMode, string> = {
  post: 'Posting to Xero… this can take a minute.',
  'void-and-repost': 'Voiding the posted documents and posting again… this can take a minute.',
  void: 'Voiding what was posted… this can take a minute.',
};

/** A settlement's detail and a way to compute it again (the connection changed, a tab was edited). */
export interface DetailView {
  element: HTMLElement;
  reload(): Promise<void>;
}

/** Builds the detail of a settlement and starts reading its preview. */
export function detailView(ctx: SidebarContext, settlementId: string, news?: HTMLElement): DetailView {
  const headingId = uid('detail');
  const heading = h('h2', { id: headingId, tabindex: '-1' }, `Settlement ${settlementId}`);
  const outcome = h('div', { class: 'outcome' }, news);
  const body = h('div', { class: 'detail-body' }, working('Working out the summary from your Mapping and Accounts tabs…'));
  const refreshButton = h('button', {
    type: 'button',
    class: 'small-button',
    onclick: () => {
      // A fresh look: what was said about the last action (e.g. "row 72 is selected") is old news.
      say(null);
      void load();
    },
  }, 'Refresh');
  const element = h(
    'section',
    { class: 'detail', 'aria-labelledby': headingId },
    h('div', { class: 'heading-row' }, h('button', { type: 'button', class: 'back', 'aria-label': 'Back to all settlements', onclick: () => ctx.showList() }, h('span', { 'aria-hidden': 'true' }, '← '), 'All settlements'), refreshButton),
    heading,
    outcome,
    body,
  );
  const say = (...content: (HTMLElement | null)[]) => replace(outcome, ...content);

  async function load(): Promise<void> {
    refreshButton.disabled = true;
    try {
      render(await ctx.call('previewSettlement', { settlementId }));
    } catch (error) {
      replace(body, notice('error', messageOf(error)));
    } finally {
      refreshButton.disabled = false;
    }
  }

  let current: PreviewResult | undefined;

  function render(preview: PreviewResult): void {
    current = preview;
    const s = preview.settlement;
    replace(
      body,
      h('p', { class: 'status-line' }, statusChip(s.status), h('span', { class: 'num strong' }, money(s.total, s.currency))),
      h('p', { class: 'gray small' }, `${s.marketplaces.join(', ') || 'No marketplace'} · ${period(s.start, s.end)} · deposit ${day(s.depositDate)} · ${count(s.lines, 'line')}`),
      // Unmapped lines are listed below with their Mapping buttons (the server leaves them out of problems).
      noticeList('error', 'Before this can be posted:', preview.problems),
      noticeList('warning', 'Worth knowing:', preview.warnings),
      s.lastError && s.status === 'Failed' ? notice('error', `The last attempt to post failed: ${s.lastError}`) : null,
      unmappedView(preview),
      ...(preview.partlyPosted ? [partlyArea(preview, preview.partlyPosted)] : [s.documents.length ? postedView(preview) : null, postArea(preview)]),
      pictureView(pictureOfPreview(preview)),
      partsView(preview),
      cogsView(ctx, preview, () => void load()),
    );
  }

  function unmappedView(preview: PreviewResult): HTMLElement | null {
    if (preview.unmapped.length === 0) return null;
    const { currency } = preview.settlement;
    const headingId2 = uid('unmapped');
    return h(
      'section',
      { class: 'unmapped', 'aria-labelledby': headingId2 },
      h('h3', { id: headingId2 }, `Needs a category (${preview.unmapped.length})`),
      h(
        'ul',
        { class: 'plain' },
        ...preview.unmapped.map((u) => {
          const triple = `${u.transactionType} / ${u.amountType} / ${u.amountDescription}`;
          const show: HTMLButtonElement = h('button', {
            type: 'button',
            'aria-label': `Show ${triple} in the Mapping tab`,
            onclick: async () => {
              show.disabled = true;
              try {
                const { row } = await ctx.call('revealInMapping', { transactionType: u.transactionType, amountType: u.amountType, amountDescription: u.amountDescription });
                say(notice('info', `Row ${row} of the Mapping tab is selected. Choose a category in its Category column, then press Refresh here.`));
              } catch (error) {
                say(notice('error', messageOf(error)));
              } finally {
                show.disabled = false;
              }
            },
          }, 'Show in Mapping');
          return h('li', { class: 'unmapped-item' }, h('span', { class: 'triple' }, triple), h('span', { class: 'gray small' }, `${count(u.rows, 'line')}, ${money(u.amount, currency)}${u.marketplaces.length ? ` · ${u.marketplaces.join(', ')}` : ''}`), show);
        }),
      ),
    );
  }

  function postedView(preview: PreviewResult): HTMLElement {
    const s = preview.settlement;
    const by = s.postedAt ? `Posted ${instant(s.postedAt)}${s.postedBy ? ` by ${s.postedBy}` : ''}.` : '';
    return h('section', { class: 'posted' }, h('h3', {}, 'In Xero'), documentsList(s.documents, s.currency), by ? h('p', { class: 'gray small' }, by) : null);
  }

  function partlyArea(preview: PreviewResult, state: NonNullable<PreviewResult['partlyPosted']>): HTMLElement {
    const organisation = ctx.connection()?.organisation?.name;
    const canFinish = preview.canPost && (ctx.connection()?.canPost ?? true);
    const panel: HTMLElement = partlyPostedView(state, preview.settlement.currency, {
      ...(organisation ? { organisation } : {}),
      canFinish,
      act: (mode) => void post(mode, preview.revision, panel),
    });
    return panel;
  }

  function postArea(preview: PreviewResult): HTMLElement {
    const area = h('div', { class: 'post-area' });
    const organisation = ctx.connection()?.organisation?.name;
    const ask = (mode: 'post' | 'void-and-repost') =>
      replace(
        area,
        confirmationView(preview, { mode, ...(organisation ? { organisation } : {}) }, () => void post(mode, preview.revision, area), () => replace(area, ...buttons())),
      );
    const whyId = uid('why');
    const buttons = (): HTMLElement[] => {
      if (preview.changedSincePosting) {
        return [
          notice('warning', 'This settlement changed since it was posted (its file was replaced or its mapping changed). To bring Xero up to date, void the posted documents and post again.'),
          h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'action', onclick: () => ask('void-and-repost') }, 'Void and re-post')),
        ];
      }
      const connected = ctx.connection()?.canPost ?? true;
      if (preview.canPost && connected) return [h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'action', onclick: () => ask('post') }, 'Post to Xero'))];
      if (preview.settlement.documents.length) return [];
      const why = preview.canPost ? 'Connect to Xero (at the top) to post.' : 'Resolve the problems above to post.';
      return [h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'action', disabled: true, 'aria-describedby': whyId }, 'Post to Xero')), h('p', { id: whyId, class: 'gray small' }, why)];
    };
    replace(area, ...buttons());
    return area;
  }

  async function post(mode: PartlyPostedMode, seenRevision: number, area: HTMLElement): Promise<void> {
    say(null);
    replace(area, working(WORKING[mode]));
    let result: PostResultDto;
    try {
      // A re-post names the revision the person saw, so a second press (or a colleague's) cannot void twice.
      result = await ctx.call('postSettlement', mode === 'post' ? { settlementId, mode } : { settlementId, mode, seenRevision });
    } catch (error) {
      say(notice('error', messageOf(error)));
      await load();
      return;
    }
    const shown = resultView(result, current?.settlement.currency ?? '');
    shown.tabIndex = -1;
    say(shown);
    ctx.settlementsChanged();
    await load();
    shown.focus();
  }

  function resultView(result: PostResultDto, currency: string): HTMLElement {
    switch (result.outcome) {
      case 'posted':
        // The links are listed under "In Xero" just below.
        return notice('success', result.message);
      case 'already-posted':
        return notice('info', h('p', {}, result.message), documentsList(result.documents, currency));
      case 'refused':
        return notice('error', h('p', {}, result.message), h('ul', {}, ...result.problems.map((p) => h('li', {}, p))));
      case 'partly-posted':
        // What Xero holds, what it refused and the one way on are shown just below, in full.
        return notice('warning', `Xero took only part of this settlement (${result.documents.map((d) => d.invoiceNumber).join(', ')}): see "Partly posted" below.`);
      case 'voided':
        return notice('success', result.message);
      default:
        return notice('error', notPostedWords(result));
    }
  }

  void load().then(() => heading.focus());
  return { element, reload: load };
}
