/**
 * What a settlement posts, line by line: each part (a month, or the whole settlement), its lines
 * per account and tax type, and the Amazon lines behind each line, so an accountant can see how
 * every number was made. Also the list of documents already in Xero, as links.
 */
import type { PartDto, PostedDocumentDto, PreviewResult, SummaryLineDto } from '../../src/api/types';
import { externalLink, h } from '../dom';
import { count, day, money, period } from '../format';

const KIND = { ACCREC: 'Sales invoice', ACCPAY: 'Bill' } as const;
const SPLIT_WORDS = {
  off: 'One document for the whole settlement.',
  carry: 'One part per month; earlier months are carried forward so one document matches the deposit.',
  separate: 'One document per month; together they match the deposit.',
} as const;

/** Links to documents in Xero (each opens in a new tab). */
export function documentsList(documents: readonly PostedDocumentDto[], currency: string): HTMLElement {
  return h(
    'ul',
    { class: 'documents plain' },
    ...documents.map((d) => {
      const name = `${KIND[d.type]} ${d.invoiceNumber}`;
      return h(
        'li',
        {},
        externalLink(d.url, name, `Open ${name} in Xero (new tab)`),
        h('span', { class: 'gray small' }, ` · ${money(d.total, currency)} · ${d.status.toLowerCase()}`),
      );
    }),
  );
}

function lineTitle(line: SummaryLineDto): string {
  if (line.kind === 'carry-out') return `Carried forward to the next month (${line.accountCode})`;
  if (line.kind === 'carry-in') return `Brought forward from the previous month (${line.accountCode})`;
  return line.accountName ? `${line.accountCode} ${line.accountName}` : line.accountCode;
}

const isZero = (amount: string) => /^-?0(\.0+)?$/.test(amount);

function lineView(line: SummaryLineDto, currency: string, base: string | undefined): HTMLElement {
  const sources = line.sources.map((s) =>
    h('li', {}, `${s.transactionType} / ${s.amountType} / ${s.amountDescription}${s.remittedBy ? ` (tax remitted by ${s.remittedBy === 'amazon' ? 'Amazon' : 'you'})` : ''}${s.marketplace ? ` · ${s.marketplace}` : ''}: ${count(s.rows, 'line')}, ${money(s.amount, currency)}`),
  );
  const tax = isZero(line.statedTax) ? '' : ` · of which tax ${money(line.statedTax, currency)}`;
  const inBase = base && line.amountBase !== undefined ? ` · ${money(line.amountBase, base)}` : '';
  return h(
    'li',
    { class: 'line' },
    h('span', { class: 'line-head' }, h('span', { class: 'account' }, lineTitle(line)), h('span', { class: 'num' }, money(line.amount, currency))),
    h('span', { class: 'gray small' }, `${line.categories.join(', ')} · tax ${line.taxType}${tax}${inBase}${line.rows ? ` · ${count(line.rows, 'Amazon line')}` : ''}`),
    sources.length ? h('details', {}, h('summary', {}, 'Amazon lines behind it'), h('ul', { class: 'sources' }, ...sources)) : null,
  );
}

function partView(part: PartDto, currency: string, several: boolean, base: string | undefined): HTMLElement {
  const inBase = base && part.totalBase !== undefined ? ` (${money(part.totalBase, base)})` : '';
  return h(
    'div',
    { class: 'part' },
    h('h4', {}, several ? `${period(part.from, part.to)}` : 'Summary document'),
    h('p', { class: 'gray small' }, `Document date ${day(part.documentDate)} · total ${money(part.total, currency)}${inBase}`),
    h('ul', { class: 'lines plain' }, ...part.lines.map((l) => lineView(l, currency, base))),
  );
}

/** The parts section of a preview. */
export function partsView(preview: PreviewResult): HTMLElement | null {
  if (preview.parts.length === 0) return null;
  const { currency } = preview.settlement;
  return h(
    'section',
    { class: 'parts' },
    h('h3', {}, preview.settlement.documents.length && !preview.changedSincePosting ? 'What was posted' : 'What will be posted'),
    h('p', { class: 'gray small' }, SPLIT_WORDS[preview.split]),
    ...preview.parts.map((p) => partView(p, currency, preview.parts.length > 1, preview.exchange?.rate ? preview.exchange.baseCurrency : undefined)),
  );
}
