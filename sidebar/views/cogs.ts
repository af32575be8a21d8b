/**
 * Cost of goods sold in a settlement's detail: units by SKU in each part with their cost, the
 * journal the next post sends (debit Cost of goods sold, credit Inventory), the journals Xero
 * holds, what stops a journal (which never stops the invoices), and the switch that turns cost of
 * goods sold off or on for the spreadsheet.
 */
import type { CogsPreviewDto, PostedJournalDto, PreviewResult } from '../../src/api/types';
import { documentStatusWords } from '../../src/core/words';
import type { SidebarContext } from '../context';
import { append, externalLink, h, uid } from '../dom';
import { count, day, money, period } from '../format';
import { listed } from '../plan-wording';
import { messageOf } from '../server';
import { notice, noticeList } from './notice';

/** The section, or nothing when the server sent no cost of goods sold. `changed` reloads the detail. */
export function cogsView(ctx: SidebarContext, preview: PreviewResult, changed: () => void): HTMLElement | null {
  const cogs = preview.cogs;
  if (!cogs) return null;
  const headingId = uid('cogs');
  const section = h('section', { class: 'cogs', 'aria-labelledby': headingId }, h('h3', { id: headingId }, 'Cost of goods sold'));
  const toggle = (to: 'on' | 'off') =>
    h('button', {
      type: 'button',
      class: 'small-button',
      onclick: async (event) => {
        (event.currentTarget as HTMLButtonElement).disabled = true;
        try {
          await ctx.call('saveSettings', { ...(await ctx.call('getSettings', {})), cogs: to });
          changed();
        } catch (error) {
          section.append(notice('error', messageOf(error)));
        }
      },
    }, to === 'on' ? 'Turn cost of goods sold on' : 'Turn off for this spreadsheet');
  if (!cogs.enabled) {
    section.append(h('p', { class: 'gray small' }, 'Off for this spreadsheet: no journal is made or posted.'), toggle('on'));
    return section;
  }
  const currency = preview.settlement.currency;
  if (cogs.changedSincePosting) {
    section.append(notice('warning', 'The costs or units changed since the journal was posted. "Void and re-post" replaces only the journal; the invoices stay as they are.'));
  }
  append(
    section,
    noticeList('warning', 'No journal yet (the invoices are not affected):', cogs.problems),
    ...cogs.parts.map((part) => partView(part, currency, preview.cogs!.parts.length > 1)),
    ...cogs.journals.map((j) => journalView(j, currency)),
    postedView(cogs, currency),
    noticeList('info', 'Worth knowing:', cogs.notes),
    h('div', { class: 'buttons' }, toggle('off')),
  );
  return section;
}

function partView(part: CogsPreviewDto['parts'][number], currency: string, several: boolean): HTMLElement {
  const units = `${count(part.sold, 'unit')} sold${part.returned ? `, ${part.returned} returned` : ''}`;
  return h(
    'div',
    { class: 'part' },
    h('h4', {}, several ? period(part.from, part.to) : 'Units by SKU'),
    h('p', { class: 'gray small' }, `${units} · cost ${part.amount === undefined ? 'not known yet' : money(part.amount, currency)}`),
    h(
      'ul',
      { class: 'lines plain' },
      ...part.skus.map((s) =>
        h(
          'li',
          { class: 'line' },
          h('span', { class: 'line-head' }, h('span', { class: 'account' }, s.sku), h('span', { class: 'num' }, s.amount === undefined ? 'no cost' : money(s.amount, currency))),
          h('span', { class: 'gray small' }, `${s.sold} sold${s.returned ? `, ${s.returned} returned` : ''}${s.unitCost === undefined ? '' : ` · ${money(s.unitCost, currency)} each`}${s.costRows.length ? ` · Costs row ${s.costRows.join(', ')}` : ''}`),
        ),
      ),
    ),
  );
}

function journalView(journal: CogsPreviewDto['journals'][number], currency: string): HTMLElement {
  return h(
    'div',
    { class: 'part' },
    h('h4', {}, `Journal ${journal.key}`),
    h('p', { class: 'gray small' }, `Dated ${day(journal.date)} · ${money(journal.total, currency)} · ${documentStatusWords(journal.status)}`),
    h(
      'ul',
      { class: 'lines plain' },
      ...journal.lines.map((l) =>
        h(
          'li',
          { class: 'line' },
          h('span', { class: 'line-head' }, h('span', { class: 'account' }, `${l.amount.startsWith('-') ? 'Credit' : 'Debit'} ${l.accountCode}${l.accountName ? ` ${l.accountName}` : ''}`), h('span', { class: 'num' }, money(l.amount.replace(/^-/, ''), currency))),
          h('span', { class: 'gray small' }, `${l.category}${l.taxType.toUpperCase() === 'NONE' ? '' : ` · tax ${l.taxType}`}`),
        ),
      ),
    ),
  );
}

function postedView(cogs: CogsPreviewDto, currency: string): HTMLElement | null {
  if (cogs.posted.length === 0) return null;
  return h(
    'div',
    { class: 'posted' },
    h('h4', {}, 'Journals in Xero'),
    h(
      'ul',
      { class: 'documents plain' },
      ...cogs.posted.map((j) => {
        const name = `Journal ${j.narration.split(' ')[0] ?? ''}`;
        return h('li', {}, externalLink(j.url, name, `Open ${name} in Xero (new tab)`), h('span', { class: 'gray small' }, ` · ${money(j.total, currency)} · ${documentStatusWords(j.status)}`));
      }),
    ),
  );
}

/** What the Post confirmation says about journals: the whole wording when only journals are sent, else notes. */
export function cogsConfirmation(
  preview: PreviewResult,
  options: { mode: 'post' | 'void-and-repost'; organisation?: string },
): { wording?: { title: string; documents: string[]; notes: string[] }; notes: string[] } {
  const cogs = preview.cogs;
  if (!cogs || !cogs.enabled || cogs.journals.length === 0) return { notes: [] };
  const currency = preview.settlement.currency;
  const described = cogs.journals.map((j) => {
    const debit = j.lines.find((l) => !l.amount.startsWith('-'));
    const credit = j.lines.find((l) => l.amount.startsWith('-'));
    const account = (l: typeof debit) => (l ? `${l.accountCode}${l.accountName ? ` ${l.accountName}` : ''}` : '');
    return `Journal ${j.key}, dated ${day(j.date)}: debit ${account(debit)}, credit ${account(credit)}, ${money(j.total.replace(/^-/, ''), currency)}, ${j.status === 'POSTED' ? 'posted' : 'as a draft'}.`;
  });
  const journalWords = count(cogs.journals.length, 'cost of goods sold journal');
  // The server replaces the journals Xero holds only when they differ from these (posting.ts).
  const replacing = options.mode === 'void-and-repost' && (cogs.onlyJournals || cogs.changedSincePosting) ? [journalReplacementNote(cogs.posted)] : [];
  if (!cogs.onlyJournals) return { notes: [...replacing, `With them, ${journalWords}: ${described.join(' ')}`] };
  const where = options.organisation ? ` in ${options.organisation}` : ' in Xero';
  const notes = [...replacing, 'The invoices are already in Xero as they are now, and stay as they are.'];
  return { wording: { title: `Create ${journalWords}${where}?`, documents: described, notes }, notes: [] };
}

/**
 * What Void and re-post does first to the journals Xero holds: a posted journal is voided (Xero
 * keeps it, marked void), a draft is deleted, as src/xero/posting-journals-void.ts does.
 */
export function journalReplacementNote(posted: readonly Pick<PostedJournalDto, 'narration' | 'status'>[]): string {
  const key = (j: Pick<PostedJournalDto, 'narration'>) => j.narration.split(' ')[0] ?? j.narration;
  const voided = posted.filter((j) => j.status === 'POSTED').map(key);
  const deleted = posted.filter((j) => j.status !== 'POSTED').map(key);
  const clauses: string[] = [];
  if (voided.length) clauses.push(`${voided.length === 1 ? 'the journal' : 'the journals'} ${listed(voided)} will be voided (${voided.length === 1 ? 'it is' : 'they are'} posted: Xero keeps ${voided.length === 1 ? 'it' : 'them'}, marked void)`);
  if (deleted.length) clauses.push(`${voided.length ? '' : deleted.length === 1 ? 'the journal ' : 'the journals '}${listed(deleted)} will be deleted (${deleted.length === 1 ? 'it is a draft' : 'they are drafts'})`);
  if (clauses.length === 0) return 'First the journals posted before will be voided or deleted in Xero, so no cost is counted twice.';
  return `First, in Xero, ${clauses.join(' and ')}, so no cost is counted twice.`;
}
