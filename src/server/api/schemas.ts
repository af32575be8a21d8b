/**
 * Checks on what arrives from the browser. `google.script.run` delivers whatever the page sends,
 * so every target validates its request before touching the workbook.
 */
import * as z from 'zod/mini';
import { SPLIT_MODES } from '../../core/summary/types';
import { DOCUMENT_STATUSES } from '../../core/xero/invoice';

const text = (max = 500) => z.string().check(z.maxLength(max));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoInstant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));
const decimal = z.string().check(z.regex(/^-?\d{1,15}(\.\d{1,4})?$/));
const settlementId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));
const count = z.number().check(z.int(), z.minimum(0), z.maximum(5_000_000));

/** The most lines one chunk may carry (and the size the sidebar is told to send). */
export const CHUNK_SIZE = 5000;

export const BeginImportSchema = z.object({
  source: text(255),
  format: z.enum(['v1', 'v2']),
  header: z.object({
    settlementId,
    start: isoInstant,
    end: isoInstant,
    depositDate: isoInstant,
    totalAmount: decimal,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  }),
  lineCount: count,
  dataRows: count,
  rowsWithoutAmount: count,
  contentHash: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,128}$/)),
  confirmReissue: z.optional(z.boolean()),
});

const lineTuple = z.tuple([
  z.number().check(z.int(), z.minimum(1)),
  isoDate,
  text(),
  text(),
  text(),
  text(),
  text(),
  text(),
  decimal,
]);

export const AppendLinesSchema = z.object({
  importId: text(64),
  offset: count,
  lines: z.array(lineTuple).check(z.minLength(1), z.maxLength(CHUNK_SIZE)),
});

const aggregateTuple = z.tuple([isoDate, text(), text(), text(), text(), decimal, z.number().check(z.int(), z.minimum(1))]);

const unitsCount = z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000));
const unitsTuple = z.tuple([isoDate, text(), text(), unitsCount, unitsCount, unitsCount]);

export const FinishImportSchema = z.object({
  importId: text(64),
  aggregate: z.array(aggregateTuple).check(z.maxLength(200_000)),
  units: z.optional(z.array(unitsTuple).check(z.maxLength(200_000))),
});

export const ImportIdSchema = z.object({ importId: text(64) });

export const SettlementIdSchema = z.object({ settlementId });

export const PostSchema = z.object({
  settlementId,
  mode: z.enum(['post', 'void-and-repost', 'void']),
  seenRevision: z.optional(z.number().check(z.int(), z.minimum(0))),
});

export const TripleSchema = z.object({ transactionType: text(), amountType: text(), amountDescription: text() });

export const SettingsSchema = z.object({
  split: z.enum(SPLIT_MODES as ['off', 'carry', 'separate']),
  documentStatus: z.enum(DOCUMENT_STATUSES),
  contactName: text(255),
  cogs: z.optional(z.enum(['on', 'off'])),
});

export const TenantSchema = z.object({ tenantId: z.string().check(z.regex(/^[0-9a-fA-F-]{36}$/)) });

// The Xero module checks the characters; this only bounds what reaches it.
export const CredentialsSchema = z.object({
  clientId: text(200),
  clientSecret: text(200),
  currentSecret: z.optional(text(200)),
});

export const NoArgumentsSchema = z.optional(z.object({}));
