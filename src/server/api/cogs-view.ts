/**
 * The cost of goods sold part of a preview: units by SKU per part, the journals the next post
 * would send (with the organisation's account names), the journals Xero holds, and what stops them.
 */
import type { CogsPreviewDto } from '../../api/types';
import { formatAmount, type Minor } from '../../core/money';
import { postedRecord } from '../posted';
import { isOpen } from '../../xero/posted-records';
import type { Computed } from './compute';
import type { XeroChecks } from './xero-checks';

/** The preview's `cogs`, or undefined when cost of goods sold is off for the spreadsheet. */
export function cogsPreviewOf(c: Computed, checks: XeroChecks): CogsPreviewDto | undefined {
  const { cogs, summary } = c;
  const decimals = summary.header.decimals;
  const money = (m: Minor) => formatAmount(m, decimals);
  const record = postedRecord(c.record.settlementId);
  const posted = (record?.journals ?? []).filter((j) => isOpen(j.status)).map(({ part, narration, status, total, url }) => ({ part, narration, status, total, url }));
  const onlyJournals = checks.journals.documentsSettled;
  if (!cogs.enabled) return { enabled: false, parts: [], journals: [], posted, problems: [], notes: [], missing: [], changedSincePosting: false, onlyJournals };
  const plan = cogs.plan;
  const problems = [...(cogs.request?.blocked ?? []), ...checks.journals.problems];
  return {
    enabled: true,
    parts: (plan?.parts ?? []).map((p) => ({
      key: p.key,
      from: p.from,
      to: p.to,
      sold: p.sold,
      returned: p.returned,
      ...(p.amount === undefined ? {} : { amount: money(p.amount) }),
      skus: p.skus.map((s) => ({
        sku: s.sku, sold: s.sold, returned: s.returned, net: s.net, costRows: s.costRows,
        ...(s.unitCost === undefined ? {} : { unitCost: money(s.unitCost) }),
        ...(s.amount === undefined ? {} : { amount: money(s.amount) }),
      })),
    })),
    journals: checks.journals.planned.map((j) => ({
      part: j.part,
      key: j.key,
      narration: j.journal.Narration,
      date: j.journal.Date,
      status: j.journal.Status,
      total: money(j.total),
      lines: j.journal.JournalLines.map((l, i) => ({
        category: j.lines[i]?.category ?? '',
        accountCode: l.AccountCode,
        ...(checks.accountNames.has(l.AccountCode) ? { accountName: checks.accountNames.get(l.AccountCode)! } : {}),
        taxType: l.TaxType,
        amount: money(j.lines[i]?.amount ?? 0),
      })),
    })),
    posted,
    problems,
    notes: plan?.notes ?? [],
    missing: plan?.missing ?? [],
    changedSincePosting: checks.journals.changed,
    onlyJournals,
  };
}
