/**
 * "Post to Xero" and "Void and re-post": the settlement is summarised afresh from the tabs (what
 * the person just previewed), then handed to the posting flow, which never creates a duplicate.
 * Whatever happens is written to the Settlements row and the Log.
 */
import type { PostedDocumentDto, PostResultDto } from '../../api/types';
import type { PostOutcome } from '../../xero/posting';
import { isOpen } from '../../xero/posted-records';
import { SettlementRegistry } from '../registry';
import { appendLog } from '../workbook/log';
import { writeSettlementRow } from '../workbook/settlements-tab';
import { postSettlementToXero } from '../xero/posting';
import { UrlFetchRefused } from '../xero/url-fetch';
import { Workbook } from '../workbook/workbook';
import { compute, recordOf } from './preview';
import { currentUser } from '../identity';
import { postingViewOf } from './views';

function documentsOf(outcome: Extract<PostOutcome, { record: unknown }>): PostedDocumentDto[] {
  return (outcome.record?.documents ?? [])
    .filter((d) => isOpen(d.status))
    .map(({ part, invoiceNumber, invoiceId, type, status, total, url }) => ({ part, invoiceNumber, invoiceId, type, status, total, url }));
}

function resultOf(outcome: PostOutcome): PostResultDto {
  switch (outcome.kind) {
    case 'posted':
    case 'already-posted':
      return { outcome: outcome.kind, message: outcome.message, documents: documentsOf(outcome) };
    case 'refused':
      return { outcome: 'refused', message: outcome.message, problems: outcome.problems };
    case 'rate-limited':
      return { outcome: 'rate-limited', message: outcome.message, retryAfterSeconds: outcome.retryAfterSeconds };
    default:
      return { outcome: outcome.kind, message: outcome.message };
  }
}

/**
 * Posts through the posting flow; Google refusing a UrlFetch call (its daily quota, the manifest's
 * allow-list) ends the post as a failure in words, recorded like any other.
 */
function postOrExplain(c: ReturnType<typeof compute>, mode: 'post' | 'void-and-repost', seenRevision?: number): PostOutcome {
  try {
    return postSettlementToXero(c.summary, c.documents, mode, seenRevision);
  } catch (error) {
    if (!(error instanceof UrlFetchRefused)) throw error;
    return { kind: 'failed', message: error.message, nothingCreated: false };
  }
}

/** Posts a settlement (or voids what Xero holds and posts it again). */
export function postSettlement(request: { settlementId: string; mode: 'post' | 'void-and-repost'; seenRevision?: number }): PostResultDto {
  const workbook = Workbook.active();
  const c = compute(workbook, recordOf(request.settlementId));
  const outcome: PostOutcome =
    c.summary.problems.length > 0
      ? { kind: 'refused', message: 'Nothing was sent to Xero.', problems: c.summary.problems.map((p) => p.message) }
      : postOrExplain(c, request.mode, request.seenRevision);
  const result = resultOf(outcome);

  const succeeded = result.outcome === 'posted' || result.outcome === 'already-posted';
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

  const details = succeeded
    ? `${result.message} ${result.documents.map((d) => `${d.invoiceNumber} (${d.type === 'ACCPAY' ? 'bill' : 'invoice'} ${d.invoiceId}, ${d.status}, ${d.total})`).join('; ')}`
    : updated.lastPostError ?? result.message;
  appendLog(
    workbook,
    {
      what: request.mode === 'post' ? 'Post' : 'Void and re-post',
      settlementId: request.settlementId,
      result: succeeded ? 'OK' : result.outcome === 'refused' ? 'Refused' : result.outcome === 'busy' ? 'Busy' : 'Failed',
      details,
    },
    currentUser(),
  );
  return result;
}
