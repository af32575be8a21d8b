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
import { postedRecordStore, type PostedRecord } from './posted-records';
import { postOutcomeOf, postSettlement, type PostMode, type PostOutcome } from './posting';
import { accountChoices, loadReference, taxRateChoices, type ReferenceData } from './reference';

/** The bound organisation's reference data and the Accounts tab's dropdown choices. */
export interface SpreadsheetReference {
  reference: ReferenceData;
  /** `200 — Sales`, for the Account code column. */
  accounts: string[];
  /** `OUTPUT2 — 20% (VAT on Income)`, for the Tax type column. */
  taxRates: string[];
}

/** Reads the bound organisation's reference data (cached unless `refresh`). */
export function loadSpreadsheetReference(env: XeroEnvironment, refresh: boolean): XeroResult<SpreadsheetReference> {
  const session = openXeroSession(env);
  if (!session.ok) return session;
  const { client, organisation } = session.value;
  const reference = loadReference(client, organisation.tenantId, env.documentCache, env.clock, { refresh });
  if (!reference.ok) return reference;
  return success({ reference: reference.value, accounts: accountChoices(reference.value), taxRates: taxRateChoices(reference.value) });
}

/** Posts a settlement's planned documents to the spreadsheet's organisation as this person. */
export function postFromSpreadsheet(
  env: XeroEnvironment,
  summary: SettlementSummary,
  documents: readonly PlannedDocument[],
  mode: PostMode,
  seenRevision?: number,
  cogs?: JournalRequest,
): PostOutcome {
  const session = openXeroSession(env);
  if (!session.ok) return postOutcomeOf(session.failure);
  if (!env.document || !env.documentLock) {
    return postOutcomeOf({ kind: 'no-organisation', message: 'Open the spreadsheet to post its settlements.' });
  }
  return postSettlement(
    {
      client: session.value.client,
      tenantId: session.value.organisation.tenantId,
      records: postedRecordStore(env.document),
      documentLock: env.documentLock,
      clock: env.clock,
      crypto: env.crypto,
      ...(env.documentCache ? { cache: env.documentCache } : {}),
    },
    { summary, documents, user: env.userEmail, mode, ...(seenRevision === undefined ? {} : { seenRevision }), ...(cogs ? { cogs } : {}) },
  );
}

/** A settlement's posted record in this spreadsheet, for the sidebar to show. */
export function postedRecordOf(env: XeroEnvironment, settlementId: string): XeroResult<PostedRecord | null> {
  if (!env.document) return failure({ kind: 'no-organisation', message: 'Open the spreadsheet to see its posted settlements.' });
  return success(postedRecordStore(env.document).read(settlementId) ?? null);
}
