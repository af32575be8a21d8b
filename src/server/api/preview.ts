/**
 * Previewing a settlement: its stored aggregate summarised with the Mapping and Accounts tabs as
 * they are now, the documents Post would create, and everything that stops it. Reads a constant
 * number of ranges whatever the settlement's size (the aggregate, not the lines).
 *
 * A preview writes too (Mapping's new line types, Category cells, the record, the Settlements row,
 * the Summary tab), so all of it runs under the document lock, from what it reads under the lock:
 * an import or a post cannot change the settlement between its reads and its writes. Its answer
 * is bounded (a file of 10,000 new line types lists the first 50 and says how many more).
 */
import type { PartDto, PlannedDocumentDto, PreviewResult, SummaryLineDto } from '../../api/types';
import { settleUnfinishedWork } from '../unfinished-work';
import { planFingerprint, planOrganisation } from './plan-fingerprint';
import { bounded } from './preview-bounds';
import { toBase, type Conversion } from '../../core/exchange';
import type { LineKey } from '../../core/mapping/types';
import { formatAmount } from '../../core/money';
import type { SettlementSummary } from '../../core/summary/types';
import type { PlannedDocument } from '../../core/xero/documents';
import { SettlementRegistry } from '../registry';
import { writeAggregateCategories } from '../workbook/aggregates';
import { appendUnmapped } from '../workbook/mapping-tabs';
import { writeSettlementRow } from '../workbook/settlements-tab';
import { appendCogsToSummary } from '../workbook/summary-cogs';
import { writeSummaryTab } from '../workbook/summary-tab';
import { refreshTransactionCategories } from '../workbook/transactions-maintenance';
import { Workbook } from '../workbook/workbook';
import { postingChangesOf } from './changes-view';
import { cogsPreviewOf } from './cogs-view';
import { underDocumentLock } from './envelope';
import { exchangeView } from './exchange';
import { previewNotes, templateNotChosenProblem } from './preview-notes';
import { marketplaceNotes } from './marketplace-notes';
import { remittedAsPlainNote } from './remitted-note';
import { attachmentsOf } from './attachments';
import { listItemOf, postingViewOf } from './views';
import { compute, recordOf, type Computed } from './compute';
import { standingOf, xeroChecks, type XeroChecks } from './xero-checks';


/**
 * Keeps the workbook in step with a fresh computation (made under the same lock): Mapping,
 * Transactions, the aggregate's categories, the record (and its row hints, and whether something
 * besides a missing category blocks it), the Settlements row.
 */
function reconcileWorkbook(workbook: Workbook, c: Computed, changedSincePosting: boolean, blocked: boolean): void {
  const { record, summary } = c;
  appendUnmapped(workbook, c.mappingTable, summary.unmapped, summary.header.decimals, record.settlementId);
  if (c.categories.some((category, i) => category !== c.stored[i]!.category)) {
    const byKey = new Map(c.stored.map((s, i) => [keyString(s.entry), c.categories[i]!]));
    refreshTransactionCategories(workbook, record, (k) => byKey.get(keyString(k)) ?? 'Not mapped');
    writeAggregateCategories(workbook, c.aggregates, c.categories);
  }
  const unmapped = summary.unmapped.length;
  const balanced = summary.check.difference === 0;
  const moved = c.aggregates.firstRow !== record.aggregates.firstRow;
  if (moved || unmapped !== record.unmapped || balanced !== record.balanced || changedSincePosting !== record.changedSincePosting || blocked !== (record.blocked ?? false)) {
    const { blocked: _was, ...rest } = record;
    const updated = { ...rest, aggregates: c.aggregates, unmapped, balanced, changedSincePosting, ...(blocked ? { blocked } : {}) };
    SettlementRegistry.active().put(updated);
    writeSettlementRow(workbook, updated, postingViewOf(updated), false);
    c.record = updated;
  }
}

function keyString(k: LineKey): string {
  return [k.postedDate, k.transactionType, k.amountType, k.amountDescription, k.marketplace, k.remittedBy ?? ''].join('\t');
}

function partsOf(summary: SettlementSummary, accountNames: ReadonlyMap<string, string>, conversion: Conversion | undefined): PartDto[] {
  const { decimals } = summary.header;
  const money = (m: number) => formatAmount(m, decimals);
  // Base-currency amounts at the settlement's one rate, as Xero will convert them.
  const base = (m: number) => (conversion ? { value: formatAmount(toBase(m, decimals, conversion.rate, conversion.baseDecimals), conversion.baseDecimals) } : undefined);
  return summary.parts.map((p) => ({
    key: p.key,
    from: p.from,
    to: p.to,
    documentDate: p.documentDate,
    total: money(p.total),
    ...(conversion ? { totalBase: base(p.total)!.value } : {}),
    lines: p.lines.map((l): SummaryLineDto => ({
      kind: l.kind,
      categories: l.categories,
      accountCode: l.accountCode,
      ...(accountNames.has(l.accountCode) ? { accountName: accountNames.get(l.accountCode)! } : {}),
      taxType: l.taxType,
      amount: money(l.amount),
      statedTax: money(l.statedTax),
      ...(conversion ? { amountBase: base(l.amount)!.value } : {}),
      rows: l.rows,
      sources: l.sources.map((s) => ({ ...s, amount: money(s.amount) })),
      ...(l.tracking.length ? { tracking: l.tracking } : {}),
      ...(l.documentMarketplace ? { documentMarketplace: l.documentMarketplace } : {}),
    })),
  }));
}

function planOf(summary: SettlementSummary, documents: PlannedDocument[]): PlannedDocumentDto[] {
  return documents.map((d) => ({
    part: d.part,
    type: d.invoice.Type,
    invoiceNumber: d.invoice.InvoiceNumber,
    date: d.invoice.Date,
    dueDate: d.invoice.DueDate,
    total: formatAmount(Math.abs(d.total), summary.header.decimals),
    currency: d.invoice.CurrencyCode,
    status: d.invoice.Status,
    lineCount: d.invoice.LineItems.length,
    contact: d.invoice.Contact.Name,
    ...(d.marketplace ? { marketplace: d.marketplace } : {}),
  }));
}

/** The preview result the sidebar shows, from a computation and the Xero checks. */
function previewOf(c: Computed, checks: XeroChecks): PreviewResult {
  const { summary } = c;
  const money = (m: number) => formatAmount(m, summary.header.decimals);
  // Unmapped line types are listed apart (with a way to open them in the Mapping tab).
  const template = templateNotChosenProblem(summary, c.settings);
  const problems = [...summary.problems.filter((p) => p.kind !== 'unmapped').map((p) => p.message), ...checks.problems, ...(template ? [template] : [])];
  return {
    settlement: listItemOf(c.record),
    split: summary.split,
    check: {
      sumOfRows: money(summary.check.sumOfRows),
      difference: money(summary.check.difference),
      documentsTotal: money(summary.check.documentsTotal),
      balanced: summary.check.balanced,
    },
    reconciliation: summary.reconciliation.map((r) => ({ label: r.label, amount: money(r.amount) })),
    parts: partsOf(summary, checks.accountNames, c.conversion),
    unmapped: summary.unmapped.map((u) => ({ ...u, amount: money(u.amount) })),
    problems,
    warnings: [...checks.warnings, ...previewNotes(summary, c.settings, c.conversion), ...marketplaceNotes(c), ...[remittedAsPlainNote(c)].filter((n) => n !== undefined)],
    plan: planOf(summary, checks.documents),
    canPost:
      problems.length === 0 &&
      summary.unmapped.length === 0 &&
      checks.connected &&
      checks.documents.length > 0 &&
      !checks.changedSincePosting &&
      !checks.alreadyPosted,
    changedSincePosting: checks.changedSincePosting,
    revision: checks.revision,
    ...(checks.partlyPosted ? { partlyPosted: checks.partlyPosted } : {}),
    ...optional('exchange', exchangeView(summary.header, checks.baseCurrency, c.conversion)),
    cogs: cogsPreviewOf(c, checks),
    attachments: attachmentsOf(c),
    ...optional('changes', postingChangesOf(c, checks.posted, checks)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Previews a settlement and brings the Summary, Mapping and Transactions tabs up to date. */
export function previewSettlement(request: { settlementId: string }): PreviewResult {
  const workbook = Workbook.active();
  return underDocumentLock('preview', () => {
    settleUnfinishedWork(workbook);
    const c = compute(workbook, recordOf(request.settlementId));
    const standing = standingOf(c);
    const checks = xeroChecks(c, standing);
    // What stops a post besides a missing category (listed apart) makes the status "Needs attention".
    const blocked = c.summary.problems.some((p) => p.kind !== 'unmapped') || checks.problems.length > 0 || templateNotChosenProblem(c.summary, c.settings) !== undefined;
    reconcileWorkbook(workbook, c, checks.changedSincePosting, blocked);
    writeSummaryTab(workbook, c.summary, checks.documents, checks.accountNames);
    appendCogsToSummary(workbook, c.summary, c.cogs, checks.journals.planned);
    return { ...bounded(previewOf(c, checks)), timeZone: workbook.timeZone, fingerprint: planFingerprint(c, standing, planOrganisation()) };
  });
}
