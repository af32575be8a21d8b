// Shared steps of the regional tests: a regional file summarised with its template, and the
// documents put to that region's sandbox organisation.
import { defaultRules, findTemplate, templateAccounts, templateForMarketplaces, type Mapping, type RegionalTemplate } from '../../../src/core/mapping';
import { formatAmount } from '../../../src/core/money';
import { parseSettlement } from '../../../src/core/settlement';
import { aggregateSettlement, marketplacesOf, summariseSettlement, type SettlementAggregate, type SettlementSummary } from '../../../src/core/summary';
import { buildDocuments, type PlannedDocument } from '../../../src/core/xero/documents';
import { createXeroSandbox, manualClock, regionalOrganisations, seedOrganisations, unlocked } from '../../fakes/xero';
import { renderRegionalFile, type RegionalFile } from '../../support/regional-files';
import { connect, json, messagesOf, putInvoices } from '../xero-sandbox/helpers';

/** A file summarised and built into documents with a template. */
export interface Posted {
  summary: SettlementSummary;
  documents: PlannedDocument[];
  template: RegionalTemplate;
}

/** Summarises an aggregate with a template's mapping into DRAFT documents (carry parts approve themselves). */
export function documentsOf(aggregate: SettlementAggregate, template: RegionalTemplate, currencyRate?: string, mapping?: Mapping): Posted {
  const summary = summariseSettlement(aggregate, mapping ?? { rules: defaultRules(), accounts: templateAccounts(template.id) }, { split: 'carry' });
  expect(summary.problems).toEqual([]);
  // DRAFT, the add-on's default status: a carry part must approve itself for the assertion to hold.
  const built = buildDocuments(summary, { status: 'DRAFT', ...(currencyRate ? { currencyRate } : {}) });
  if (!built.ok) throw new Error(built.problems.join('\n'));
  return { summary, documents: built.documents, template };
}

/** Parses a regional file and summarises it with its template (named, or the marketplace's). */
export function summarise(file: RegionalFile, templateId?: string, currencyRate?: string): Posted {
  const { text, total } = renderRegionalFile(file);
  const parsed = parseSettlement(text, `${file.settlementId}.txt`);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  expect(formatAmount(parsed.settlement.header.totalAmount, parsed.settlement.header.decimals)).toBe(total);
  const aggregate = aggregateSettlement(parsed.settlement);
  const template = templateId ? findTemplate(templateId)! : templateForMarketplaces(marketplacesOf(aggregate.entries), aggregate.header.currency);
  return documentsOf(aggregate, template, currencyRate);
}

/** What the sandbox organisation makes of the documents: every one accepted. */
export function postToSandbox(tenantId: string, documents: PlannedDocument[]) {
  const clock = manualClock('2026-07-10T09:00:00Z');
  // The files are dated in 2024-2025, which some seeded organisations have locked: tax is the point here.
  const sandbox = createXeroSandbox({ now: clock.now, organisations: [...seedOrganisations(), ...regionalOrganisations()].map(unlocked) });
  const { accessToken } = connect(sandbox, { tenants: [tenantId] });
  const response = putInvoices(sandbox, accessToken, tenantId, documents.map((d) => d.invoice));
  expect(response.status).toBe(200);
  documents.forEach((_, i) => expect(messagesOf(response, i)).toEqual([]));
  return { sandbox, held: sandbox.documents(tenantId), invoices: json(response).Invoices as { Total: number; TotalTax: number }[] };
}
