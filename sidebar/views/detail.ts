/**
 * One settlement: what will be posted (parts, lines by category, the Amazon lines behind each),
 * what is not mapped yet (each with a suggested category), problems and warnings, the
 * reconciliation, the documents already in Xero, and the one next step: connect, post (with a
 * confirmation that says exactly what Xero will get), post again (which creates nothing new), or
 * void and re-post. Every press carries the fingerprint of the preview shown, so the server posts
 * exactly that or says the preview changed. A settlement Xero holds nothing of can be removed from
 * the workbook. What a press did is said in the sidebar's notice area.
 */
import type { PostResultDto, PreviewResult } from '../../src/api/types';
import { documentWords } from '../../src/core/words';
import type { SidebarContext } from '../context';
import { h, replace, uid } from '../dom';
import { count, dateTime, period } from '../format';
import { notPostedWords } from '../post-outcome';
import { pictureOfPreview } from '../reconciliation';
import { messageOf } from '../server';
import { depositSentence, settlementAmount } from '../settlement-wording';
import { changesView } from './changes';
import { cogsView } from './cogs';
import { attachmentsView } from './attachments';
import { confirmationView } from './confirmation';
import { depositView } from './deposit';
import { notice, noticeList, working } from './notice';
import { documentsList, partsView } from './parts';
import { partlyPostedView, type PartlyPostedMode } from './partly-posted';
import { pictureView } from './picture';
import { statusChip } from './status';
import { categoryChoices, unmappedView } from './unmapped';

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
export function detailView(ctx: SidebarContext, settlementId: string): DetailView {
  const headingId = uid('detail');
  const heading = h('h2', { id: headingId, tabindex: '-1' }, `Settlement ${settlementId}`);
  const body = h('div', { class: 'detail-body' }, working('Working out the summary from your Mapping and Accounts tabs…'));
  const refreshButton = h('button', {
    type: 'button',
    class: 'small-button',
    onclick: () => {
      // A fresh look: what was said about the last action (e.g. "row 72 is selected") is old news.
      ctx.notify(null);
      void load();
    },
  }, 'Refresh');
  const element = h(
    'section',
    { class: 'detail', 'aria-labelledby': headingId },
    h('div', { class: 'heading-row' }, h('button', { type: 'button', class: 'back', 'aria-label': 'Back to all settlements', onclick: () => ctx.showList() }, h('span', { 'aria-hidden': 'true' }, '← '), 'All settlements'), refreshButton),
    heading,
    body,
  );
  let chip: HTMLElement | undefined;
  let current: PreviewResult | undefined;

  async function load(): Promise<void> {
    refreshButton.disabled = true;
    try {
      const preview = await ctx.call('previewSettlement', { settlementId });
      // The choices are read only when a line type waits for one; without them the Mapping tab still works.
      const choices = preview.unmapped.length ? await categoryChoices(ctx).catch(() => []) : [];
      render(preview, choices);
    } catch (error) {
      replace(body, notice('error', messageOf(error)));
    } finally {
      refreshButton.disabled = false;
    }
  }

  function render(preview: PreviewResult, choices: readonly string[]): void {
    current = preview;
    const s = preview.settlement;
    chip = statusChip(s.status);
    replace(
      body,
      h('p', { class: 'status-line' }, chip, h('span', { class: 'num strong' }, settlementAmount(s.total, s.currency))),
      h('p', { class: 'small' }, depositSentence(s.total, s.currency, s.depositDate)),
      h('p', { class: 'gray small' }, `${s.marketplaces.join(', ') || 'No marketplace'} · ${period(s.start, s.end)} · ${count(s.lines, 'line')}`),
      // Unmapped lines are listed below with their choices (the server leaves them out of problems).
      noticeList('error', 'Before this can be posted:', preview.problems),
      noticeList('warning', 'Worth knowing:', preview.warnings),
      s.lastError && s.status === 'Failed' ? notice('error', `The last attempt to post failed: ${s.lastError}`) : null,
      unmappedView(ctx, preview, choices, () => void load()),
      depositView(ctx, preview, load),
      ...(preview.partlyPosted
        ? [preview.changes ? changesView(preview.changes, s.currency, null) : null, partlyArea(preview, preview.partlyPosted)]
        : [s.documents.length ? postedView(preview) : null, postArea(preview)]),
      pictureView(pictureOfPreview(preview)),
      partsView(preview),
      cogsView(ctx, preview, () => void load()),
      attachmentsView(ctx, preview, () => void load()),
      s.documents.length === 0 && !preview.partlyPosted ? removeArea() : null,
    );
  }

  /** Removing a settlement Xero holds nothing of, after saying what goes. */
  function removeArea(): HTMLElement {
    const area = h('div', { class: 'remove-area' });
    const ask = () => {
      const titleId = uid('remove');
      const title = h('h3', { id: titleId, tabindex: '-1' }, `Remove settlement ${settlementId} from this workbook?`);
      const yes: HTMLButtonElement = h('button', { type: 'button', class: 'action', onclick: () => void remove(yes) }, 'Remove it');
      replace(
        area,
        h(
          'div',
          { class: 'confirmation', role: 'group', 'aria-labelledby': titleId },
          title,
          h('p', { class: 'small' }, 'Its lines in Transactions, its totals and units, and the Mapping and Costs rows only it added (still without a category or a cost) are deleted. Nothing is sent to Xero; the Log keeps a line. You can import the file again later.'),
          h('div', { class: 'buttons' }, yes, h('button', { type: 'button', onclick: () => replace(area, offer()) }, 'Keep it')),
        ),
      );
      queueMicrotask(() => title.focus());
    };
    const offer = () => h('button', { type: 'button', class: 'link-button', onclick: ask }, 'Remove from this workbook');
    replace(area, offer());
    return area;
  }

  async function remove(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const { message } = await ctx.call('removeSettlement', { settlementId });
      ctx.showList();
      ctx.notify(notice('success', message), { focus: true });
    } catch (error) {
      button.disabled = false;
      ctx.notify(notice('error', messageOf(error)), { focus: true });
    }
  }

  function postedView(preview: PreviewResult): HTMLElement {
    const s = preview.settlement;
    const by = s.postedAt ? `Posted ${dateTime(s.postedAt, preview.timeZone)}${s.postedBy ? ` by ${s.postedBy}` : ''}.` : '';
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

  /** The one next step for this settlement, as a button (or why there is none yet); after what changed, when it changed since posting. */
  function postArea(preview: PreviewResult): HTMLElement {
    const area = h('div', { class: 'post-area' });
    replace(area, ...nextStep(preview, area));
    return preview.changedSincePosting && preview.changes ? changesView(preview.changes, preview.settlement.currency, area) : area;
  }

  function nextStep(preview: PreviewResult, area: HTMLElement): HTMLElement[] {
    const organisation = ctx.connection()?.organisation?.name;
    const connected = ctx.connection()?.canPost ?? false;
    const posted = preview.settlement.documents.length > 0;
    const confirm = (mode: 'post' | 'void-and-repost', posted = preview.settlement.documents, asked = true) =>
      replace(
        area,
        confirmationView(preview, { mode, posted, asked, ...(organisation ? { organisation } : {}) }, () => void post(mode, preview.revision, area), () => replace(area, ...buttons())),
      );
    const ask = (mode: 'post' | 'void-and-repost') => {
      if (mode === 'post') return confirm(mode);
      // Drafts are often approved in Xero after posting: ask Xero what each is now, to say what happens to it.
      replace(area, working('Asking Xero which of the posted documents are approved…'));
      void ctx.call('documentsInXero', { settlementId }).then(
        ({ documents }) => {
          const now = new Map(documents.map((d) => [d.invoiceNumber, d.status]));
          confirm(mode, preview.settlement.documents.map((d) => ({ ...d, status: now.get(d.invoiceNumber) ?? d.status })));
        },
        () => confirm(mode, preview.settlement.documents, false),
      );
    };
    const whyId = uid('why');
    const button = (text: string, onclick: () => void, primary = true, disabled = false) =>
      h('button', { type: 'button', class: primary ? 'action' : '', onclick, disabled, ...(disabled ? { 'aria-describedby': whyId } : {}) }, text);
    const buttons = (): HTMLElement[] => {
      if (preview.changedSincePosting) {
        return [
          preview.changes ? null : notice('warning', 'This settlement changed since it was posted (its file was replaced or its mapping changed).'),
          h('div', { class: 'buttons' }, button('Void and re-post', () => ask('void-and-repost'))),
          h('p', { class: 'gray small' }, 'To bring Xero up to date, Void and re-post takes back what Xero holds (it asks Xero first, and says what it voids and what it deletes), then posts the settlement as it is now.'),
        ].filter((e): e is HTMLElement => e !== null);
      }
      const blocked = preview.problems.length > 0 || preview.unmapped.length > 0;
      if (posted) {
        if (!connected) return [];
        return [
          h('div', { class: 'buttons' }, button('Post to Xero again', () => void post('post', preview.revision, area), false)),
          h('p', { class: 'gray small' }, 'SettleSheet looks in Xero first and creates only what is missing: nothing is posted twice.'),
        ];
      }
      if (blocked) {
        const why = preview.unmapped.length
          ? `Choose a category for ${preview.unmapped.length === 1 ? 'the line type' : 'the line types'} above, then post.`
          : 'Resolve the problems above to post.';
        return [h('div', { class: 'buttons' }, button('Post to Xero', () => undefined, true, true)), h('p', { id: whyId, class: 'gray small' }, why)];
      }
      if (!connected) {
        return [
          h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'action connect', onclick: () => ctx.connectXero() }, 'Connect to Xero to post')),
          h('p', { class: 'gray small' }, 'Xero opens in a new tab. Once connected, SettleSheet checks your account codes and tax types there before anything is posted.'),
        ];
      }
      if (preview.canPost) return [h('div', { class: 'buttons' }, button('Post to Xero', () => ask('post')))];
      if (preview.plan.length === 0) return [h('p', { class: 'gray small' }, 'Nothing to post: every line of this settlement comes to zero.')];
      return [];
    };
    return buttons();
  }

  async function post(mode: PartlyPostedMode, seenRevision: number, area: HTMLElement): Promise<void> {
    // While it runs, the page says one thing: posting. No old news, no status that is about to change.
    ctx.notify(null);
    chip?.replaceWith((chip = h('span', { class: 'chip neutral' }, 'Posting…')));
    replace(area, working(WORKING[mode]));
    let result: PostResultDto;
    try {
      // The press carries the preview shown: the server posts exactly that, or says it changed. A
      // re-post also names the revision the person saw, so a second press (or a colleague's) cannot void twice.
      const fingerprint = current?.fingerprint;
      result = await ctx.call('postSettlement', {
        settlementId,
        mode,
        ...(mode === 'post' ? {} : { seenRevision }),
        ...(fingerprint ? { fingerprint } : {}),
      });
    } catch (error) {
      await load();
      ctx.notify(notice('error', messageOf(error)), { focus: true });
      return;
    }
    ctx.settlementsChanged();
    await load();
    ctx.notify(resultView(result), { focus: true });
  }

  function resultView(result: PostResultDto): HTMLElement {
    const currency = () => current?.settlement.currency ?? '';
    const where = ctx.connection()?.organisation?.name ?? 'Xero';
    switch (result.outcome) {
      case 'posted':
        return notice('success', `Settlement ${settlementId} is in ${where}: ${result.documents.map((d) => documentWords(d, currency())).join(', ')}.${result.journal ? ` ${result.journal}` : ''}${result.attachments ? ` ${result.attachments}` : ''}`);
      case 'already-posted':
        return notice('info', `Already in ${where}: nothing new was created. ${result.documents.map((d) => documentWords(d, currency())).join(', ')}.${result.journal ? ` ${result.journal}` : ''}${result.attachments ? ` ${result.attachments}` : ''}`);
      case 'refused':
        return notice('error', h('p', {}, result.message), h('ul', {}, ...result.problems.map((p) => h('li', {}, p))));
      case 'partly-posted':
        // What Xero holds, what it refused and the one way on are shown just below, in full.
        return notice('warning', `Xero took only part of this settlement: ${result.documents.map((d) => d.invoiceNumber).join(', ')} ${result.documents.length === 1 ? 'is' : 'are'} in Xero, ${result.missing.map((m) => m.invoiceNumber).join(', ')} ${result.missing.length === 1 ? 'is' : 'are'} not. What Xero said, and the one way on, are below.`);
      case 'voided':
        return notice('success', result.message);
      default:
        return notice('error', notPostedWords(result));
    }
  }

  const first = load();
  void first.then(() => heading.focus());
  return { element, reload: load };
}
