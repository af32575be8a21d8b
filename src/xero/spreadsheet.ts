/**
 * The spreadsheet-level Xero actions the server exposes: reading the bound organisation's
 * reference data and posting a settlement to it. Each opens a client for the organisation the
 * spreadsheet is bound to, so nothing can go anywhere else.
 */
import type { SettlementSummary } from '../core/summary/types';
import type { PlannedDocument } from '../core/xero/documents';
import { openXeroSession } from './connection';
import type { XeroEnvironment } from './environment';
import { failure, success, type XeroResult } from './errors';
import type { JournalRequest } from './journal-plan';
import type { AttachmentRequest } from './posting-attachments';
import { postedRecordStore, type PostedRecord } from './posted-records';
import { postOutcomeOf, postSettlement, type PostingDeps, type PostMode, type PostOutcome } from './posting';
import { accountChoices, loadReference, taxRateChoices, type ReferenceData } from './reference';

/** The bound organisation's reference data and the Accounts tab's dropdown choices. */
export interface SpreadsheetReference {
  reference: ReferenceData;
  /** `200 — Sales`, for the Account code column. */
  accounts: string[];
  /** `OUTPUT2 — 20% (VAT on Income)`, for the Tax type column. */
  taxRates: string[];
}

/** Reads the bound organisation's reference data (cached unless `refresh`; with its tracking categories when `tracking`). */
export function loadSpreadsheetReference(env: XeroEnvironment, refresh: boolean, tracking = false): XeroResult<SpreadsheetReference> {
  const session = openXeroSession(env);
  if (!session.ok) return session;
  const { client, organisation } = session.value;
  const reference = loadReference(client, organisation.tenantId, env.documentCache, env.clock, { refresh, tracking });
  if (!reference.ok) return reference;
  return success({ reference: reference.value, accounts: accountChoices(reference.value), taxRates: taxRateChoices(reference.value) });
}

/** The ports posting runs on, for the spreadsheet's organisation as this person; or why there are none. */
export function spreadsheetPostingDeps(env: XeroEnvironment): XeroResult<PostingDeps> {
  const session = openXeroSession(env);
  if (!session.ok) return session;
  if (!env.document || !env.documentLock) return failure({ kind: 'no-organisation', message: 'Open the spreadsheet to post its settlements.' });
  return success({
    client: session.value.client,
    tenantId: session.value.organisation.tenantId,
    records: postedRecordStore(env.document),
    documentLock: env.documentLock,
    clock: env.clock,
    crypto: env.crypto,
    ...(env.documentCache ? { cache: env.documentCache } : {}),
  });
}

/** Posts a settlement's planned documents to the spreadsheet's organisation as this person. */
export function postFromSpreadsheet(
  env: XeroEnvironment,
  summary: SettlementSummary,
  documents: readonly PlannedDocument[],
  mode: PostMode,
  seenRevision?: number,
  cogs?: JournalRequest,
  attachments?: AttachmentRequest,
): PostOutcome {
  const deps = spreadsheetPostingDeps(env);
  if (!deps.ok) return postOutcomeOf(deps.failure);
  return postSettlement(
    deps.value,
    { summary, documents, user: env.userEmail, mode, ...(seenRevision === undefined ? {} : { seenRevision }), ...(cogs ? { cogs } : {}), ...(attachments ? { attachments } : {}) },
  );
}

/** A settlement's posted record in this spreadsheet, for the sidebar to show. */
export function postedRecordOf(env: XeroEnvironment, settlementId: string): XeroResult<PostedRecord | null> {
  if (!env.document) return failure({ kind: 'no-organisation', message: 'Open the spreadsheet to see its posted settlements.' });
  return success(postedRecordStore(env.document).read(settlementId) ?? null);
}
