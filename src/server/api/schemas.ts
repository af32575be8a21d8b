/**
 * Checks on what arrives from the browser. `google.script.run` delivers whatever the page sends,
 * so every target validates its request before touching the workbook.
 */
import * as z from 'zod/mini';
import { SPLIT_MODES } from '../../core/summary/types';
import { DOCUMENT_STATUSES } from '../../core/xero/invoice';

const text = (max = 500) => z.string().check(z.maxLength(max));
// Cells of a settlement line: src/api/limits.ts holds them to 500 characters in words the browser
// uses too; this only bounds what reaches that check.
const cell = () => text(20_000);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoInstant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));
const decimal = z.string().check(z.regex(/^-?\d{1,16}(\.\d{1,4})?$/));
const settlementId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));
const count = z.number().check(z.int(), z.minimum(0), z.maximum(5_000_000));

/**
 * The most lines one chunk may carry (and the size the sidebar is told to send): 6,500 lines of
 * 15 columns are 97,500 cells, inside the 100,000 cells SettleSheet writes in one Sheets call.
 */
export const CHUNK_SIZE = 6500;

export const BeginImportSchema = z.object({
  source: text(255),
  format: z.enum(['v1', 'v2']),
  header: z.object({
    // Checked with the browser's words (src/api/limits.ts) by the import itself.
    settlementId: text(200),
    start: isoInstant,
    end: isoInstant,
    depositDate: isoInstant,
    totalAmount: decimal,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  }),
  lineCount: count,
  dataRows: count,
  rowsWithoutAmount: count,
  unitRows: z.optional(count),
  contentHash: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,128}$/)),
  fileSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  confirmReissue: z.optional(z.boolean()),
  keepUnbalanced: z.optional(z.boolean()),
  takeOver: z.optional(text(64)),
});

const lineTuple = z.tuple([
  z.number().check(z.int(), z.minimum(1)),
  isoDate,
  cell(),
  cell(),
  cell(),
  cell(),
  cell(),
  cell(),
  decimal,
  z.enum(['', 'amazon', 'seller', 'amazon+seller']),
  z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000))),
  cell(),
  z.union([decimal, z.literal('')]),
]);

export const AppendLinesSchema = z.object({
  importId: text(64),
  offset: count,
  lines: z.array(lineTuple).check(z.minLength(1), z.maxLength(CHUNK_SIZE)),
});

const remitter = z.enum(['', 'amazon', 'seller']);
// A line split between Amazon and the seller counts once, in its seller share: the other has 0 rows.
const channel = z.enum(['', 'fba', 'merchant', 'mcf']);
const aggregateTuple = z.tuple([isoDate, text(), text(), text(), text(), decimal, z.number().check(z.int(), z.minimum(0)), z.optional(remitter), z.optional(channel)]);

const unitsCount = z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000));
const unitsTuple = z.tuple([isoDate, text(), text(), unitsCount, unitsCount, unitsCount]);

export const FinishImportSchema = z.object({
  importId: text(64),
  aggregate: z.array(aggregateTuple).check(z.maxLength(200_000)),
  units: z.optional(z.array(unitsTuple).check(z.maxLength(200_000))),
  reader: z.optional(z.enum(['worker', 'page'])),
});

export const ImportIdSchema = z.object({ importId: text(64) });

export const SettlementIdSchema = z.object({ settlementId });

export const PostSchema = z.object({
  settlementId,
  mode: z.enum(['post', 'void-and-repost', 'void']),
  seenRevision: z.optional(z.number().check(z.int(), z.minimum(0))),
  // The fingerprint of the plan the person confirmed (previewSettlement gives it).
  fingerprint: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

export const RemoveSchema = z.object({ settlementId });

export const TripleSchema = z.object({ transactionType: text(), amountType: text(), amountDescription: text(), remittedBy: z.optional(remitter) });

// Values (marketplaces, channels) → Xero names: at most 100 of them, each text of at most 255
// characters (Xero's names take 100). Checked by hand: zod's record schema costs 3 KB of bundle.
const names = z.custom<Record<string, string>>(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= 100 &&
    Object.entries(value).every(([k, v]) => k.length <= 100 && typeof v === 'string' && v.length <= 255),
);
const trackingDimension = z.object({ category: text(100), options: names });

export const SettingsSchema = z.object({
  split: z.enum(SPLIT_MODES as ['off', 'carry', 'separate']),
  documentStatus: z.enum(DOCUMENT_STATUSES),
  contactName: text(255),
  // Older sidebars send no template: it keeps its default (none chosen).
  template: z.optional(z.string().check(z.regex(/^[a-z-]{0,20}$/))),
  applyTemplate: z.optional(z.boolean()),
  cogs: z.optional(z.enum(['on', 'off'])),
  tracking: z.optional(z.object({ marketplace: z.optional(trackingDimension), channel: z.optional(trackingDimension) })),
  contacts: z.optional(names),
  splitByMarketplace: z.optional(z.boolean()),
  attachments: z.optional(z.enum(['summary', 'off'])),
});

// Xero takes attachments of up to 10 MB: its Base64 is a third longer.
export const OriginalFileSchema = z.object({
  settlementId,
  fileName: text(255),
  base64: z.string().check(z.maxLength(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});

export const DepositSchema = z.object({ settlementId, amount: z.union([decimal, z.literal('')]) });

const tenantId = z.string().check(z.regex(/^[0-9a-fA-F-]{36}$/));
export const TenantSchema = z.object({ tenantId, replacing: z.optional(tenantId) });

export const NoArgumentsSchema = z.optional(z.object({}));

export const CategoryChoiceSchema = z.object({ transactionType: text(), amountType: text(), amountDescription: text(), remittedBy: z.optional(remitter), category: z.string().check(z.minLength(1), z.maxLength(200)) });
