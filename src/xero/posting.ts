/**
 * Posting a settlement to Xero so that it is never duplicated: under the document lock, re-read
 * the posted record, check the documents against the organisation's settings (lock dates
 * included), look up Xero for the settlement's invoice numbers, create only what is missing (with
 * a deterministic Idempotency-Key), and record every document (posting-create.ts). A retry after a
 * lost answer, a double click or two collaborators pressing at once all end with one set of
 * documents; a settlement Xero took only part of is recorded as partly posted, and the next press
 * finishes it (or `void` takes back what was created: posting-void.ts).
 */
import { isOpen, type PostedRecord } from './posted-records';
import { createMissing } from './posting-create';
import { alreadyPosted, failedCall, refused, type PostOutcome } from './posting-outcome';
import { documentsFingerprint } from './posting-plan';
import type { PostingDeps, PostRequest } from './posting-request';
import { voidRevision } from './posting-void';
import { checkDocuments, loadReference } from './reference';

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
  if (mode !== 'post' && recorded && request.seenRevision !== undefined && recorded.revision !== request.seenRevision) {
    if (mode === 'void-and-repost' && recorded.state === 'posted' && recorded.fingerprint === fingerprint) return alreadyPosted(recorded);
    return refused([`${recorded.by} changed settlement ${settlementId} in Xero meanwhile (now revision ${recorded.revision}). Look at it again before re-posting.`], nothingSent);
  }
  if (mode === 'post' && recorded && recorded.state === 'posted' && recorded.fingerprint === fingerprint) {
    return alreadyPosted(recorded);
  }
  if (mode === 'void' && (!recorded || openRecorded.length === 0)) {
    return refused([`SettleSheet has not posted settlement ${settlementId} to Xero: there is nothing to void.`], nothingSent);
  }

  const reference = loadReference(deps.client, deps.tenantId, deps.cache, deps.clock, { refresh: true, currency: summary.header.currency });
  if (!reference.ok) return failedCall(reference.failure, []);
  // Voiding only takes back what Xero holds: the plan's checks are for what would be created.
  const problems = mode === 'void' ? [] : checkDocuments(summary, request.documents, reference.value);
  if (problems.length > 0) return refused(problems);

  const now = () => new Date(deps.clock.now()).toISOString();
  // A record from another organisation gets here only when nothing of it is open there any more.
  const here = { tenantId: deps.tenantId, organisationName: reference.value.organisationName };
  let record: PostedRecord = recorded
    ? { ...recorded, ...here }
    : { settlementId, ...here, revision: 1, fingerprint: '', state: 'posting', numbers: [], documents: [], replaced: [], by: request.user, at: now(), refusals: 0 };
  // Documents that an earlier attempt may have created were made from the fingerprint it recorded.
  let attemptFingerprint = recorded ? recorded.fingerprint : undefined;
  if (mode !== 'post') {
    const voided = voidRevision(deps, request, record, reference.value, now);
    if (!voided.ok) return voided.outcome;
    if (mode === 'void') return voidedOutcome(voided.record, settlementId);
    if (voided.record !== record) attemptFingerprint = '';
    record = voided.record;
  }
  return createMissing(deps, request, fingerprint, record, attemptFingerprint, reference.value.shortCode, now);
}

function voidedOutcome(record: PostedRecord, settlementId: string): PostOutcome {
  const taken = record.replaced.map((d) => `${d.invoiceNumber} (${d.status.toLowerCase()})`).join(', ');
  return {
    kind: 'voided',
    record,
    message: `Settlement ${settlementId} is no longer in ${record.organisationName}: ${taken || 'nothing was open there'}. Post it again when it can be posted whole; it gets new numbers.`,
  };
}
