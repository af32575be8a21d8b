/**
 * Voiding (POSTED) or deleting (DRAFT) the cost of goods sold journals Xero holds for a
 * settlement's current journal revision, before they are posted again with new costs or units,
 * or when the whole settlement is taken back. As for documents (posting-void.ts): nothing is
 * changed when one of them cannot be (a lock date, an archived journal), progress is recorded as
 * it goes, and the record then moves to the next journal revision.
 */
import type { XeroJournalState } from './journal-calls';
import { lockedForVoiding } from './lock-dates';
import { postedJournal } from './journal-plan';
import { isOpen, type PostedJournal, type PostedRecord } from './posted-records';
import type { PostingDeps, PostRequest } from './posting-request';
import type { PostOutcome } from './posting-outcome';
import { failedCall, refused } from './posting-outcome';
import type { ReferenceData } from './reference';

const STATUS_ATTEMPTS = 3;
const BACKOFF_MS = 1000;

/**
 * Voids or deletes every open journal of the current journal revision (recorded, or found under
 * a narration it was planned under), then moves the record to the next journal revision. When
 * Xero holds none, the revision stays.
 */
export function voidJournals(
  deps: PostingDeps,
  request: PostRequest,
  recorded: PostedRecord,
  narrations: readonly string[],
  reference: ReferenceData,
  now: () => string,
): { ok: true; record: PostedRecord } | { ok: false; outcome: PostOutcome } {
  const again = request.mode === 'void' ? '"Void what was posted"' : '"Void and re-post"';
  const decimals = request.summary.header.decimals;
  const lookup = [...new Set([...(recorded.journalNarrations ?? []), ...(recorded.journals ?? []).map((j) => j.narration), ...narrations])];
  if (lookup.length === 0) return { ok: true, record: recorded };
  const found = deps.client.journalsByNarration(lookup);
  if (!found.ok) return { ok: false, outcome: failedCall(found.failure, []) };
  if (found.value.length === 0) return { ok: true, record: recorded };
  const open = found.value.filter((j) => isOpen(j.status));
  const key = (j: XeroJournalState) => j.narration.split(' ')[0] ?? j.narration;
  const archived = open.filter((j) => j.status === 'ARCHIVED').map((j) => `${key(j)} is archived in Xero: restore it there (Accounting › Manual journals › Archive), then use ${again} again.`);
  const locked = lockedForVoiding(open.map((j) => ({ invoiceNumber: `The journal ${key(j)}`, ...(j.date ? { date: j.date } : {}) })), reference, `use ${again} again`);
  if (archived.length + locked.length > 0) return { ok: false, outcome: refused([...archived, ...locked], 'Nothing was changed in Xero.') };

  const partOf = (j: XeroJournalState) => (recorded.journals ?? []).find((r) => r.manualJournalId === j.manualJournalId)?.part ?? '';
  const keep = (j: XeroJournalState): PostedJournal => ({ ...postedJournal(j, undefined, decimals, reference.shortCode), part: partOf(j) });
  const replaced: PostedJournal[] = found.value.filter((j) => !isOpen(j.status)).map(keep);
  const pressed = deps.clock.now();
  for (const journal of open) {
    const target = journal.status === 'POSTED' ? 'VOIDED' : 'DELETED';
    let changed = deps.client.setJournalStatus(journal, target, `settlesheet-journal-${target.toLowerCase()}-${journal.manualJournalId}-${pressed}-1`);
    for (let attempt = 2; !changed.ok && changed.failure.kind === 'unavailable' && changed.failure.answered === true && attempt <= STATUS_ATTEMPTS; attempt++) {
      // Xero keeps a server error under its key: look again, and change it under a new key if needed.
      const now = deps.client.journalsByNarration([journal.narration]);
      const state = now.ok ? now.value.find((j) => j.manualJournalId === journal.manualJournalId) : undefined;
      if (state && !isOpen(state.status)) {
        changed = { ok: true, value: state };
        break;
      }
      deps.clock.sleep(BACKOFF_MS * attempt);
      changed = deps.client.setJournalStatus(journal, target, `settlesheet-journal-${target.toLowerCase()}-${journal.manualJournalId}-${pressed}-${attempt}`);
    }
    if (!changed.ok) {
      const progress: PostedRecord = { ...recorded, replacedJournals: [...(recorded.replacedJournals ?? []), ...replaced], at: now() };
      deps.records.write(progress);
      return { ok: false, outcome: { kind: 'failed', nothingCreated: true, record: progress, message: `${changed.failure.message} Use ${again} again to finish; nothing new was created.` } };
    }
    replaced.push(keep(changed.value));
  }
  const next: PostedRecord = {
    ...recorded,
    journals: [],
    journalNarrations: [],
    journalFingerprint: '',
    journalRevision: (recorded.journalRevision ?? 1) + 1,
    journalRefusals: 0,
    replacedJournals: [...(recorded.replacedJournals ?? []), ...replaced],
    at: now(),
  };
  delete next.journalState;
  deps.records.write(next);
  return { ok: true, record: next };
}
