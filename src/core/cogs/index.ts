/**
 * Cost of goods sold: units per SKU from a settlement's lines, the Costs table, and the manual
 * journals that move the cost of the units sold from inventory to cost of goods sold.
 */
export { unitsOfLines, unitsKindOf, UnitsBuilder, compareUnits, type UnitsEntry } from './units';
export { COSTS_COLUMNS, costBook, readCostsTable, type CostBook, type CostsProblem, type CostsReading, type SkuCost } from './costs';
export { journalStatusFor, XeroManualJournalSchema, type XeroJournalLine, type XeroManualJournal } from './journal';
export {
  COGS_CATEGORY, INVENTORY_CATEGORY, planCogs,
  type CogsPart, type CogsPlan, type CogsSettings, type CogsSku, type MissingCost, type PlannedJournal,
} from './plan';
