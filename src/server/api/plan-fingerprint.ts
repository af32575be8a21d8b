/**
 * The fingerprint of what Post would send, so that Post sends exactly what the person confirmed.
 * The preview gives it to the sidebar; Post carries it back and, under the document lock, refuses
 * ("the preview changed: look again") unless the plan it would send now has the same one. It
 * covers everything a collaborator could change between the two: the settings (split, status,
 * contact, cost of goods sold), the exchange rate, the lines with their categories, accounts, tax
 * types and amounts (so a Mapping or Accounts edit counts even when the documents' totals stay),
 * the documents and journals exactly as they would be sent, and what Xero holds of the settlement.
 */
import { sha256OfText } from '../../core/hash';
import type { Computed } from './compute';
import type { Standing } from './xero-checks';

/** The fingerprint of a computed settlement's plan (64 hex digits). */
export function planFingerprint(c: Computed, standing: Standing): string {
  const { settings, summary } = c;
  const posted = standing.record;
  return sha256OfText(
    JSON.stringify({
      settings: [settings.split, settings.documentStatus, settings.contactName, settings.cogs ?? 'on'],
      rate: c.conversion?.rate ?? null,
      problems: summary.problems.map((p) => p.message),
      parts: summary.parts.map((p) => [p.key, p.documentDate, p.lines.map((l) => [l.kind, l.categories, l.accountCode, l.taxType, l.amount, l.statedTax, l.rows])]),
      documents: standing.documents.map((d) => d.invoice),
      journals: standing.journals.planned.map((j) => j.journal),
      blocked: c.cogs.request?.blocked ?? [],
      posted: posted
        ? [posted.revision, posted.state, posted.fingerprint, posted.journalRevision ?? 0, posted.documents.map((d) => [d.invoiceId, d.status]), (posted.journals ?? []).map((j) => [j.manualJournalId, j.status])]
        : null,
    }),
  );
}
