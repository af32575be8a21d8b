/**
 * The spreadsheet-level Xero actions the server exposes: reading the bound organisation's
 * reference data and posting a settlement to it. Each opens a client for the organisation the
 * spreadsheet is bound to, so nothing can go anywhere else.
 */
import { openXeroSession } from './connection';
import type { XeroEnvironment } from './environment';
import { failure, success, type XeroResult } from './errors';
import { postedRecordStore, type PostedRecord } from './posted-records';
import { postOutcomeOf, postSettlement, type PostingDeps, type PostOutcome, type PostRequest } from './posting';
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

/** A post as the spreadsheet asks for it: everything but who presses the button, which the environment knows. */
export type SpreadsheetPost = Omit<PostRequest, 'user'>;

/** Posts a settlement's planned documents to the spreadsheet's organisation as this person. */
export function postFromSpreadsheet(env: XeroEnvironment, post: SpreadsheetPost): PostOutcome {
  const deps = spreadsheetPostingDeps(env);
  if (!deps.ok) return postOutcomeOf(deps.failure);
  return postSettlement(deps.value, { ...post, user: env.userEmail });
}

/** A settlement's posted record in this spreadsheet, for the sidebar to show. */
export function postedRecordOf(env: XeroEnvironment, settlementId: string): XeroResult<PostedRecord | null> {
  if (!env.document) return failure({ kind: 'no-organisation', message: 'Open the spreadsheet to see its posted settlements.' });
  return success(postedRecordStore(env.document).read(settlementId) ?? null);
}
