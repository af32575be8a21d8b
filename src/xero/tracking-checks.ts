/**
 * The tracking on a settlement's documents against the organisation's tracking categories, before
 * anything is sent: a category or option Xero does not have (or has archived) is reported like a
 * missing account code, never sent. Xero takes at most two active categories and refuses (or, as
 * integrators report, silently drops: XeroAPI/xero-node#516) tracking it does not recognise.
 * Names are compared ignoring case (ASSUMPTION, as account codes; listed in the README).
 */
import type { PlannedDocument } from '../core/xero/documents';
import type { ReferenceData } from './reference-data';

const FIX = 'Choose another option in SettleSheet’s Settings › Tracking, or add it in Xero (Accounting › Advanced › Tracking categories), then preview again.';

/** Every tracking category or option the documents use that the organisation cannot take, in words. */
export function checkTracking(documents: readonly PlannedDocument[], reference: ReferenceData): string[] {
  const used = new Map<string, Set<string>>();
  for (const item of documents.flatMap((d) => d.invoice.LineItems)) {
    for (const t of item.Tracking ?? []) used.set(t.Name, (used.get(t.Name) ?? new Set()).add(t.Option));
  }
  if (used.size === 0) return [];
  const org = reference.organisationName;
  const categories = reference.trackingCategories;
  if (!categories) return [`SettleSheet could not read ${org}'s tracking categories, so the tracking on these documents is not checked. Preview again.`];
  const problems: string[] = [];
  for (const [name, options] of used) {
    const category = categories.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!category || category.status !== 'ACTIVE') {
      problems.push(`${org} has no ${category ? 'active ' : ''}tracking category "${name}"${category ? ` (it is ${category.status.toLowerCase()})` : ''}. ${FIX}`);
      continue;
    }
    for (const option of options) {
      const found = category.options.find((o) => o.name.toLowerCase() === option.toLowerCase());
      if (!found || found.status !== 'ACTIVE') {
        problems.push(`Tracking category "${category.name}" in ${org} has no ${found ? 'active ' : ''}option "${option}"${found ? ` (it is ${found.status.toLowerCase()})` : ''}. ${FIX}`);
      }
    }
  }
  return problems;
}
