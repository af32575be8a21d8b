/**
 * "Post to Xero", "Void and re-post" and "Void what was posted": under the document lock, the
 * settlement is summarised afresh from the tabs and its plan's fingerprint compared with the one
 * the person confirmed (the preview's): any difference (a collaborator changed the settings, the
 * Mapping or Accounts tab, the file, or what Xero holds) refuses with "the preview changed: look
 * again" and sends nothing. Otherwise the posting flow, which never creates a duplicate, takes it.
 * Whatever happens is written to the Settlements row and the Log.
 */
import type { PostedDocumentDto, PostResultDto } from '../../api/types';
import type { PostOutcome } from '../../xero/posting';
import { isOpen } from '../../xero/posted-records';
import { documentWords } from '../../core/words';
import { SettlementRegistry } from '../registry';
import { appendLog, type LogEntry } from '../workbook/log';
import { writeSettlementRow } from '../workbook/settlements-tab';
import { postSettlementToXero } from '../xero/posting';
import { UrlFetchRefused } from '../xero/url-fetch';
import { Workbook } from '../workbook/workbook';
import { documentDto } from './partly-posted';
import { compute, recordOf } from './compute';
import { currentUser } from '../identity';
import { postingViewOf } from './views';
import { settleUnfinishedWork } from '../unfinished-work';
import { noteLockTaken } from '../records/record-sheet';
import { documentStore } from '../records/document-store';
import { postedRecordStore } from '../../xero/posted-records';
import { POST_LOCK_WAIT_MS } from '../../xero/posting';
import { planFingerprint, planOrganisation } from './plan-fingerprint';
import { standingOf } from './xero-checks';
import { templateNotChosenProblem } from './preview-notes';

/** What a post whose plan is not the one confirmed answers. */
export const PREVIEW_CHANGED = 'The preview changed: look again. What Post would send now is not what you confirmed (someone changed the settings, the Mapping or Accounts tab, the settlement, or what Xero holds), so nothing was sent to Xero.';

function documentsOf(outcome: Extract<PostOutcome, { record: unknown }>): PostedDocumentDto[] {
  return (outcome.record?.documents ?? []).filter((d) => isOpen(d.status)).map(documentDto);
}

function resultOf(outcome: PostOutcome): PostResultDto {
  switch (outcome.kind) {
    case 'posted':
    case 'already-posted':
      return {
        outcome: outcome.kind, message: outcome.message, documents: documentsOf(outcome),
        ...(outcome.journal ? { journal: outcome.journal.message } : {}),
        ...(outcome.attachments ? { attachments: outcome.attachments.message } : {}),
      };
    case 'partly-posted':
      return { outcome: 'partly-posted', message: outcome.message, documents: documentsOf(outcome), missing: outcome.missing };
    case 'voided':
      return { outcome: 'voided', message: outcome.message };
    case 'refused':
      return { outcome: 'refused', message: outcome.message, problems: outcome.problems };
    case 'rate-limited':
      return { outcome: 'rate-limited', message: outcome.message, retryAfterSeconds: outcome.retryAfterSeconds };
    default:
      return { outcome: outcome.kind, message: outcome.message };
  }
}

const ACTION_WORDS = { post: 'Post', 'void-and-repost': 'Void and re-post', void: 'Void what was posted' } as const;
const RESULT_WORDS: Partial<Record<PostResultDto['outcome'], LogEntry['result']>> = { refused: 'Refused', busy: 'Busy', 'partly-posted': 'Partly posted' };

/**
 * Posts through the posting flow; Google refusing a UrlFetch call (its daily quota, the manifest's
 * allow-list) ends the post as a failure in words, recorded like any other.
 */
function postOrExplain(c: ReturnType<typeof compute>, mode: 'post' | 'void-and-repost' | 'void', seenRevision?: number): PostOutcome {
  try {
    return postSettlementToXero({
      summary: c.summary,
      documents: c.documents,
      mode,
      ...(seenRevision === undefined ? {} : { seenRevision }),
      ...(c.cogs.request ? { cogs: c.cogs.request } : {}),
      ...(c.attachments ? { attachments: c.attachments } : {}),
    });
  } catch (error) {
    if (!(error instanceof UrlFetchRefused)) throw error;
    return { kind: 'failed', message: error.message, nothingCreated: false };
  }
}

/** Posts a settlement (or voids what Xero holds, and posts it again unless `mode` is `void`). */
export function postSettlement(request: { settlementId: string; mode: 'post' | 'void-and-repost' | 'void'; seenRevision?: number; fingerprint?: string }): PostResultDto {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(POST_LOCK_WAIT_MS)) return busyResult(request.settlementId);
  noteLockTaken();
  try {
    return postUnderLock(request);
  } finally {
    lock.releaseLock();
  }
}

/** Someone else holds the document lock: say who is posting what, when it is known. */
function busyResult(settlementId: string): PostResultDto {
  const activity = postedRecordStore(documentStore(PropertiesService.getDocumentProperties())).activity();
  // An activity older than an execution can live was left by one that died; it names nobody.
  const known = activity && Date.now() - Date.parse(activity.since) < 6 * 60_000;
  const who = known ? `${activity.by} is posting ${activity.settlementId === settlementId ? 'this settlement' : `settlement ${activity.settlementId}`} to Xero` : 'Someone else is changing this spreadsheet with SettleSheet';
  return { outcome: 'busy', message: `${who} right now. Wait until it finishes, then press Post again: SettleSheet will see what was posted.` };
}

function postUnderLock(request: { settlementId: string; mode: 'post' | 'void-and-repost' | 'void'; seenRevision?: number; fingerprint?: string }): PostResultDto {
  const workbook = Workbook.active();
  settleUnfinishedWork(workbook);
  const c = compute(workbook, recordOf(request.settlementId));
  // Voiding takes back what Xero holds whatever the tabs say now (its confirmation names the revision).
  if (request.mode !== 'void' && planFingerprint(c, standingOf(c), planOrganisation()) !== request.fingerprint) {
    appendLog(workbook, { what: ACTION_WORDS[request.mode], settlementId: request.settlementId, result: 'Refused', details: PREVIEW_CHANGED }, currentUser());
    return { outcome: 'refused', message: PREVIEW_CHANGED, problems: [] };
  }
  // Voiding takes back what Xero holds whatever the tabs say now; posting needs a clean summary and a region.
  const template = request.mode === 'void' ? undefined : templateNotChosenProblem(c.summary, c.settings);
  const problems = [...(request.mode === 'void' ? [] : c.summary.problems.map((p) => p.message)), ...(template ? [template] : [])];
  const outcome: PostOutcome = problems.length > 0 ? { kind: 'refused', message: 'Nothing was sent to Xero.', problems } : postOrExplain(c, request.mode, request.seenRevision);
  const result = resultOf(outcome);

  const succeeded = result.outcome === 'posted' || result.outcome === 'already-posted' || result.outcome === 'voided';
  const registry = SettlementRegistry.active();
  const record = registry.get(request.settlementId) ?? c.record;
  const { lastPostError: _previous, ...rest } = record;
  // Someone else posting is not a failure of this settlement: its state stays as it was.
  const updated =
    result.outcome === 'busy'
      ? record
      : succeeded
        ? { ...rest, changedSincePosting: false }
        : { ...rest, lastPostError: result.outcome === 'refused' ? `${result.message} ${result.problems.join(' ')}` : result.message };
  registry.put(updated);
  writeSettlementRow(workbook, updated, postingViewOf(updated), false);

  const organisation = 'record' in outcome ? outcome.record?.organisationName ?? 'Xero' : 'Xero';
  const listed = 'documents' in result ? result.documents : [];
  const details = result.outcome === 'voided'
    ? result.message
    : succeeded
    ? `${result.outcome === 'posted' ? 'In' : 'Already in (nothing new created)'} ${organisation}: ${listed.map((d) => `${documentWords(d, c.summary.header.currency)}, Xero id ${d.invoiceId}`).join('; ')}.`
    : updated.lastPostError ?? result.message;
  appendLog(
    workbook,
    {
      what: ACTION_WORDS[request.mode],
      settlementId: request.settlementId,
      result: RESULT_WORDS[result.outcome] ?? (succeeded ? 'OK' : 'Failed'),
      details,
    },
    currentUser(),
  );
  return result;
}
