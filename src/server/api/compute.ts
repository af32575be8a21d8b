/**
 * A settlement summarised with the Mapping, Accounts and Costs tabs and the settings as they are
 * now: the summary, the documents Post would send, the cost of goods sold and what is attached.
 * Preview, Post and the checks beside them all start from this (the preview also writes what it
 * finds back to the workbook; see preview.ts).
 */
import type { SettingsDto } from '../../api/types';
import type { Conversion } from '../../core/exchange';
import { createMatcher } from '../../core/mapping/match';
import type { SettlementSummary } from '../../core/summary/types';
import { summariseSettlement } from '../../core/summary/summarise';
import { buildDocuments, type PlannedDocument } from '../../core/xero/documents';
import type { AttachmentRequest } from '../../xero/posting-attachments';
import { categoryLabel } from '../category-labels';
import { settlementCogs, type SettlementCogs } from '../cogs';
import { SettlementRegistry, type RowBlock, type SettlementRecord } from '../registry';
import { aggregateOf } from '../settlement-aggregate';
import { readSettings } from '../settings';
import { readAggregate, type StoredEntry } from '../workbook/aggregates';
import { readMappingTabs } from '../workbook/mapping-tabs';
import type { Workbook } from '../workbook/workbook';
import { UserFacingError } from './envelope';
import { conversionOfSettlement } from './exchange';

/** Everything computed for one settlement under the current tabs and settings. */
export interface Computed {
  record: SettlementRecord;
  stored: StoredEntry[];
  /** Where the aggregate rows are (found by settlement id when the record's row numbers were stale). */
  aggregates: RowBlock;
  summary: SettlementSummary;
  documents: PlannedDocument[];
  mappingTable: string[][];
  /** Categories the mapping gives each stored entry now (same order as `stored`). */
  categories: string[];
  /** The categories the Accounts tab has rows for (any marketplace or period). */
  accountCategories: string[];
  /** The settlement's one exchange rate, when its deposit was entered in another currency. */
  conversion?: Conversion;
  settings: SettingsDto;
  /** The cost of goods sold journals and what they are made of. */
  cogs: SettlementCogs;
  /** What the post attaches to each document (absent when attachments are off). */
  attachments?: AttachmentRequest;
}

/** The settlement's record, or a clear error when it was never imported. */
export function recordOf(settlementId: string): SettlementRecord {
  const record = SettlementRegistry.active().get(settlementId);
  if (!record) throw new UserFacingError(`Settlement ${settlementId} is not imported in this spreadsheet. Import its file first.`);
  return record;
}

/** Summarises a settlement with the tabs as they are now. */
export function compute(workbook: Workbook, record: SettlementRecord): Computed {
  const { stored, block } = readAggregate(workbook, record);
  const { mapping, problems, mappingTable } = readMappingTabs(workbook);
  const settings = readSettings();
  const summary = summariseSettlement(aggregateOf(record, stored.map((s) => s.entry)), mapping, {
    split: settings.split,
    ...(settings.tracking ? { tracking: settings.tracking } : {}),
    ...(settings.splitByMarketplace ? { splitByMarketplace: true } : {}),
  });
  // Rows people cannot read block posting too: a half-read mapping is not a mapping.
  summary.problems.unshift(...problems.map((p) => ({ kind: 'mapping-table' as const, message: p.message })));
  const conversion = conversionOfSettlement(summary.header);
  const built = buildDocuments(summary, {
    status: settings.documentStatus,
    ...(settings.contactName ? { contactName: settings.contactName } : {}),
    ...(settings.contacts ? { contacts: settings.contacts } : {}),
    ...(conversion ? { currencyRate: conversion.rate } : {}),
  });
  const attachments = settings.attachments === 'off' ? undefined : { source: { fileName: record.source, contentHash: record.contentHash, ...(record.fileSha256 ? { fileSha256: record.fileSha256 } : {}) } };
  const matcher = createMatcher(mapping);
  const categories = stored.map((s) => categoryLabel(matcher.categoryFor(s.entry)));
  return {
    record, stored, aggregates: block, summary, documents: built.ok ? built.documents : [], mappingTable, categories, accountCategories: mapping.accounts.map((a) => a.category), settings,
    ...(conversion ? { conversion } : {}), cogs: settlementCogs(workbook, summary, mapping, settings, record.units), ...(attachments ? { attachments } : {}),
  };
}
