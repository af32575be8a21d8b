/**
 * Voiding (AUTHORISED) or deleting (DRAFT, SUBMITTED) what Xero holds for a settlement's current
 * revision, before a re-post or as the way out of a partly posted settlement. Nothing is changed
 * when any of the documents cannot be: Xero refuses to void a document with payments or credit
 * notes allocated, and one dated in a locked period, so both are checked first and named.
 */
import { formatAmount, parseAmount } from '../core/money';
import { moneyText } from '../core/words';
import type { XeroDocumentState } from './client';
import { lockedForVoiding } from './lock-dates';
import type { PostingDeps, PostRequest } from './posting-request';
import { failedCall, refused, type PostOutcome } from './posting-outcome';
import { postedDocument, renumber } from './posting-plan';
import { isOpen, type PostedDocument, type PostedRecord } from './posted-records';
import type { ReferenceData } from './reference';

/** How many keys one document's status change may use in one press (each after a server error). */
const STATUS_ATTEMPTS = 3;
const BACKOFF_MS = 1000;

function money(amount: number, currency: string, decimals: number): string {
  const minor = parseAmount(String(amount), decimals);
  return moneyText(typeof minor === 'number' ? formatAmount(minor, decimals) : String(amount), currency);
}

/** What stops Xero from voiding these documents: payments and credit notes, then lock dates. */
function blockers(open: readonly XeroDocumentState[], reference: ReferenceData, decimals: number, next: string): string[] {
  const allocated = open.filter((d) => d.status === 'PAID' || d.amountPaid > 0 || d.amountCredited > 0);
  const words = allocated.map((d) => {
    const parts = [
      ...(d.amountPaid > 0 || d.status === 'PAID' ? [`payments of ${money(d.amountPaid, d.currency, decimals)}`] : []),
      ...(d.amountCredited > 0 ? [`credit notes of ${money(d.amountCredited, d.currency, decimals)}`] : []),
    ];
    return `${d.invoiceNumber} has ${parts.join(' and ')} allocated in Xero`;
  });
  const payments = words.length === 0
    ? []
    : [
        `${words.join('; ')}. Xero does not void a document with payments or credit notes allocated: remove them in Xero first ` +
          `(open the document, then each payment or credit note, and remove or unallocate it), then ${next}.`,
      ];
  return [...payments, ...lockedForVoiding(open, reference, next)];
}

/**
 * Voids or deletes every open document Xero holds under the current revision's numbers (recorded,
 * or planned when the record was lost or an interrupted post created more than it recorded), then
 * moves the record to the next revision. When Xero holds nothing under those numbers the revision
 * stays. Progress is recorded as it goes, so pressing again resumes.
 */
export function voidRevision(
  deps: PostingDeps,
  request: PostRequest,
  recorded: PostedRecord,
  reference: ReferenceData,
  now: () => string,
): { ok: true; record: PostedRecord } | { ok: false; outcome: PostOutcome } {
  const { summary, user } = request;
  const decimals = summary.header.decimals;
  const again = request.mode === 'void' ? '"Void what was posted"' : '"Void and re-post"';
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
  const blocked = blockers(open, reference, decimals, `use ${again} again`);
  if (blocked.length > 0) return { ok: false, outcome: refused(blocked, 'Nothing was changed in Xero.') };
  const keep = (state: XeroDocumentState) => postedDocument(state, partOf(state), decimals, reference.shortCode);
  const replaced: PostedDocument[] = found.value.filter((d) => !isOpen(d.status)).map(keep);
  // One key per press and attempt: retries after a lost answer are replayed, while a later press
  // (after a fresh lookup of the status) or an attempt after a server error is not answered with
  // the error Xero keeps for the earlier key.
  const pressed = deps.clock.now();
  for (const document of open) {
    const changed = changeStatus(deps, document, pressed);
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
        outcome: { kind: 'failed', nothingCreated: true, record: progress, message: `${changed.failure.message} ${done}Use ${again} again to finish; nothing new was created.` },
      };
    }
    replaced.push(keep(changed.value));
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
  delete next.missing;
  deps.records.write(next);
  return { ok: true, record: next };
}

/**
 * Voids (AUTHORISED) or deletes (DRAFT, SUBMITTED) one document. After a server error Xero keeps
 * under the key, the document is read again: changed already, it is done; otherwise the change is
 * sent again under a new key.
 */
function changeStatus(deps: PostingDeps, document: XeroDocumentState, pressed: number): ReturnType<PostingDeps['client']['setStatus']> {
  const target = document.status === 'AUTHORISED' ? 'VOIDED' : 'DELETED';
  for (let attempt = 1; ; attempt++) {
    const changed = deps.client.setStatus(document.invoiceId, target, `settlesheet-${target.toLowerCase()}-${document.invoiceId}-${pressed}-${attempt}`);
    if (changed.ok || changed.failure.kind !== 'unavailable' || !changed.failure.answered || attempt >= STATUS_ATTEMPTS) return changed;
    const now = deps.client.invoicesById([document.invoiceId]);
    const state = now.ok ? now.value.find((d) => d.invoiceId === document.invoiceId) : undefined;
    if (state && !isOpen(state.status)) return { ok: true, value: state };
    deps.clock.sleep(BACKOFF_MS * attempt);
  }
}
