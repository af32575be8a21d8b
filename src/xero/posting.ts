/**
 * Posting a settlement to Xero so that it is never duplicated: under the document lock, re-read
 * the posted record, check the documents against the organisation's settings, look up Xero for
 * the settlement's invoice numbers, create only what is missing (with a deterministic
 * Idempotency-Key), and record every document. A retry after a lost answer, a double click or two
 * collaborators pressing at once all end with one set of documents.
 */
import { formatAmount } from '../core/money';
import type { SettlementSummary } from '../core/summary/types';
import type { PlannedDocument } from '../core/xero/documents';
import type { XeroClient, XeroDocumentState } from './client';
import type { XeroFailure } from './errors';
import type { CachePort, Clock, Crypto, LockPort } from './ports';
import { isOpen, type PostedDocument, type PostedRecord, type PostedRecordStore } from './posted-records';
import {
  describeRefusal,
  documentsFingerprint,
  idempotencyKey,
  plannedTotal,
  postedDocument,
  renumber,
  sameDocument,
} from './posting-plan';
import { checkDocuments, loadReference } from './reference';

/** `post` creates what is missing; `void-and-repost` first voids (or deletes) what was posted. */
export type PostMode = 'post' | 'void-and-repost';

/** What the sidebar's "Post to Xero" asks for. */
export interface PostRequest {
  summary: SettlementSummary;
  /** The documents `buildDocuments` planned for the summary. */
  documents: readonly PlannedDocument[];
  /** The Google user pressing the button. */
  user: string;
  mode: PostMode;
  /**
   * For `void-and-repost`: the revision the person saw when pressing the button. A second press
   * queued behind the first then finds a newer revision and does not void that one as well.
   */
  seenRevision?: number;
}

/** The ports posting runs on; the client is bound to the spreadsheet's organisation. */
export interface PostingDeps {
  client: XeroClient;
  tenantId: string;
  records: PostedRecordStore;
  documentLock: LockPort;
  clock: Clock;
  crypto: Crypto;
  /** The spreadsheet's cache, refreshed with the reference data posting fetches. */
  cache?: CachePort;
}

/** How a post ended. Every variant carries a message for the person who pressed the button. */
export type PostOutcome =
  | { kind: 'posted'; message: string; record: PostedRecord }
  | { kind: 'already-posted'; message: string; record: PostedRecord }
  | { kind: 'refused'; message: string; problems: string[] }
  | { kind: 'busy'; message: string }
  | { kind: 'rate-limited'; message: string; retryAfterSeconds: number }
  | { kind: 'reconnect'; message: string }
  /** `nothingCreated` is true only when this press certainly created nothing in Xero. */
  | { kind: 'failed'; message: string; nothingCreated: boolean; record?: PostedRecord };

/** How long a second poster waits for the first before being told who is posting. */
export const POST_LOCK_WAIT_MS = 30_000;
// An activity older than an execution can live was left by one that died; it names nobody.
const ACTIVITY_STALE_MS = 6 * 60_000;

const NOTHING_CREATED = 'Nothing was created in Xero.';
const PRESS_AGAIN = 'Press Post again: SettleSheet will find what Xero has and create only what is missing, never a duplicate.';

/** Posts a settlement's documents (see the module comment). */
export function postSettlement(deps: PostingDeps, request: PostRequest): PostOutcome {
  const settlementId = request.summary.header.settlementId;
  if (request.documents.length === 0) {
    return refused([`Settlement ${settlementId} has no amounts to post: every line is zero.`]);
  }
  const fingerprint = documentsFingerprint(request.documents, deps.crypto);
  const locked = deps.documentLock.run(POST_LOCK_WAIT_MS, () => {
    deps.records.setActivity({ by: request.user, settlementId, since: new Date(deps.clock.now()).toISOString() });
    try {
      return postUnderLock(deps, request, fingerprint);
    } finally {
      deps.records.setActivity(undefined);
    }
  });
  if (locked.ok) return locked.value;
  const activity = deps.records.activity();
  const known = activity && deps.clock.now() - Date.parse(activity.since) < ACTIVITY_STALE_MS;
  const who = known ? activity.by : 'Someone else';
  const what = known && activity.settlementId !== settlementId ? `settlement ${activity.settlementId}` : 'this settlement';
  return {
    kind: 'busy',
    message: `${who} is posting ${what} to Xero from this spreadsheet right now. Wait until it finishes, then press Post again: SettleSheet will see what was posted.`,
  };
}

function refused(problems: string[], lead = 'Nothing was sent to Xero. Fix these first:'): PostOutcome {
  return { kind: 'refused', message: `${lead} ${problems.join(' ')}`, problems };
}

/** The outcome of a failure before anything was sent to create documents. */
export function postOutcomeOf(failure: XeroFailure): PostOutcome {
  return failedCall(failure, []);
}

/** The outcome of a failed Xero call; `mayHaveCreated` lists what Xero may hold after it. */
function failedCall(failure: XeroFailure, mayHaveCreated: string[], record?: PostedRecord): PostOutcome {
  const uncertain = mayHaveCreated.length > 0 && (failure.kind === 'unavailable' || failure.kind === 'unexpected');
  const after = uncertain ? `Xero may have created ${mayHaveCreated.join(', ')}. ${PRESS_AGAIN}` : NOTHING_CREATED;
  if (failure.kind === 'rate-limited') return { kind: 'rate-limited', retryAfterSeconds: failure.retryAfterSeconds, message: `${failure.message} ${after}` };
  if (failure.kind === 'reconnect') return { kind: 'reconnect', message: `${failure.message} ${after}` };
  if (failure.kind === 'busy') return { kind: 'busy', message: `${failure.message} ${after}` };
  return { kind: 'failed', message: `${failure.message} ${after}`, nothingCreated: !uncertain, ...(record ? { record } : {}) };
}

function postUnderLock(deps: PostingDeps, request: PostRequest, fingerprint: string): PostOutcome {
  const { summary, mode } = request;
  const settlementId = summary.header.settlementId;
  const recorded = deps.records.read(settlementId);
  const openRecorded = recorded?.documents.filter((d) => isOpen(d.status)) ?? [];
  if (recorded && recorded.tenantId !== deps.tenantId && (openRecorded.length > 0 || recorded.state === 'posting')) {
    return refused([
      `Settlement ${settlementId} was posted to ${recorded.organisationName}, but this spreadsheet now posts to another organisation. ` +
        `Switch back to ${recorded.organisationName} to void and re-post it there.`,
    ], 'Nothing was sent to Xero.');
  }
  if (mode === 'post' && recorded && openRecorded.length > 0 && recorded.fingerprint !== fingerprint) {
    return refused([
      `Settlement ${settlementId} changed since ${recorded.by} posted it (${openRecorded.map((d) => d.invoiceNumber).join(', ')}). ` +
        'To replace what Xero holds, use "Void and re-post".',
    ], 'Nothing was sent to Xero.');
  }
  if (mode === 'void-and-repost' && recorded && request.seenRevision !== undefined && recorded.revision !== request.seenRevision) {
    if (recorded.state === 'posted' && recorded.fingerprint === fingerprint) return alreadyPosted(recorded);
    return refused([`${recorded.by} changed settlement ${settlementId} in Xero meanwhile (now revision ${recorded.revision}). Look at it again before re-posting.`], 'Nothing was sent to Xero.');
  }
  if (mode === 'post' && recorded && recorded.state === 'posted' && recorded.fingerprint === fingerprint) {
    return alreadyPosted(recorded);
  }

  const reference = loadReference(deps.client, deps.tenantId, deps.cache, deps.clock, { refresh: true });
  if (!reference.ok) return failedCall(reference.failure, []);
  const problems = checkDocuments(summary, request.documents, reference.value);
  if (problems.length > 0) return refused(problems);

  const now = () => new Date(deps.clock.now()).toISOString();
  // A record from another organisation gets here only when nothing of it is open there any more.
  const here = { tenantId: deps.tenantId, organisationName: reference.value.organisationName };
  let record: PostedRecord = recorded
    ? { ...recorded, ...here }
    : { settlementId, ...here, revision: 1, fingerprint: '', state: 'posting', numbers: [], documents: [], replaced: [], by: request.user, at: now(), refusals: 0 };
  // Documents that an earlier attempt may have created were made from the fingerprint it recorded.
  let attemptFingerprint = recorded ? recorded.fingerprint : undefined;
  if (mode === 'void-and-repost') {
    const voided = voidRevision(deps, request, record, now);
    if (!voided.ok) return voided.outcome;
    if (voided.record !== record) attemptFingerprint = '';
    record = voided.record;
  }
  return createMissing(deps, request, fingerprint, record, attemptFingerprint, now);
}

/**
 * Voids (AUTHORISED) or deletes (DRAFT, SUBMITTED) every open document Xero holds under the
 * current revision's numbers (recorded, or planned when the record was lost or an interrupted post
 * created more than it recorded), then moves the record to the next revision. When Xero holds
 * nothing under those numbers the revision stays. Progress is recorded as it goes, so pressing
 * again resumes.
 */
function voidRevision(
  deps: PostingDeps,
  request: PostRequest,
  recorded: PostedRecord,
  now: () => string,
): { ok: true; record: PostedRecord } | { ok: false; outcome: PostOutcome } {
  const { summary, user } = request;
  const decimals = summary.header.decimals;
  const planned = renumber(request.documents, recorded.revision);
  const numbers = [...new Set([...recorded.numbers, ...recorded.documents.map((d) => d.invoiceNumber), ...planned.map((d) => d.invoice.InvoiceNumber)])];
  const found = deps.client.invoicesByNumber(numbers);
  if (!found.ok) return { ok: false, outcome: failedCall(found.failure, []) };
  if (found.value.length === 0) return { ok: true, record: recorded };
  const partOf = (state: XeroDocumentState) =>
    recorded.documents.find((d) => d.invoiceId === state.invoiceId)?.part ??
    planned.find((d) => d.invoice.InvoiceNumber.toLowerCase() === state.invoiceNumber.toLowerCase())?.part ??
    '';
  const open = found.value.filter((d) => isOpen(d.status));
  const paid = open.filter((d) => d.status === 'PAID' || d.amountPaid > 0);
  if (paid.length > 0) {
    return {
      ok: false,
      outcome: refused([`${paid.map((d) => d.invoiceNumber).join(', ')} already has payments in Xero, which cannot be voided. Remove the payments in Xero first, then use "Void and re-post" again.`], 'Nothing was changed in Xero.'),
    };
  }
  const replaced: PostedDocument[] = found.value.filter((d) => !isOpen(d.status)).map((d) => postedDocument(d, partOf(d), decimals));
  // One key per press: retries within this execution are replayed, while a later press (after a
  // fresh lookup of the status) is not answered with a refusal stored for an earlier one.
  const pressed = deps.clock.now();
  for (const document of open) {
    const target = document.status === 'AUTHORISED' ? 'VOIDED' : 'DELETED';
    const changed = deps.client.setStatus(document.invoiceId, target, `settlesheet-${target.toLowerCase()}-${document.invoiceId}-${pressed}`);
    if (!changed.ok) {
      const progress: PostedRecord = {
        ...recorded,
        documents: recorded.documents.map((d) => replaced.find((r) => r.invoiceId === d.invoiceId) ?? d),
        by: user,
        at: now(),
      };
      deps.records.write(progress);
      const done = replaced.length > 0 ? `Already voided or deleted: ${replaced.map((d) => d.invoiceNumber).join(', ')}. ` : '';
      return {
        ok: false,
        outcome: { kind: 'failed', nothingCreated: true, record: progress, message: `${changed.failure.message} ${done}Use "Void and re-post" again to finish; nothing new was created.` },
      };
    }
    replaced.push(postedDocument(changed.value, partOf(document), decimals));
  }
  const next: PostedRecord = {
    ...recorded,
    revision: recorded.revision + 1,
    fingerprint: '',
    state: 'voided',
    numbers: [],
    documents: [],
    replaced,
    by: user,
    at: now(),
    refusals: 0,
  };
  deps.records.write(next);
  return { ok: true, record: next };
}

/** Looks up the revision's numbers in Xero, adopts what is there, and creates only what is missing. */
function createMissing(
  deps: PostingDeps,
  request: PostRequest,
  fingerprint: string,
  base: PostedRecord,
  attemptFingerprint: string | undefined,
  now: () => string,
): PostOutcome {
  const { summary } = request;
  const decimals = summary.header.decimals;
  const planned = renumber(request.documents, base.revision);
  const numbers = planned.map((d) => d.invoice.InvoiceNumber);
  const found = deps.client.invoicesByNumber(numbers);
  if (!found.ok) return failedCall(found.failure, []);

  const adopted: PostedDocument[] = [];
  const missing: PlannedDocument[] = [];
  const problems: string[] = [];
  for (const document of planned) {
    const number = document.invoice.InvoiceNumber.toLowerCase();
    const withNumber = found.value.filter((d) => d.invoiceNumber.toLowerCase() === number);
    const open = withNumber.filter((d) => isOpen(d.status));
    const kind = document.invoice.Type === 'ACCPAY' ? 'bill' : 'sales invoice';
    if (open.length > 1) {
      problems.push(`Xero holds ${open.length} open documents numbered ${document.invoice.InvoiceNumber}. Void the extra ones in Xero, then press Post again.`);
    } else if (open.length === 1) {
      // A document with our number is ours only if it is the planned one, made from these numbers.
      const fromThisPlan = attemptFingerprint === undefined || attemptFingerprint === '' || attemptFingerprint === fingerprint;
      const held = open[0]!;
      const matches = sameDocument(held, document, decimals);
      if (matches && fromThisPlan) adopted.push(postedDocument(held, document.part, decimals));
      else if (matches) {
        problems.push(`Xero already holds ${document.invoice.InvoiceNumber} from an earlier post of this settlement, with lines that differ from what it gives now. Use "Void and re-post" to replace it.`);
      } else {
        const currency = document.invoice.CurrencyCode;
        problems.push(
          `Xero already holds ${document.invoice.InvoiceNumber} (${held.type} ${held.currency} ${held.total}, ${held.status}), but this settlement now gives a ${kind} of ${currency} ${formatAmount(plannedTotal(document), decimals)}. ` +
            'Use "Void and re-post" to replace it.',
        );
      }
    } else if (withNumber.length > 0) {
      problems.push(`${document.invoice.InvoiceNumber} was ${withNumber[0]!.status.toLowerCase()} in Xero. To post this settlement again, use "Void and re-post": it posts under new numbers.`);
    } else {
      missing.push(document);
    }
  }
  if (problems.length > 0) return refused(problems, 'Nothing was sent to Xero.');

  let record: PostedRecord = {
    ...base,
    fingerprint,
    state: missing.length > 0 ? 'posting' : 'posted',
    numbers,
    documents: adopted,
    by: request.user,
    at: now(),
  };
  deps.records.write(record);
  if (missing.length === 0) return posted(record, summary);

  const invoices = missing.map((d) => d.invoice);
  const key = idempotencyKey(summary.header.settlementId, record.revision, record.refusals, JSON.stringify({ Invoices: invoices }), deps.crypto);
  const created = deps.client.createInvoices(invoices, key);
  if (!created.ok) {
    if (created.failure.kind === 'validation') {
      record = { ...record, refusals: record.refusals + 1 };
      deps.records.write(record);
      const lines = created.failure.problems.map((p) => {
        const document = missing.find((d) => d.invoice.InvoiceNumber === p.invoiceNumber);
        return document ? describeRefusal(p, document, summary) : p.message;
      });
      return { kind: 'failed', nothingCreated: true, record, message: `Xero refused the documents: ${lines.join(' ')} ${NOTHING_CREATED}` };
    }
    return failedCall(created.failure, missing.map((d) => d.invoice.InvoiceNumber), record);
  }

  const refusals: string[] = [];
  const createdNow = created.value.filter((outcome) => outcome.ok).length;
  created.value.forEach((outcome, i) => {
    const document = missing[i]!;
    if (outcome.ok) record.documents.push(postedDocument(outcome.document, document.part, decimals));
    else refusals.push(...outcome.problems.map((p) => describeRefusal(p, document, summary)));
  });
  record.documents.sort((a, b) => numbers.indexOf(a.invoiceNumber) - numbers.indexOf(b.invoiceNumber));
  if (refusals.length > 0) {
    record = { ...record, state: 'posting', refusals: record.refusals + 1 };
    deps.records.write(record);
    const made = record.documents.length > 0 ? `Xero holds ${record.documents.map((d) => d.invoiceNumber).join(', ')}. ` : '';
    return {
      kind: 'failed',
      nothingCreated: createdNow === 0,
      record,
      message: `Xero refused ${made ? 'part of ' : ''}settlement ${summary.header.settlementId}: ${refusals.join(' ')} ${made}Fix what is listed, then press Post again: SettleSheet creates only what is missing.`,
    };
  }
  record = { ...record, state: 'posted' };
  deps.records.write(record);
  return posted(record, summary);
}

function alreadyPosted(record: PostedRecord): PostOutcome {
  const numbers = record.documents.map((d) => d.invoiceNumber).join(', ');
  return { kind: 'already-posted', record, message: `Settlement ${record.settlementId} is already in Xero (${numbers}), posted by ${record.by}.` };
}

function posted(record: PostedRecord, summary: SettlementSummary): PostOutcome {
  const list = record.documents.map((d) => `${d.invoiceNumber} (${d.type === 'ACCPAY' ? 'bill' : 'sales invoice'}, ${d.currency} ${d.total}, ${d.status})`);
  return { kind: 'posted', record, message: `Settlement ${summary.header.settlementId} is in ${record.organisationName}: ${list.join(', ')}.` };
}
