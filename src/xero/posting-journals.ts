/**
 * Posting a settlement's cost of goods sold journals, after its documents are in Xero: look the
 * revision's narrations up in Xero (every narration this revision was ever planned under is
 * recorded BEFORE a create is sent), adopt what is there, create only what is missing under a
 * deterministic Idempotency-Key, and record every journal beside the documents. A lost answer, a
 * double click or a second person end with one journal per part, as for documents
 * (posting-create.ts). Whatever happens here never undoes or blocks the documents.
 */
import { postedJournalsLinesOf } from '../core/changes/posted-lines';
import { formatAmount } from '../core/money';
import { documentStatusWords } from '../core/words';
import type { PlannedJournal } from '../core/cogs/plan';
import type { XeroFailure } from './errors';
import type { XeroJournalState } from './journal-calls';
import { postedJournal, sameJournal, type JournalStanding } from './journal-plan';
import { isOpen, type PostedJournal, type PostedRecord } from './posted-records';
import type { PostingDeps, PostRequest } from './posting-request';
import { idempotencyKey } from './posting-plan';

/** Create calls one press may make for journals: the first, and one under a new key after each server error. */
const CREATE_ROUNDS = 3;
const BACKOFF_MS = 1000;

/** How the journals of a press ended, in words for the person who pressed. */
export interface JournalOutcome {
  kind: 'posted' | 'already-posted' | 'blocked' | 'failed';
  message: string;
}

function words(journals: readonly PostedJournal[]): string {
  return journals.map((j) => `${j.narration.split(' ')[0]} (${documentStatusWords(j.status)})`).join(', ');
}

/** `The cost of goods sold journal was not posted`, in the plural when more than one was to be sent. */
function notPosted(journals: number): string {
  return journals > 1 ? 'The cost of goods sold journals were not posted' : 'The cost of goods sold journal was not posted';
}

function failedWords(failure: XeroFailure, mayHaveCreated: boolean, journals: number): string {
  const after = mayHaveCreated
    ? `Xero may have created ${journals > 1 ? 'some of them' : 'it'}: press Post again, and SettleSheet will find ${journals > 1 ? 'them' : 'it'} rather than create a second one.`
    : 'No journal was created: press Post again when this is resolved.';
  return `${notPosted(journals)}: ${failure.message} ${after}`;
}

/** What Xero holds under the planned narrations, against the plan. */
function sortJournals(planned: readonly PlannedJournal[], held: readonly XeroJournalState[], recorded: readonly string[], fromThisPlan: boolean, decimals: number, shortCode?: string) {
  const sorted = { adopted: [] as PostedJournal[], missing: [] as PlannedJournal[], problems: [] as string[] };
  for (const journal of planned) {
    const named = held.filter((j) => j.narration === journal.journal.Narration);
    const open = named.filter((j) => isOpen(j.status));
    if (open.length > 1) sorted.problems.push(`Xero holds ${open.length} open journals narrated "${journal.journal.Narration}". Void the extra ones in Xero, then press Post again.`);
    else if (open.length === 1 && fromThisPlan && sameJournal(open[0]!, journal, decimals)) sorted.adopted.push(postedJournal(open[0]!, journal, decimals, shortCode));
    else if (open.length === 1) sorted.problems.push(`Xero already holds the journal ${journal.key} from an earlier post of this settlement, with other amounts. Use "Void and re-post" to replace it.`);
    else if (named.length > 0) sorted.problems.push(`The journal ${journal.key} was ${named[0]!.status.toLowerCase()} in Xero. Use "Void and re-post" to post it again.`);
    else sorted.missing.push(journal);
  }
  // A journal an earlier attempt of this revision created under a narration no longer planned.
  const plannedNarrations = new Set(planned.map((j) => j.journal.Narration));
  for (const stray of held.filter((j) => isOpen(j.status) && recorded.includes(j.narration) && !plannedNarrations.has(j.narration))) {
    sorted.problems.push(`Xero already holds the journal "${stray.narration}" from an earlier post of this settlement. Use "Void and re-post" to replace it.`);
  }
  return sorted;
}

/**
 * Brings the planned journals into Xero (see the module comment). `base` is the record after the
 * documents' part of the press; the answer is the record to keep and what to tell the person.
 */
export function postJournals(deps: PostingDeps, request: PostRequest, standing: JournalStanding, base: PostedRecord, now: () => string): { record: PostedRecord; outcome: JournalOutcome } {
  const { summary } = request;
  const decimals = summary.header.decimals;
  const { planned, fingerprint } = standing;
  const narrations = planned.map((j) => j.journal.Narration);
  const recorded = base.journalNarrations ?? [];
  const revision = base.journalRevision ?? 1;
  if (planned.length === 0 && recorded.length === 0) return { record: base, outcome: { kind: 'already-posted', message: '' } };
  const found = deps.client.journalsByNarration([...new Set([...recorded, ...narrations])]);
  if (!found.ok) return { record: base, outcome: { kind: 'failed', message: failedWords(found.failure, false, planned.length) } };
  const fromThisPlan = !base.journalFingerprint || base.journalFingerprint === fingerprint;
  const shortCode = base.shortCode;
  const first = sortJournals(planned, found.value, recorded, fromThisPlan, decimals, shortCode);
  if (first.problems.length > 0) return { record: base, outcome: { kind: 'failed', message: `${notPosted(planned.length)}: ${first.problems.join(' ')}` } };

  let record: PostedRecord = {
    ...base,
    journals: first.adopted,
    journalNarrations: [...new Set([...recorded, ...narrations])],
    journalFingerprint: fingerprint,
    journalLines: postedJournalsLinesOf(summary, planned, request.cogs?.parts ?? []),
    journalState: first.missing.length === 0 ? 'posted' : 'posting',
    journalRevision: revision,
    journalRefusals: base.journalRefusals ?? 0,
    at: now(),
  };
  deps.records.write(record);
  if (first.missing.length === 0) return { record, outcome: { kind: first.adopted.length > 0 ? 'already-posted' : 'posted', message: first.adopted.length > 0 ? `Its cost of goods sold is in Xero: ${words(first.adopted)}.` : '' } };

  let missing = first.missing;
  for (let round = 1; missing.length > 0; round++) {
    const journals = missing.map((j) => j.journal);
    const key = idempotencyKey(`${summary.header.settlementId}cogs`, revision, record.journalRefusals ?? 0, JSON.stringify({ ManualJournals: journals }), deps.crypto);
    const created = deps.client.createJournals(journals, key);
    if (!created.ok) {
      const failure = created.failure;
      const keptByXero = failure.kind === 'validation' || (failure.kind === 'unavailable' && failure.answered === true);
      if (keptByXero) {
        record = { ...record, journalRefusals: (record.journalRefusals ?? 0) + 1 };
        deps.records.write(record);
      }
      const uncertain = failure.kind === 'unavailable' || failure.kind === 'unexpected';
      if (!keptByXero || failure.kind === 'validation' || round >= CREATE_ROUNDS) return { record, outcome: { kind: 'failed', message: failedWords(failure, uncertain, missing.length) } };
      // A server error may come after Xero created some: look again before trying under a new key.
      deps.clock.sleep(BACKOFF_MS * round);
      const again = deps.client.journalsByNarration(missing.map((j) => j.journal.Narration));
      if (!again.ok) return { record, outcome: { kind: 'failed', message: failedWords(again.failure, true, missing.length) } };
      const sorted = sortJournals(missing, again.value, [], true, decimals, shortCode);
      if (sorted.problems.length > 0) return { record, outcome: { kind: 'failed', message: `${notPosted(missing.length)}: ${sorted.problems.join(' ')}` } };
      record = { ...record, journals: [...(record.journals ?? []), ...sorted.adopted] };
      deps.records.write(record);
      missing = sorted.missing;
      continue;
    }
    const refused: string[] = [];
    created.value.forEach((outcome, i) => {
      const journal = missing[i]!;
      if (outcome.ok) record.journals = [...(record.journals ?? []), postedJournal(outcome.journal, journal, decimals, shortCode)];
      else refused.push(`${journal.key}: ${outcome.problems.map((p) => p.message).join(' ')}`);
    });
    const order = (j: PostedJournal) => narrations.indexOf(j.narration);
    record = { ...record, journals: [...(record.journals ?? [])].sort((a, b) => order(a) - order(b)), journalRefusals: (record.journalRefusals ?? 0) + (refused.length > 0 ? 1 : 0) };
    if (refused.length > 0) {
      deps.records.write(record);
      return { record, outcome: { kind: 'failed', message: `Xero refused the cost of goods sold journal: ${refused.join(' ')} Fix what Xero said, then press Post again: only the journal is sent.` } };
    }
    missing = [];
  }
  record = { ...record, journalState: 'posted' };
  deps.records.write(record);
  const total = planned.reduce((t, j) => t + j.total, 0);
  return { record, outcome: { kind: 'posted', message: `Its cost of goods sold (${formatAmount(total, decimals)} ${summary.header.currency}) is in Xero: ${words(record.journals ?? [])}.` } };
}
