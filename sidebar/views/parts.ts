/**
 * What a settlement posts, line by line: each part (a month, or the whole settlement), its lines
 * led by their category (account, tax type and Amazon line count in small print), and the Amazon
 * lines behind each line, so an accountant can see how every number was made. Lines that come to
 * zero are folded into one note. Also the list of documents already in Xero, as links.
 */
import type { PartDto, PostedDocumentDto, PreviewResult, SummaryLineDto } from '../../src/api/types';
import { documentStatusWords } from '../../src/core/words';
import { externalLink, h } from '../dom';
import { count, day, money, period } from '../format';
import { carrySentence, lineDetails, lineTitle, lineTypeName, visibleLines } from '../settlement-wording';

const KIND = { ACCREC: 'Sales invoice', ACCPAY: 'Bill' } as const;
const SPLIT_WORDS = {
  off: 'One document for the whole settlement.',
  carry: 'One part per month; earlier months are carried forward so one document matches the deposit.',
  separate: 'One document per month; together they match the deposit.',
} as const;

/** Links to documents in Xero (each opens in a new tab): `Sales invoice AMZ-1 · 866.41 USD · Draft`. */
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
        h('span', { class: 'gray small' }, ` · ${money(d.total, currency)} · ${documentStatusWords(d.status)}`),
      );
    }),
  );
}

const isZero = (amount: string) => /^-?0(\.0+)?$/.test(amount);

function lineView(line: SummaryLineDto, currency: string, base: string | undefined): HTMLElement {
  const sources = line.sources.map((s) =>
    h('li', {}, `${lineTypeName(s)}${s.remittedBy ? ` (tax remitted by ${s.remittedBy === 'amazon' ? 'Amazon' : 'you'})` : ''}${s.marketplace ? ` · ${s.marketplace}` : ''}: ${count(s.rows, 'line')}, ${money(s.amount, currency)}`),
  );
  const tax = isZero(line.statedTax) ? '' : ` · of which tax ${money(line.statedTax, currency)}`;
  const inBase = base && line.amountBase !== undefined ? ` · ${money(line.amountBase, base)}` : '';
  // Issue 13: the Xero tracking the line posts under, and whose document carries it when split.
  const tracking = `${(line.tracking ?? []).map((t) => ` · ${t.category}: ${t.option}`).join('')}${line.documentMarketplace ? ` · on ${line.documentMarketplace}’s document` : ''}`;
  return h(
    'li',
    { class: 'line' },
    h('span', { class: 'line-head' }, h('span', { class: 'category' }, lineTitle(line)), h('span', { class: 'num' }, money(line.amount, currency))),
    h('span', { class: 'gray small account' }, `${lineDetails(line)}${tax}${inBase}${tracking}`),
    sources.length ? h('details', {}, h('summary', {}, 'Amazon lines behind it'), h('ul', { class: 'sources' }, ...sources)) : null,
  );
}

function partView(part: PartDto, currency: string, several: boolean, base: string | undefined, status: string | undefined): HTMLElement {
  const inBase = base && part.totalBase !== undefined ? ` (${money(part.totalBase.replace(/^-/, ''), base)})` : '';
  const { shown, zeroNote } = visibleLines(part.lines, currency);
  const kind = part.total.startsWith('-') ? 'Bill' : 'Invoice';
  const carry = carrySentence(part, currency, status);
  return h(
    'div',
    { class: 'part' },
    h('h4', {}, several ? `${period(part.from, part.to)}` : 'Summary document'),
    h('p', { class: 'gray small' }, `${kind} dated ${day(part.documentDate)} · total ${money(part.total.replace(/^-/, ''), currency)}${inBase}${kind === 'Bill' ? ' (a bill shows these lines with their signs flipped)' : ''}`),
    carry ? h('p', { class: 'small carry' }, carry) : null,
    h('ul', { class: 'lines plain' }, ...shown.map((l) => lineView(l, currency, base))),
    zeroNote ? h('p', { class: 'gray small' }, zeroNote) : null,
  );
}

/** The parts section of a preview. */
export function partsView(preview: PreviewResult): HTMLElement | null {
  if (preview.parts.length === 0) return null;
  const { currency } = preview.settlement;
  return h(
    'section',
    { class: 'parts' },
    h('h3', {}, preview.partlyPosted ? 'What it posts, in Xero or not yet' : preview.settlement.documents.length && !preview.changedSincePosting ? 'What was posted' : 'What will be posted'),
    h('p', { class: 'gray small' }, SPLIT_WORDS[preview.split]),
    ...preview.parts.map((p) =>
      partView(p, currency, preview.parts.length > 1, preview.exchange?.rate ? preview.exchange.baseCurrency : undefined, preview.plan.find((d) => d.part === p.key)?.status),
    ),
  );
}
