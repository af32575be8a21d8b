/**
 * Payments and credit-note allocations against a document, as a person records them in Xero (the
 * product never makes them; tests do, to prove it checks for them). An allocation needs an
 * AUTHORISED document and cannot exceed what is still due ("Payments can only be made against
 * Authorised documents", "The payment amount exceeds the amount outstanding on this document": the
 * messages integrators' code matches); once nothing is due the document is PAID (the Invoices docs'
 * statuses). ASSUMPTION: removing every allocation makes a PAID document AUTHORISED again (as Xero's
 * "Remove and redo" of a payment does in its web app). Xero refuses to void or delete a document
 * that has either:
 * "This document cannot be edited as it has a payment or credit note allocated to it." (the
 * message integrators' code matches: Fooman_Connect, CiviCRM Xero sync, LanternOps/breeze), and
 * answers a PAID one "Invoice not of valid status for modification".
 */
import type { IdSource } from './ids';
import type { Allocation, InvoiceRecord } from './model';
import { type Dec, msToDay, XeroDecimal } from './wire';

/** A payment, or a credit note allocated to the document. */
export type AllocationKind = 'payment' | 'credit-note';

/** Xero's refusal of a void or delete while allocations remain. */
export const ALLOCATED_MESSAGE = 'This document cannot be edited as it has a payment or credit note allocated to it.';

const sum = (allocations: readonly Allocation[]): Dec => allocations.reduce((total, a) => total.plus(a.amount), new XeroDecimal(0));

/** What has been paid, credited, and what is still due. */
export function amountsOf(invoice: InvoiceRecord): { paid: Dec; credited: Dec; due: Dec } {
  const paid = sum(invoice.payments);
  const credited = sum(invoice.credits);
  const open = invoice.status !== 'VOIDED' && invoice.status !== 'DELETED';
  return { paid, credited, due: open ? invoice.total.minus(paid).minus(credited) : new XeroDecimal(0) };
}

/** True when a payment or credit note is allocated to the document. */
export function hasAllocations(invoice: InvoiceRecord): boolean {
  return invoice.payments.length > 0 || invoice.credits.length > 0;
}

/** Allocates a payment or credit note of `amount` (decimal text) to an AUTHORISED document. */
export function allocate(invoice: InvoiceRecord, kind: AllocationKind, amount: string, ids: IdSource, now: number): void {
  const value = new XeroDecimal(amount);
  if (invoice.status !== 'AUTHORISED') throw new Error(`Payments can only be made against Authorised documents (${invoice.invoiceNumber} is ${invoice.status}).`);
  if (!value.greaterThan(0) || value.greaterThan(amountsOf(invoice).due)) {
    throw new Error(`The payment amount exceeds the amount outstanding on this document (${invoice.invoiceNumber}).`);
  }
  (kind === 'payment' ? invoice.payments : invoice.credits).push({ id: ids.uuid(), date: msToDay(now), amount: value });
  if (amountsOf(invoice).due.isZero()) invoice.status = 'PAID';
  invoice.updatedAt = now;
}

/** Removes every allocation; a PAID document is AUTHORISED again. */
export function removeAllocations(invoice: InvoiceRecord, now: number): void {
  invoice.payments = [];
  invoice.credits = [];
  if (invoice.status === 'PAID') invoice.status = 'AUTHORISED';
  invoice.updatedAt = now;
}
