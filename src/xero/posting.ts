/**
 * Posting a settlement to Xero so that it is never duplicated: under the document lock, re-read
 * the posted record, check the documents against the organisation's settings (lock dates
 * included), look up Xero for the settlement's invoice numbers, create only what is missing (with
 * a deterministic Idempotency-Key), and record every document (posting-create.ts). A retry after a
 * lost answer, a double click or two collaborators pressing at once all end with one set of
 * documents; a settlement Xero took only part of is recorded as partly posted, and the next press
 * finishes it (or `void` takes back what was created: posting-void.ts).
 */
import { documentStatusWords } from '../core/words';
import { checkJournals } from './journal-checks';
import { journalStanding } from './journal-plan';
import { isOpen, type PostedRecord } from './posted-records';
import { createMissing } from './posting-create';
import { alreadyPosted, failedCall, refused, type PostOutcome } from './posting-outcome';
import { documentsFingerprint } from './posting-plan';
import type { PostingDeps, PostRequest } from './posting-request';
import { postJournals, type JournalOutcome } from './posting-journals';
import { attachFiles, summariesAttached, summaryAttachments } from './posting-attachments';
import { voidJournals } from './posting-journals-void';
import { voidRevision } from './posting-void';
import { checkDocuments, loadReference } from './reference';
import { stillToCreate } from './still-to-create';

export { postOutcomeOf, type PostOutcome } from './posting-outcome';
export type { PostingDeps, PostMode, PostRequest } from './posting-request';

/** How long a second poster waits for the first before being told who is posting. */
export const POST_LOCK_WAIT_MS = 30_000;
// An activity older than an execution can live was left by one that died; it names nobody.
const ACTIVITY_STALE_MS = 6 * 60_000;

/** Posts a settlement's documents (see the module comment). */
export function postSettlement(deps: PostingDeps, request: PostRequest): PostOutcome {
  const settlementId = request.summary.header.settlementId;
  if (request.documents.length === 0 && request.mode !== 'void') {
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

function postUnderLock(deps: PostingDeps, request: PostRequest, fingerprint: string): PostOutcome {
  const { summary, mode } = request;
  const settlementId = summary.header.settlementId;
  const recorded = deps.records.read(settlementId);
  const openRecorded = recorded?.documents.filter((d) => isOpen(d.status)) ?? [];
  const nothingSent = 'Nothing was sent to Xero.';
  const journals = journalStanding(recorded, request.cogs, deps.crypto);
  const documentsSettled = recorded !== undefined && recorded.state === 'posted' && recorded.fingerprint === fingerprint;
  const now = () => new Date(deps.clock.now()).toISOString();
  const attached = (outcome: PostOutcome) => withAttachments(deps, request, outcome, now);
  if (recorded && recorded.tenantId !== deps.tenantId && (openRecorded.length > 0 || recorded.state === 'posting')) {
    return refused([
      `Settlement ${settlementId} was posted to ${recorded.organisationName}, but this spreadsheet now posts to another organisation. ` +
        `Switch back to ${recorded.organisationName} to void and re-post it there.`,
    ], nothingSent);
  }
  if (mode === 'post' && recorded && openRecorded.length > 0 && recorded.fingerprint !== fingerprint) {
    return refused([
      `Settlement ${settlementId} changed since ${recorded.by} posted it (${openRecorded.map((d) => d.invoiceNumber).join(', ')}). ` +
        'To replace what Xero holds, use "Void and re-post".',
    ], nothingSent);
  }
  if (mode === 'post' && journals.changed) {
    return refused([
      `The cost of goods sold of settlement ${settlementId} changed since its journal was posted (its costs or units differ). ` +
        'To replace the journal, use "Void and re-post": the invoices stay as they are.',
    ], nothingSent);
  }
  if (mode !== 'post' && recorded && request.seenRevision !== undefined && recorded.revision !== request.seenRevision) {
    if (mode === 'void-and-repost' && documentsSettled && journals.settled) return attached(withJournalNote(alreadyPosted(recorded), request));
    return refused([`${recorded.by} changed settlement ${settlementId} in Xero meanwhile (now revision ${recorded.revision}). Look at it again before re-posting.`], nothingSent);
  }
  // Already in Xero: at most the summaries still need attaching, which needs no reference data.
  if (mode === 'post' && documentsSettled && journals.settled) return attached(withJournalNote(alreadyPosted(recorded), request));
  if (mode === 'void' && (!recorded || openRecorded.length === 0)) {
    return refused([`SettleSheet has not posted settlement ${settlementId} to Xero: there is nothing to void.`], nothingSent);
  }

  const tracked = request.documents.some((d) => d.invoice.LineItems.some((item) => item.Tracking !== undefined));
  const reference = loadReference(deps.client, deps.tenantId, deps.cache, deps.clock, { refresh: true, currency: summary.header.currency, tracking: tracked });
  if (!reference.ok) return failedCall(reference.failure, []);
  // A changed cost replaces only the journals: documents that did not change are left as they are.
  const keepDocuments = (mode === 'post' && documentsSettled) || (mode === 'void-and-repost' && documentsSettled && journals.changed);
  // Voiding only takes back what Xero holds, and documents kept are not sent again: the plan's
  // checks are for what would be created (finishing a partly posted one creates only the rest).
  const toCreate = mode === 'post' ? stillToCreate(request.documents, recorded, recorded?.fingerprint === fingerprint) : request.documents;
  const problems = mode === 'void' || keepDocuments ? [] : checkDocuments(summary, request.documents, reference.value, toCreate);
  if (problems.length > 0) return refused(problems);
  // What stops the journals stops only them: the documents go on.
  const journalProblems = mode === 'void' ? [] : checkJournals(summary, journals.planned, reference.value);

  // A record from another organisation gets here only when nothing of it is open there any more.
  const here = { tenantId: deps.tenantId, organisationName: reference.value.organisationName };
  let record: PostedRecord = recorded
    ? { ...recorded, ...here }
    : { settlementId, ...here, revision: 1, fingerprint: '', state: 'posting', numbers: [], documents: [], replaced: [], by: request.user, at: now(), refusals: 0 };
  // Documents that an earlier attempt may have created were made from the fingerprint it recorded.
  let attemptFingerprint = recorded ? recorded.fingerprint : undefined;
  if (mode !== 'post' && !keepDocuments) {
    const voided = voidRevision(deps, request, record, reference.value, now);
    if (!voided.ok) return voided.outcome;
    if (voided.record !== record) attemptFingerprint = '';
    record = voided.record;
  }
  if (mode === 'void' || journals.changed) {
    const voided = voidJournals(deps, request, record, journals.planned.map((j) => j.journal.Narration), reference.value, now);
    if (!voided.ok) return voided.outcome;
    record = voided.record;
  }
  if (mode === 'void') return voidedOutcome(record, settlementId);
  const documents = keepDocuments
    ? alreadyPosted(record)
    : createMissing(deps, request, fingerprint, record, attemptFingerprint, reference.value.shortCode, now);
  if (documents.kind !== 'posted' && documents.kind !== 'already-posted') return documents;
  return attached(journalsAfter(deps, request, documents, journals.wanted, journalProblems, now));
}

/** The journals' part of a press, after its documents are in Xero. */
function journalsAfter(
  deps: PostingDeps,
  request: PostRequest,
  documents: Extract<PostOutcome, { kind: 'posted' | 'already-posted' }>,
  wanted: boolean,
  journalProblems: string[],
  now: () => string,
): PostOutcome {
  if (!wanted) return withJournalNote(documents, request);
  if (journalProblems.length > 0) return withJournalNote(documents, request, `${journalsNotPosted(request)}: ${journalProblems.join(' ')}`);
  // After a void the journals are numbered for the next journal revision.
  const standing = journalStanding(documents.record, request.cogs, deps.crypto);
  if (standing.settled) return documents;
  const posted = postJournals(deps, request, standing, documents.record, now);
  return withJournal(documents, posted.record, posted.outcome);
}

/**
 * The attachments' part of a press, once the documents are in Xero: each document's summary CSV,
 * unless it is attached already. What fails here is said and kept for a retry, never undoing the documents.
 */
function withAttachments(deps: PostingDeps, request: PostRequest, outcome: PostOutcome, now: () => string): PostOutcome {
  if ((outcome.kind !== 'posted' && outcome.kind !== 'already-posted') || !request.attachments || summariesAttached(outcome.record)) return outcome;
  const wanted = summaryAttachments(request.summary, request.documents, outcome.record, request.attachments, deps.crypto.base64);
  const { record, outcome: attachments } = attachFiles(deps, outcome.record, wanted, now);
  if (!attachments.message) return { ...outcome, record };
  const kind = outcome.kind === 'already-posted' && attachments.kind === 'attached' ? 'posted' : outcome.kind;
  return { ...outcome, kind, record, message: `${outcome.message} ${attachments.message}`, attachments };
}

/** Adds what happened to the journals to the documents' outcome. */
function withJournal(outcome: Extract<PostOutcome, { kind: 'posted' | 'already-posted' }>, record: PostedRecord, journal: JournalOutcome): PostOutcome {
  const kind = outcome.kind === 'already-posted' && journal.kind === 'posted' ? 'posted' : outcome.kind;
  const message = journal.message ? `${outcome.message} ${journal.message}` : outcome.message;
  return { ...outcome, kind, record, message, ...(journal.message ? { journal } : {}) };
}

/** Says why the journals were not posted when they are blocked (a SKU without a cost…), or adds `note`. */
function withJournalNote(outcome: PostOutcome, request: PostRequest, note?: string): PostOutcome {
  if (outcome.kind !== 'posted' && outcome.kind !== 'already-posted') return outcome;
  const blocked = request.cogs && request.cogs.blocked.length > 0 ? `${journalsNotPosted(request)}: ${request.cogs.blocked.join(' ')}` : undefined;
  const message = note ?? blocked;
  return message ? withJournal(outcome, outcome.record, { kind: 'blocked', message }) : outcome;
}

/** `Its cost of goods sold journal was not posted`, or `journals were` when the settlement has several (one per part with units). */
function journalsNotPosted(request: PostRequest): string {
  const cogs = request.cogs;
  const journals = Math.max(cogs?.journals.length ?? 0, (cogs?.parts ?? []).filter((p) => p.skus.length > 0).length);
  return journals > 1 ? 'Its cost of goods sold journals were not posted' : 'Its cost of goods sold journal was not posted';
}

function voidedOutcome(record: PostedRecord, settlementId: string): PostOutcome {
  const journals = (record.replacedJournals ?? []).map((j) => `${j.narration.split(' ')[0]} (${documentStatusWords(j.status)})`);
  const taken = [...record.replaced.map((d) => `${d.invoiceNumber} (${documentStatusWords(d.status)})`), ...journals].join(', ');
  return {
    kind: 'voided',
    record,
    message: `Settlement ${settlementId} is no longer in ${record.organisationName}: ${taken || 'nothing was open there'}. Post it again when it can be posted whole; it gets new numbers.`,
  };
}
