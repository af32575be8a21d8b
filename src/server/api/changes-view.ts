/**
 * What changed since a settlement was posted, for the sidebar: what its documents (and cost of
 * goods sold journals) said in Xero, kept in the posted record, against what it would post now
 * (core/changes does the comparing), with the organisation's account names and the numbers the
 * documents carry in Xero.
 */
import type { LineChangeDto, LineSideDto, PostingChangesDto } from '../../api/types';
import { diffPostedJournals, diffPostedLines, postedJournalsLinesOf, postedLinesOf, type LineChange, type LineSide } from '../../core/changes';
import { formatAmount } from '../../core/money';
import { mainMarketplace } from '../../core/summary/summarise';
import { isOpen, type PostedRecord } from '../../xero/posted-records';
import type { Computed } from './compute';
import type { XeroChecks } from './xero-checks';

/** The difference, or undefined when the settlement did not change since it was posted. */
export function postingChangesOf(c: Computed, record: PostedRecord | undefined, checks: XeroChecks): PostingChangesDto | undefined {
  if (!record || !checks.changedSincePosting) return undefined;
  const { summary } = c;
  const decimals = summary.header.decimals;
  const money = (m: number) => formatAmount(m, decimals);
  const side = (s: LineSide): LineSideDto => ({
    accountCode: s.account,
    ...(checks.accountNames.has(s.account) ? { accountName: checks.accountNames.get(s.account)! } : {}),
    taxType: s.taxType,
    amount: money(s.amount),
    ...(s.tracking ? { tracking: s.tracking } : {}),
  });
  const line = (l: LineChange): LineChangeDto => ({ category: l.category, ...(l.before ? { before: side(l.before) } : {}), ...(l.after ? { after: side(l.after) } : {}) });
  const blocked = checks.documentsChanged && c.documents.length === 0;

  const documents = checks.documentsChanged
    ? diffPostedLines(record.lines, blocked ? undefined : postedLinesOf(summary, c.documents, { marketplace: mainMarketplace(summary.marketplaces) }))
    : { linesKnown: true, documents: [] };
  // A document's number, where its part has one open document (split by marketplace, a part has several).
  const open = record.documents.filter((d) => isOpen(d.status));
  const numbers = new Map(open.filter((d) => open.filter((o) => o.part === d.part).length === 1).map((d) => [d.part, d.invoiceNumber]));
  const journals = checks.journals.changed
    ? diffPostedJournals(record.journalLines, postedJournalsLinesOf(summary, checks.journals.planned, c.cogs.plan?.parts ?? []))
    : { journalsKnown: true, journals: [] };
  return {
    linesKnown: documents.linesKnown,
    documents: documents.documents.map((d) => ({
      part: d.part,
      ...(d.marketplace !== undefined ? { marketplace: d.marketplace } : {}),
      ...(d.before && numbers.has(d.part) ? { invoiceNumber: numbers.get(d.part)! } : {}),
      ...(d.before ? { before: { ...d.before, total: money(d.before.total) } } : {}),
      ...(d.after ? { after: { ...d.after, total: money(d.after.total) } } : {}),
      lines: d.lines.map(line),
      unchanged: d.unchanged,
      moves: d.moves.map((m) => {
        const [transactionType, amountType, amountDescription, marketplace, remittedBy] = m.type;
        return { transactionType, amountType, amountDescription, marketplace, remittedBy, from: m.from, to: m.to, amount: money(m.amount) };
      }),
    })),
    journalsKnown: journals.journalsKnown,
    journals: journals.journals.map((j) => ({
      part: j.part,
      ...(j.before ? { before: { ...j.before, total: money(j.before.total) } } : {}),
      ...(j.after ? { after: { ...j.after, total: money(j.after.total) } } : {}),
      lines: j.lines.map(line),
      unchanged: j.unchanged,
      skus: j.skus.map((s) => ({
        sku: s.sku,
        ...(s.before ? { before: { net: s.before.net, ...(s.before.unitCost === null ? {} : { unitCost: money(s.before.unitCost) }) } } : {}),
        ...(s.after ? { after: { net: s.after.net, ...(s.after.unitCost === null ? {} : { unitCost: money(s.after.unitCost) }) } } : {}),
      })),
    })),
    ...(blocked ? { blocked: true } : {}),
  };
}
