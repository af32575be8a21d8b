/**
 * Cost of goods sold in the workbook: an import stores the settlement's units and lists its new
 * SKUs in the Costs tab; a preview or a post works out the journals from the stored units, the
 * Costs tab and the Accounts tab as they are now (core/cogs does the arithmetic).
 */
import type { SettingsDto, UnitsEntryDto } from '../api/types';
import { readCostsTable } from '../core/cogs/costs';
import { planCogs, type CogsPlan } from '../core/cogs/plan';
import type { UnitsEntry } from '../core/cogs/units';
import type { Mapping } from '../core/mapping/types';
import type { SettlementSummary } from '../core/summary/types';
import type { JournalRequest } from '../xero/journal-plan';
import { readSettings } from './settings';
import { appendUnseenSkus, readCostsTab } from './workbook/costs-tab';
import { readUnits, storeUnits } from './workbook/units-store';
import type { Workbook } from './workbook/workbook';

/** A settlement's cost of goods sold as the workbook gives it now. */
export interface SettlementCogs {
  /** The setting: off means no journal is made, compared or posted. */
  enabled: boolean;
  /** False for a settlement imported before SettleSheet counted units. */
  unitsKnown: boolean;
  plan?: CogsPlan;
  /** What a post brings into Xero; undefined when cost of goods sold is off. */
  request?: JournalRequest;
}

const UNITS_UNKNOWN =
  'SettleSheet does not know this settlement’s units per SKU: it was imported before cost of goods sold was counted. Import its file again (a re-downloaded copy) to count them.';

/**
 * Stores the units an import sent and appends its SKUs the Costs tab does not name (when cost of
 * goods sold is on); returns how many SKUs were appended. Units absent (an older sidebar) change nothing.
 */
export function recordImportedUnits(workbook: Workbook, settlementId: string, currency: string, units: readonly UnitsEntryDto[] | undefined): number {
  if (!units) return 0;
  const entries: UnitsEntry[] = units.map(([postedDate, sku, marketplace, sold, returned, assumed]) => ({ postedDate, sku, marketplace, sold, returned, assumed }));
  storeUnits(workbook, settlementId, entries);
  if (readSettings().cogs === 'off') return 0;
  const table = readCostsTab(workbook);
  return appendUnseenSkus(workbook, table, readCostsTable(table).listed, entries, currency, settlementId);
}

/** Works out a settlement's cost of goods sold with the tabs and settings as they are now. */
export function settlementCogs(workbook: Workbook, summary: SettlementSummary, mapping: Mapping, settings: SettingsDto): SettlementCogs {
  if (settings.cogs === 'off') return { enabled: false, unitsKnown: true };
  const units = readUnits(workbook, summary.header.settlementId);
  if (!units) return { enabled: true, unitsKnown: false, request: { journals: [], blocked: [UNITS_UNKNOWN] } };
  const plan = planCogs(summary, units, readCostsTable(readCostsTab(workbook)), mapping, { status: settings.documentStatus });
  return { enabled: true, unitsKnown: true, plan, request: { journals: plan.journals, blocked: plan.problems } };
}
