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

/**
 * The confirmation for posting (or voiding and re-posting) a settlement. `organisation` is the
 * Xero organisation's name when known; `posted` the documents a re-post voids.
 */
export function confirmationOf(
  plan: readonly PlannedDocumentDto[],
  options: { mode: 'post' | 'void-and-repost'; organisation?: string; deposit: string; currency: string; posted?: readonly PostedDocumentDto[] },
): PlanWording {
  const where = options.organisation ? ` in ${options.organisation}` : ' in Xero';
  const title = `Create ${documentCount(plan)}${where}?`;
  const notes: string[] = [];
  if (options.mode === 'void-and-repost') {
    const voided = (options.posted ?? []).map((d) => d.invoiceNumber);
    notes.push(
      voided.length
        ? `First ${voided.length === 1 ? 'the document' : 'the documents'} posted before (${voided.join(', ')}) will be voided in Xero, so nothing is counted twice.`
        : 'The documents posted before will be voided in Xero first, so nothing is counted twice.',
    );
  }
  if (plan.length > 1) {
    notes.push(`Together they add up to the deposit of ${money(options.deposit, options.currency)}.`);
  } else if (plan.length === 1) {
    const owed = options.deposit.startsWith('-');
    const amount = money(options.deposit.replace(/^-/, ''), options.currency);
    notes.push(owed ? `Its total is the ${amount} you owe Amazon for this settlement.` : `Its total matches the deposit of ${amount}.`);
  }
  return { title, documents: plan.map(describePlanned), notes };
}
