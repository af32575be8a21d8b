/**
 * What changed since a settlement was posted, for the accountant deciding whether to replace what
 * Xero holds: each document (and cost of goods sold journal) whose lines differ, each differing
 * line by category with its account, tax type and amount in Xero and now, the Amazon line types
 * that moved to another category, and the one way on (Void and re-post) beneath it. A settlement
 * posted before SettleSheet kept each document's lines says so and shows what it would post now.
 */
import type { DocumentChangeDto, JournalChangeDto, LineChangeDto, LineSideDto, PostingChangesDto } from '../../src/api/types';
import { h, uid, type Child } from '../dom';
import { count, day, money } from '../format';
import { lineTypeName, monthName } from '../settlement-wording';
import { notice } from './notice';

const KIND = { ACCREC: 'sales invoice', ACCPAY: 'bill' } as const;
const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** The account as people read it: `406 Amazon FBA Fees`. */
function accountText(side: LineSideDto): string {
  return side.accountName ? `${side.accountCode} ${side.accountName}` : side.accountCode;
}

/** A tax type as the detail's lines say it: no tax is "No tax", not Xero's code NONE. */
const taxText = (taxType: string) => (taxType.toUpperCase() === 'NONE' ? 'No tax' : taxType);

/** One row of a line's table: its label, then the value in Xero and now, the changed one marked. */
function row(label: string, before: string | undefined, after: string | undefined): HTMLElement {
  const changed = before !== after;
  const cell = (value: string | undefined, now: boolean) =>
    h('td', { class: changed && now ? 'changed' : changed ? 'was' : 'same' }, value ?? '—');
  return h('tr', {}, h('th', { scope: 'row' }, label), cell(before, false), cell(after, true));
}

/** A changed line: its category, then account, tax type, amount (and tracking) in Xero and now. */
function lineView(change: LineChangeDto, currency: string): HTMLElement {
  const { before, after } = change;
  const what = !before ? ' (a new line)' : !after ? ' (no longer on it)' : '';
  const amount = (side: LineSideDto | undefined) => (side ? money(side.amount, currency) : undefined);
  const tracking = before?.tracking || after?.tracking ? [row('Tracking', before?.tracking, after?.tracking)] : [];
  return h(
    'li',
    { class: 'change-line' },
    h('span', { class: 'category' }, `${change.category}${what}`),
    h(
      'table',
      { class: 'diff' },
      h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'In Xero'), h('th', { scope: 'col' }, 'Now'))),
      h(
        'tbody',
        {},
        row('Account', before && accountText(before), after && accountText(after)),
        row('Tax type', before && taxText(before.taxType), after && taxText(after.taxType)),
        row('Amount', amount(before), amount(after)),
        ...tracking,
      ),
    ),
  );
}

/** The document's heading and what happened to it as a whole. */
function documentHeading(d: DocumentChangeDto, currency: string): Child[] {
  const month = d.marketplace ? `${monthName(d.part)} · ${d.marketplace}` : monthName(d.part);
  const name = (type: 'ACCREC' | 'ACCPAY') => [capital(KIND[type]), d.invoiceNumber].filter(Boolean).join(' ');
  const total = (side: { type: 'ACCREC' | 'ACCPAY'; total: string }) => `a ${KIND[side.type]} of ${money(side.total.replace(/^-/, ''), currency)}`;
  if (d.before && !d.after) {
    return [h('h4', {}, `${name(d.before.type)} · ${month}`), h('p', { class: 'small' }, `Now there is no document for ${month}: its lines go elsewhere (see the other documents).`)];
  }
  if (!d.before && d.after) {
    return [h('h4', {}, `New: ${month}`), h('p', { class: 'small' }, `Now ${total(d.after)} dated ${day(d.after.date)}, which Xero does not hold.`)];
  }
  const { before, after } = d as Required<Pick<DocumentChangeDto, 'before' | 'after'>>;
  const facts: string[] = [];
  if (before.type !== after.type || before.total !== after.total) facts.push(`In Xero ${total(before)}; now ${total(after)}.`);
  else facts.push(`Its total stays ${money(after.total.replace(/^-/, ''), currency)}.`);
  if (before.date !== after.date) facts.push(`Dated ${day(before.date)} in Xero; now ${day(after.date)}.`);
  return [h('h4', {}, `${name(before.type)} · ${month}`), h('p', { class: 'gray small' }, facts.join(' '))];
}

function documentView(d: DocumentChangeDto, currency: string): HTMLElement {
  const moves = d.moves.map((m) => h('li', {}, `${lineTypeName(m)}${m.marketplace ? ` (${m.marketplace})` : ''}: ${m.from} → ${m.to}, ${money(m.amount, currency)}`));
  return h(
    'div',
    { class: 'part change' },
    ...documentHeading(d, currency),
    d.lines.length ? h('ul', { class: 'plain' }, ...d.lines.map((l) => lineView(l, currency))) : null,
    moves.length ? h('p', { class: 'small' }, 'Amazon lines now in another category:') : null,
    moves.length ? h('ul', { class: 'small moves' }, ...moves) : null,
    d.unchanged && d.before && d.after ? h('p', { class: 'gray small' }, `${count(d.unchanged, 'other line')} ${d.unchanged === 1 ? 'is' : 'are'} the same.`) : null,
  );
}

function journalView(j: JournalChangeDto, currency: string): HTMLElement {
  const cost = (side: { net: number; unitCost?: string } | undefined) => (side ? `${count(side.net, 'unit')}${side.unitCost ? ` × ${money(side.unitCost, currency)}` : ''}` : 'none');
  const skus = j.skus.map((s) => h('li', {}, `${s.sku}: ${cost(s.before)} → ${cost(s.after)}`));
  const total = (side: { total: string } | undefined) => (side ? money(side.total, currency) : 'none');
  return h(
    'div',
    { class: 'part change' },
    h('h4', {}, `Cost of goods sold journal · ${monthName(j.part)}`),
    h('p', { class: 'gray small' }, `In Xero ${total(j.before)}; now ${total(j.after)}.`),
    j.lines.length ? h('ul', { class: 'plain' }, ...j.lines.map((l) => lineView(l, currency))) : null,
    skus.length ? h('p', { class: 'small' }, 'SKUs whose units or cost changed:') : null,
    skus.length ? h('ul', { class: 'small moves' }, ...skus) : null,
  );
}

/**
 * The section, with `action` (the post area holding Void and re-post) at its end. `organisation`
 * names where the documents are, when known.
 */
export function changesView(changes: PostingChangesDto, currency: string, action: HTMLElement | null): HTMLElement {
  const headingId = uid('changes');
  const unknown = !changes.linesKnown && changes.documents.length > 0;
  return h(
    'section',
    { class: 'changes', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'What changed since it was posted'),
    h('p', { class: 'small' }, 'Your tabs (or the settlement file) now give something other than what Xero holds. Each difference, in Xero and now:'),
    unknown
      ? notice('info', 'SettleSheet posted this settlement before it kept what each document said line by line, so the lines in Xero are not known here: open the documents in Xero to compare. Below is what it would post now.')
      : null,
    changes.blocked ? notice('warning', 'What it would post now cannot be worked out until the problems above are fixed.') : null,
    ...changes.documents.map((d) => documentView(d, currency)),
    !changes.journalsKnown && changes.journals.length > 0
      ? h('p', { class: 'small' }, 'The journals were posted before SettleSheet kept what each said: below is what they would say now.')
      : null,
    ...changes.journals.map((j) => journalView(j, currency)),
    action,
  );
}
