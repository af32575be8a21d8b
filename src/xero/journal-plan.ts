/**
 * The pure parts of posting cost of goods sold journals: what a post asks for, what identifies
 * the journals (fingerprint, narration per revision), how one Xero holds is recorded, and how the
 * posted record stands against what would be posted now.
 */
import type { CogsPart, PlannedJournal } from '../core/cogs/plan';
import { formatAmount, parseAmount } from '../core/money';
import type { XeroJournalState } from './journal-calls';
import { isOpen, type PostedJournal, type PostedRecord } from './posted-records';
import type { Crypto } from './ports';
import { numberForRevision } from './posting-plan';

/**
 * The journals a post should bring into Xero. `blocked` lists why none can be made now (a SKU
 * without a cost…): then the journals Xero holds are left as they are and nothing is sent for them.
 * A post without this (cost of goods sold off) leaves journals alone altogether.
 */
export interface JournalRequest {
  journals: readonly PlannedJournal[];
  blocked: readonly string[];
  /** The parts' units and costs by SKU, kept with the posted journals to show what changed later. */
  parts?: readonly CogsPart[];
}

/**
 * SHA-256 of what the journals say in numbers: part, date, and account, tax type and amount per
 * line. Narrations and the status setting are left out: they do not change what the books hold.
 */
export function journalsFingerprint(journals: readonly PlannedJournal[], crypto: Crypto): string {
  if (journals.length === 0) return '';
  const facts = journals.map((j) => [j.part, j.journal.Date, j.journal.JournalLines.map((l) => [l.AccountCode, l.TaxType, l.LineAmount])]);
  return crypto.sha256Hex(JSON.stringify(facts));
}

/** The journals of a revision: after a void, their keys (and so narrations) end in `-R2`, `-R3`… */
export function renumberJournals(journals: readonly PlannedJournal[], revision: number): PlannedJournal[] {
  return journals.map((j) => {
    const key = numberForRevision(j.key, revision);
    return { ...j, key, journal: { ...j.journal, Narration: `${key}${j.journal.Narration.slice(j.key.length)}` } };
  });
}

/**
 * Where a person opens a journal in Xero, in its own organisation. ASSUMPTION: Xero's deep-link
 * guide lists invoices, bills, credit notes and others but not manual journals; this is the page
 * Xero's web app shows a journal at (`/Journal/View.aspx?invoiceID=…`), through the same
 * organisation login as the guide's links.
 */
export function journalLink(manualJournalId: string, shortCode?: string): string {
  const page = `/Journal/View.aspx?invoiceID=${encodeURIComponent(manualJournalId)}`;
  return shortCode
    ? `https://go.xero.com/organisationlogin/default.aspx?shortcode=${encodeURIComponent(shortCode)}&redirecturl=${page}`
    : `https://go.xero.com${page}`;
}

/** A journal Xero holds, as the posted record keeps it. */
export function postedJournal(state: XeroJournalState, planned: PlannedJournal | undefined, decimals: number, shortCode?: string): PostedJournal {
  const debits = (state.lines ?? []).filter((l) => l.lineAmount > 0);
  const total = planned ? formatAmount(planned.total, decimals) : String(debits.reduce((t, l) => t + l.lineAmount, 0));
  return {
    part: planned?.part ?? '',
    manualJournalId: state.manualJournalId,
    narration: state.narration,
    status: state.status,
    total,
    url: journalLink(state.manualJournalId, shortCode),
    ...(state.date ? { date: state.date } : {}),
  };
}

/** True when Xero's journal has the planned lines: the same accounts, tax types and amounts. */
export function sameJournal(state: XeroJournalState, planned: PlannedJournal, decimals: number): boolean {
  const minor = (n: number) => parseAmount(String(n), decimals);
  const facts = (lines: { account: string; tax: string; amount: number }[]) =>
    lines.map((l) => `${l.account.toLowerCase()}\t${l.tax.toUpperCase()}\t${String(minor(l.amount))}`).sort().join('\n');
  const held = (state.lines ?? []).map((l) => ({ account: l.accountCode, tax: l.taxType ?? '', amount: l.lineAmount }));
  const wanted = planned.journal.JournalLines.map((l) => ({ account: l.AccountCode, tax: l.TaxType, amount: l.LineAmount }));
  return facts(held) === facts(wanted);
}

/** How a settlement's journals in Xero stand against what would be posted now. */
export interface JournalStanding {
  /** Journals are to be posted now (cost of goods sold on and not blocked). */
  wanted: boolean;
  /** What would be posted, numbered for the current journal revision. */
  planned: PlannedJournal[];
  fingerprint: string;
  /** Xero holds (or may hold) journals of this settlement that differ from what would be posted now. */
  changed: boolean;
  /** Nothing is left to do for the journals. */
  settled: boolean;
}

/** Where the journals stand (see JournalStanding); `request` undefined means cost of goods sold is off. */
export function journalStanding(record: PostedRecord | undefined, request: JournalRequest | undefined, crypto: Crypto): JournalStanding {
  const revision = record?.journalRevision ?? 1;
  if (!request || request.blocked.length > 0) return { wanted: false, planned: [], fingerprint: record?.journalFingerprint ?? '', changed: false, settled: true };
  const planned = renumberJournals(request.journals, revision);
  const fingerprint = journalsFingerprint(request.journals, crypto);
  const open = (record?.journals ?? []).filter((j) => isOpen(j.status));
  // A post that may have created journals (recorded as posting) counts like confirmed ones.
  const held = open.length > 0 || (record?.journalState === 'posting' && (record.journalNarrations?.length ?? 0) > 0);
  const changed = held && (record?.journalFingerprint ?? '') !== fingerprint;
  const settled = !changed && (planned.length === 0 ? open.length === 0 : record?.journalState === 'posted' && record.journalFingerprint === fingerprint);
  return { wanted: true, planned, fingerprint, changed, settled };
}
