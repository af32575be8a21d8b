/**
 * The cost of goods sold in the command line's output: a readable section for the report, and
 * the `cogs` and `journals` fields of `--json` (journals exactly as they would go inside
 * `{"ManualJournals": [...]}`).
 */
import type { CogsPlan } from '../core/cogs';
import { formatAmount, type Minor } from '../core/money';
import type { SettlementSummary } from '../core/summary';
import { count } from '../core/words';
import { columns } from './report';

/** The report's section: units and cost by SKU in each part, then each journal or why there is none. */
export function cogsReport(summary: SettlementSummary, plan: CogsPlan): string {
  const money = (m: Minor | undefined) => (m === undefined ? 'no cost' : formatAmount(m, summary.header.decimals));
  const out: string[] = ['', 'Cost of goods sold'];
  if (plan.parts.length === 0) out.push('  No units sold or returned in this settlement.');
  for (const part of plan.parts) {
    out.push(`  Part ${part.key}: ${count(part.sold, 'unit')} sold, ${part.returned} returned, cost ${money(part.amount)}`);
    const rows = [['SKU', 'Sold', 'Returned', 'Net', 'Unit cost', 'Cost']];
    for (const s of part.skus) rows.push([s.sku, String(s.sold), String(s.returned), String(s.net), s.unitCost === undefined ? '' : money(s.unitCost), money(s.amount)]);
    out.push(columns(rows, '    '));
  }
  for (const journal of plan.journals) {
    out.push('', `  Journal dated ${journal.journal.Date} (${journal.journal.Status}): ${journal.journal.Narration}`);
    const rows = journal.journal.JournalLines.map((l, i) => {
      const amount = journal.lines[i]!.amount;
      return [l.AccountCode, l.TaxType, amount > 0 ? 'debit' : 'credit', formatAmount(Math.abs(amount), summary.header.decimals)];
    });
    out.push(columns(rows, '    '));
  }
  for (const note of plan.notes) out.push(`  Note: ${note}`);
  if (plan.problems.length > 0) {
    out.push('  No journal yet (the invoices are not affected):');
    for (const p of plan.problems) out.push(`    - ${p}`);
  }
  return out.join('\n') + '\n';
}

/** The `cogs` and `journals` fields of the JSON. */
export function cogsJson(summary: SettlementSummary, plan: CogsPlan): { cogs: unknown; journals: unknown[] } {
  const money = (m: Minor | undefined) => (m === undefined ? null : formatAmount(m, summary.header.decimals));
  return {
    cogs: {
      parts: plan.parts.map((p) => ({
        key: p.key,
        sold: p.sold,
        returned: p.returned,
        net: p.net,
        amount: money(p.amount),
        skus: p.skus.map((s) => ({ sku: s.sku, sold: s.sold, returned: s.returned, net: s.net, unitCost: money(s.unitCost), amount: money(s.amount) })),
      })),
      missing: plan.missing,
      problems: plan.problems,
      notes: plan.notes,
    },
    journals: plan.journals.map((j) => j.journal),
  };
}
