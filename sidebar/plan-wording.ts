/**
 * What the Post confirmation says: exactly which documents Xero will get (kind, number, dates,
 * total, status), from the preview's plan, in words a seller reads before pressing the button.
 */
import type { PlannedDocumentDto, PostedDocumentDto } from '../src/api/types';
import { count, day, money } from './format';

const KIND = { ACCREC: ['sales invoice', 'sales invoices'], ACCPAY: ['bill', 'bills'] } as const;

const STATUS_WORDS: Record<PlannedDocumentDto['status'], string> = {
  DRAFT: 'as a draft, for you to approve in Xero',
  SUBMITTED: 'submitted for approval',
  AUTHORISED: 'approved, ready to match the bank deposit',
};

/** `1 sales invoice`, `2 sales invoices and 1 bill`. */
export function documentCount(plan: readonly Pick<PlannedDocumentDto, 'type'>[]): string {
  const parts = (['ACCREC', 'ACCPAY'] as const)
    .map((type) => [type, plan.filter((d) => d.type === type).length] as const)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => count(n, KIND[type][0], KIND[type][1]));
  return parts.length ? parts.join(' and ') : 'no documents';
}

/** One planned document in a sentence. */
export function describePlanned(d: PlannedDocumentDto): string {
  const kind = KIND[d.type][0];
  const dates = d.dueDate && d.dueDate !== d.date ? `dated ${day(d.date)}, due ${day(d.dueDate)}` : `dated ${day(d.date)}`;
  // A month part that carries its net forward totals zero and is approved so its month reports.
  const status = d.status === 'AUTHORISED' && /^0(\.0+)?$/.test(d.total) ? 'approved: it carries the month forward, so the month shows in your reports' : STATUS_WORDS[d.status];
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} ${d.invoiceNumber}, ${dates}: ${money(d.total, d.currency)} in ${count(d.lineCount, 'line')}, ${status}.`;
}

/** The confirmation's words. */
export interface PlanWording {
  title: string;
  documents: string[];
  /** What else happens, when it matters (voiding, the total matching the deposit). */
  notes: string[];
}

/** `AMZ-1`, `AMZ-1 and AMZ-2`, `AMZ-1, AMZ-2 and AMZ-3`. */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What Void and re-post does first, per document: Xero keeps an approved document, marked void;
 * a draft or one awaiting approval is deleted (src/xero/posting.ts does the same). A paid one is
 * refused by the server before anything changes.
 */
export function replacementNote(posted: readonly Pick<PostedDocumentDto, 'invoiceNumber' | 'status'>[]): string {
  const voided = posted.filter((d) => d.status === 'AUTHORISED').map((d) => d.invoiceNumber);
  const deleted = posted.filter((d) => d.status !== 'AUTHORISED').map((d) => d.invoiceNumber);
  const clauses: string[] = [];
  if (voided.length) clauses.push(`${listed(voided)} will be voided (${voided.length === 1 ? 'it is' : 'they are'} approved: Xero keeps ${voided.length === 1 ? 'it' : 'them'}, marked void)`);
  if (deleted.length) clauses.push(`${listed(deleted)} will be deleted (${deleted.length === 1 ? 'it is a draft' : 'they are drafts'} or awaiting approval)`);
  if (clauses.length === 0) return 'First the documents posted before will be voided or deleted in Xero, so nothing is counted twice.';
  return `First, in Xero, ${clauses.join(' and ')}, so nothing is counted twice.`;
}

/** How the documents relate to the money that moved: the deposit, or what Amazon took. */
function depositNote(plan: readonly PlannedDocumentDto[], deposit: string, currency: string): string | null {
  if (plan.length === 0) return null;
  const amount = money(deposit.replace(/^-/, ''), currency);
  if (deposit.startsWith('-')) {
    const carrying = plan.filter((d) => !/^0*\.?0*$/.test(d.total));
    const one = carrying.length === 1 && carrying[0]!.type === 'ACCPAY';
    return `Amazon took ${amount} from your card: ${one ? `a bill of ${amount}` : `together these documents come to a bill of ${amount}`}.`;
  }
  return plan.length > 1 ? `Together they add up to the deposit of ${amount}.` : `Its total matches the deposit of ${amount}.`;
}

/**
 * The confirmation for posting (or voiding and re-posting) a settlement. `organisation` is the
 * Xero organisation's name when known; `posted` the documents a re-post replaces.
 */
export function confirmationOf(
  plan: readonly PlannedDocumentDto[],
  options: {
    mode: 'post' | 'void-and-repost';
    organisation?: string;
    deposit: string;
    currency: string;
    posted?: readonly PostedDocumentDto[];
    /** False when Xero could not be asked for the documents' statuses now: they are as recorded when posted. */
    asked?: boolean;
  },
): PlanWording {
  const where = options.organisation ? ` in ${options.organisation}` : ' in Xero';
  const title = `Create ${documentCount(plan)}${where}?`;
  const notes: string[] = [];
  if (options.mode === 'void-and-repost') {
    notes.push(replacementNote(options.posted ?? []));
    if (options.asked === false) notes.push('Xero could not be asked just now, so this goes by how they were when posted: a draft approved in Xero since is voided instead of deleted.');
  }
  const deposit = depositNote(plan, options.deposit, options.currency);
  if (deposit) notes.push(deposit);
  return { title, documents: plan.map(describePlanned), notes };
}
