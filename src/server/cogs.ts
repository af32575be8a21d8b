/**
 * Cost of goods sold in the workbook: an import stores the settlement's units; a preview (the
 * sidebar shows one as soon as an import ends) or a post lists the settlement's SKUs the Costs tab
 * does not name yet, and works out the journals from the stored units, the Costs tab and the
 * Accounts tab as they are now (core/cogs does the arithmetic).
 */
import type { SettingsDto, UnitsEntryDto } from '../api/types';
import type { UnitsEntry } from '../core/cogs/units';
import { readCostsTable } from '../core/cogs/costs';
import { planCogs, type CogsPlan } from '../core/cogs/plan';
import type { Mapping } from '../core/mapping/types';
import type { SettlementSummary } from '../core/summary/types';
import type { JournalRequest } from '../xero/journal-plan';
import type { RowBlock } from './registry';
import { appendUnseenSkus, readCostsTabChecked } from './workbook/costs-tab';
import { readUnits } from './workbook/units-store';
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

/** The units an import's request carries (a sidebar older than cost of goods sold sends none). */
export function importedUnits(units: readonly UnitsEntryDto[] | undefined): UnitsEntry[] | undefined {
  return units?.map(([postedDate, sku, marketplace, sold, returned, assumed]) => ({ postedDate, sku, marketplace, sold, returned, assumed }));
}

/**
 * Works out a settlement's cost of goods sold with the tabs and settings as they are now;
 * `unitsAt` is where its record says its units are.
 */
export function settlementCogs(workbook: Workbook, summary: SettlementSummary, mapping: Mapping, settings: SettingsDto, unitsAt?: RowBlock): SettlementCogs {
  if (settings.cogs === 'off') return { enabled: false, unitsKnown: true };
  const units = readUnits(workbook, summary.header.settlementId, unitsAt);
  if (!units) return { enabled: true, unitsKnown: false, request: { journals: [], blocked: [UNITS_UNKNOWN] } };
  const { table, problems } = readCostsTabChecked(workbook);
  const costs = readCostsTable(table);
  // A SKU Sheets turned into a number or a formula is not what was typed: its row costs nothing until retyped.
  costs.problems.unshift(...problems);
  // SKUs the Costs tab does not name yet are listed there for a cost, as Mapping lists new line types.
  if (appendUnseenSkus(workbook, table, costs.listed, units, summary.header.currency, summary.header.settlementId) > 0) {
    for (const u of units) costs.listed.add(u.sku);
  }
  const plan = planCogs(summary, units, costs, mapping, { status: settings.documentStatus });
  return { enabled: true, unitsKnown: true, plan, request: { journals: plan.journals, blocked: plan.problems, parts: plan.parts } };
}
