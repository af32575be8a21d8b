/**
 * The fingerprint of what Post would send, so that Post sends exactly what the person confirmed.
 * The preview gives it to the sidebar; Post carries it back and, under the document lock, refuses
 * ("the preview changed: look again") unless the plan it would send now has the same one. It
 * covers everything a collaborator could change between the two: the settings (split, status,
 * contact, cost of goods sold), the exchange rate, the lines with their categories, accounts, tax
 * types and amounts (so a Mapping or Accounts edit counts even when the documents' totals stay),
 * the documents and journals exactly as they would be sent, what Xero holds of the settlement,
 * and where they go: the organisation the spreadsheet is bound to and its base currency (a
 * collaborator may move the spreadsheet to another organisation between the preview and Post).
 */
import { sha256OfText } from '../../core/hash';
import { connectionStatus } from '../../xero/connection';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import { appsScriptEnvironment } from '../xero/environment';
import type { Computed } from './compute';
import type { Standing } from './xero-checks';

/** Where a plan goes: the bound organisation and its base currency ('' where unknown). */
export interface PlanOrganisation {
  tenantId: string;
  baseCurrency: string;
}

/**
 * The organisation the spreadsheet posts to now, as this person sees it: its base currency from
 * the reference data the preview's checks read (cached, so asking again costs no Xero call).
 */
export function planOrganisation(): PlanOrganisation {
  const env = appsScriptEnvironment();
  const status = connectionStatus(env);
  const tenantId = status.organisation?.tenantId ?? '';
  if (!status.canPost) return { tenantId, baseCurrency: '' };
  const loaded = loadSpreadsheetReference(env, false);
  return { tenantId, baseCurrency: loaded.ok ? loaded.value.reference.baseCurrency : '' };
}

/** The fingerprint of a computed settlement's plan for an organisation (64 hex digits). */
export function planFingerprint(c: Computed, standing: Standing, organisation: PlanOrganisation): string {
  const { settings, summary } = c;
  const posted = standing.record;
  return sha256OfText(
    JSON.stringify({
      organisation: [organisation.tenantId, organisation.baseCurrency],
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
