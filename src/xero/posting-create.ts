/**
 * Creating a revision's documents: look up its numbers in Xero, adopt what is there, create only
 * what is missing under a deterministic Idempotency-Key, and record every document. When Xero
 * takes some documents and refuses others, the settlement is recorded as partly posted with
 * exactly what Xero holds and why the rest was refused, so the next press finishes it.
 */
import { postedLinesOf } from '../core/changes/posted-lines';
import { formatAmount } from '../core/money';
import { documentWords, moneyText } from '../core/words';
import { mainMarketplace } from '../core/summary/summarise';
import type { PlannedDocument } from '../core/xero/documents';
import type { XeroDocumentState } from './client';
import type { XeroValidationProblem } from './errors';
import type { PostingDeps, PostRequest } from './posting-request';
import { failedCall, NOTHING_CREATED, partlyPosted, posted, refused, type PostOutcome } from './posting-outcome';
import { describeRefusal, idempotencyKey, plannedTotal, postedDocument, renumber, sameDocument, xeroTotal } from './posting-plan';
import { isOpen, type MissingPart, type PostedDocument, type PostedRecord } from './posted-records';

/** Create calls one press may make: the first, and one under a new key after each server error. */
const CREATE_ROUNDS = 3;
const BACKOFF_MS = 1000;

/** What Xero holds under a revision's numbers, against the plan. */
interface Sorted {
  adopted: PostedDocument[];
  missing: PlannedDocument[];
  problems: string[];
}

/**
 * Sorts the planned documents by what Xero holds under their numbers: the planned document itself
 * (adopted), nothing (missing), or something else (a problem to resolve before anything is sent).
 * A document with our number is ours only if it is the planned one, made from this plan
 * (`fromThisPlan`: the attempt that may have created it used these numbers).
 */
function sortAgainstXero(planned: readonly PlannedDocument[], held: readonly XeroDocumentState[], fromThisPlan: boolean, decimals: number, shortCode?: string): Sorted {
  const sorted: Sorted = { adopted: [], missing: [], problems: [] };
  for (const document of planned) {
    const number = document.invoice.InvoiceNumber;
    const withNumber = held.filter((d) => d.invoiceNumber.toLowerCase() === number.toLowerCase());
    const open = withNumber.filter((d) => isOpen(d.status));
    if (open.length > 1) {
      sorted.problems.push(`Xero holds ${open.length} open documents numbered ${number}. Void the extra ones in Xero, then press Post again.`);
    } else if (open.length === 1) {
      const found = open[0]!;
      if (sameDocument(found, document, decimals) && fromThisPlan) sorted.adopted.push(postedDocument(found, document.part, decimals, shortCode));
      else if (sameDocument(found, document, decimals)) {
        sorted.problems.push(`Xero already holds ${number} from an earlier post of this settlement, with lines that differ from what it gives now. Use "Void and re-post" to replace it.`);
      } else {
        const kind = document.invoice.Type === 'ACCPAY' ? 'bill' : 'sales invoice';
        const held = xeroTotal(found, decimals);
        const heldWords = documentWords({ ...found, type: found.type === 'ACCPAY' ? 'ACCPAY' : 'ACCREC', invoiceNumber: number, total: held === undefined ? String(found.total) : formatAmount(held, decimals) }, found.currency);
        sorted.problems.push(
          `Xero already holds ${heldWords}, but this settlement now gives a ${kind} of ${moneyText(formatAmount(plannedTotal(document), decimals), document.invoice.CurrencyCode)}. ` +
            'Use "Void and re-post" to replace it.',
        );
      }
    } else if (withNumber.length > 0) {
      sorted.problems.push(`${number} was ${withNumber[0]!.status.toLowerCase()} in Xero. To post this settlement again, use "Void and re-post": it posts under new numbers.`);
    } else {
      sorted.missing.push(document);
    }
  }
  return sorted;
}

/** Looks up the revision's numbers in Xero, adopts what is there, and creates only what is missing. */
export function createMissing(
  deps: PostingDeps,
  request: PostRequest,
  fingerprint: string,
  base: PostedRecord,
  attemptFingerprint: string | undefined,
  shortCode: string | undefined,
  now: () => string,
): PostOutcome {
  const { summary } = request;
  const decimals = summary.header.decimals;
  const planned = renumber(request.documents, base.revision);
  const numbers = planned.map((d) => d.invoice.InvoiceNumber);
  const found = deps.client.invoicesByNumber(numbers);
  if (!found.ok) return failedCall(found.failure, []);
  const fromThisPlan = attemptFingerprint === undefined || attemptFingerprint === '' || attemptFingerprint === fingerprint;
  const first = sortAgainstXero(planned, found.value, fromThisPlan, decimals, shortCode);
  if (first.problems.length > 0) return refused(first.problems, 'Nothing was sent to Xero.');

  const { missing: earlier, ...rest } = base;
  // A partly posted settlement stays marked so until what Xero refused is in, whatever this press
  // meets (a rate limit, a lost answer): the next press looks Xero up again anyway.
  const stillMissing = base.state === 'partly-posted' && first.adopted.length > 0
    ? (earlier ?? []).filter((m) => first.missing.some((d) => d.invoice.InvoiceNumber === m.invoiceNumber))
    : [];
  let record: PostedRecord = {
    ...rest,
    ...(shortCode ? { shortCode } : {}),
    fingerprint,
    state: first.missing.length === 0 ? 'posted' : stillMissing.length > 0 ? 'partly-posted' : 'posting',
    ...(stillMissing.length > 0 ? { missing: stillMissing } : {}),
    numbers,
    documents: first.adopted,
    // What these documents say, line by line, so a later change can be shown (core/changes).
    lines: postedLinesOf(summary, request.documents, { marketplace: mainMarketplace(summary.marketplaces) }),
    by: request.user,
    at: now(),
  };
  deps.records.write(record);
  let missing = first.missing;
  const inOrder = (documents: PostedDocument[]) => documents.sort((a, b) => numbers.indexOf(a.invoiceNumber) - numbers.indexOf(b.invoiceNumber));

  for (let round = 1; missing.length > 0; round++) {
    const invoices = missing.map((d) => d.invoice);
    const key = idempotencyKey(summary.header.settlementId, record.revision, record.refusals, JSON.stringify({ Invoices: invoices }), deps.crypto);
    const created = deps.client.createInvoices(invoices, key);
    if (!created.ok) {
      const failure = created.failure;
      const keptByXero = failure.kind === 'validation' || (failure.kind === 'unavailable' && failure.answered === true);
      // Xero keeps the answer under this key: whatever happens next needs a new one.
      if (keptByXero) {
        record = { ...record, refusals: record.refusals + 1 };
        deps.records.write(record);
      }
      if (failure.kind === 'validation') return settleRefusals(deps, record, refusedWhole(missing, failure.problems, request), false);
      if (!keptByXero || round >= CREATE_ROUNDS) return failedCall(failure, missing.map((d) => d.invoice.InvoiceNumber), record);
      // A server error may come after Xero created some: look again before trying under a new key.
      deps.clock.sleep(BACKOFF_MS * round);
      const again = deps.client.invoicesByNumber(missing.map((d) => d.invoice.InvoiceNumber));
      if (!again.ok) return failedCall(again.failure, missing.map((d) => d.invoice.InvoiceNumber), record);
      const sorted = sortAgainstXero(missing, again.value, true, decimals, shortCode);
      if (sorted.problems.length > 0) return refused(sorted.problems, 'Nothing more was sent to Xero.');
      record = { ...record, documents: inOrder([...record.documents, ...sorted.adopted]) };
      deps.records.write(record);
      missing = sorted.missing;
      continue;
    }
    const refusedParts: MissingPart[] = [];
    created.value.forEach((outcome, i) => {
      const document = missing[i]!;
      if (outcome.ok) record.documents.push(postedDocument(outcome.document, document.part, decimals, shortCode));
      else refusedParts.push(missingPart(document, outcome.problems.map((p) => describeRefusal(p, document, summary)), decimals));
    });
    record = { ...record, documents: inOrder(record.documents), refusals: record.refusals + (refusedParts.length > 0 ? 1 : 0) };
    if (refusedParts.length > 0) return settleRefusals(deps, record, refusedParts, created.value.some((o) => o.ok));
    missing = [];
  }
  const { missing: _done, ...whole } = record;
  record = { ...whole, state: 'posted' };
  deps.records.write(record);
  return posted(record);
}

function missingPart(document: PlannedDocument, reasons: string[], decimals: number): MissingPart {
  return { part: document.part, invoiceNumber: document.invoice.InvoiceNumber, type: document.invoice.Type, total: formatAmount(plannedTotal(document), decimals), reasons };
}

/**
 * Some documents refused: partly posted when Xero holds any of the revision's documents (from
 * this press or an earlier one), otherwise a refusal that created nothing.
 */
function settleRefusals(deps: PostingDeps, record: PostedRecord, refusedParts: MissingPart[], createdNow: boolean): PostOutcome {
  if (record.documents.length > 0) {
    const partly: PostedRecord = { ...record, state: 'partly-posted', missing: refusedParts };
    deps.records.write(partly);
    return partlyPosted(partly, refusedParts);
  }
  const stalled: PostedRecord = { ...record, state: 'posting' };
  deps.records.write(stalled);
  return {
    kind: 'failed',
    nothingCreated: !createdNow,
    record: stalled,
    message: `Xero refused settlement ${record.settlementId}: ${[...new Set(refusedParts.flatMap((p) => p.reasons))].join(' ')} ${NOTHING_CREATED} Fix what is listed, then press Post again.`,
  };
}

/** Xero refused the whole create call (a 400 for the request, not per document): each missing part, with what Xero said. */
function refusedWhole(missing: PlannedDocument[], problems: XeroValidationProblem[], request: PostRequest): MissingPart[] {
  const { summary } = request;
  return missing.map((document) => {
    const about = problems.filter((p) => p.invoiceNumber === undefined || p.invoiceNumber === document.invoice.InvoiceNumber);
    return missingPart(document, about.map((p) => describeRefusal(p, document, summary)), summary.header.decimals);
  });
}
