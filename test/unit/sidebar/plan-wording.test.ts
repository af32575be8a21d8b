import type { PlannedDocumentDto } from '../../../src/api/types';
import { confirmationOf, describePlanned, documentCount, replacementNote } from '../../../sidebar/plan-wording';

const invoice = (over: Partial<PlannedDocumentDto> = {}): PlannedDocumentDto => ({
  part: '2025-07', type: 'ACCREC', invoiceNumber: 'AMZ-1-2025-07', date: '2025-07-08', dueDate: '2025-07-10',
  total: '866.41', currency: 'USD', status: 'DRAFT', lineCount: 9, ...over,
});

describe("the Post confirmation's words", () => {
  it('counts documents by kind', () => {
    expect(documentCount([invoice()])).toBe('1 sales invoice');
    expect(documentCount([invoice(), invoice(), invoice({ type: 'ACCPAY' })])).toBe('2 sales invoices and 1 bill');
    expect(documentCount([])).toBe('no documents');
  });

  it('says each document: kind, number, dates, total, lines and status', () => {
    expect(describePlanned(invoice())).toBe('Sales invoice AMZ-1-2025-07, dated 8 Jul 2025, due 10 Jul 2025: 866.41 USD in 9 lines, as a draft, for you to approve in Xero.');
    expect(describePlanned(invoice({ type: 'ACCPAY', dueDate: '2025-07-08', status: 'AUTHORISED', total: '1234.5', lineCount: 1 }))).toBe(
      'Bill AMZ-1-2025-07, dated 8 Jul 2025: 1,234.5 USD in 1 line, approved, ready to match the bank deposit.',
    );
    // An earlier month part totals zero: it is approved to carry the month forward, not to match anything.
    expect(describePlanned(invoice({ part: '2025-06', invoiceNumber: 'AMZ-1-2025-06', date: '2025-06-30', status: 'AUTHORISED', total: '0.00' }))).toBe(
      'Sales invoice AMZ-1-2025-06, dated 30 Jun 2025, due 10 Jul 2025: 0.00 USD in 9 lines, approved: it carries the month forward, so the month shows in your reports.',
    );
  });

  it('names the organisation and ties one document to the deposit', () => {
    const wording = confirmationOf([invoice()], { mode: 'post', organisation: 'Harbor Lane Goods Inc', deposit: '866.41', currency: 'USD' });
    expect(wording.title).toBe('Create 1 sales invoice in Harbor Lane Goods Inc?');
    expect(wording.notes).toEqual(['Its total matches the deposit of 866.41 USD.']);
  });

  it('says a negative settlement as money Amazon took, posted as a bill', () => {
    const wording = confirmationOf([invoice({ type: 'ACCPAY', total: '321.69', currency: 'CAD' })], { mode: 'post', deposit: '-321.69', currency: 'CAD' });
    expect(wording.title).toBe('Create 1 bill in Xero?');
    expect(wording.notes).toEqual(['Amazon took 321.69 CAD from your card: a bill of 321.69 CAD.']);
    // Month carry: the earlier month's zero invoice and the bill that carries everything.
    const carried = confirmationOf([invoice({ part: '2025-06', total: '0.00' }), invoice({ type: 'ACCPAY', total: '321.69', currency: 'CAD' })], { mode: 'post', deposit: '-321.69', currency: 'CAD' });
    expect(carried.notes).toEqual(['Amazon took 321.69 CAD from your card: a bill of 321.69 CAD.']);
    const separate = confirmationOf([invoice({ part: '2025-06', total: '20.00' }), invoice({ type: 'ACCPAY', total: '341.69' })], { mode: 'post', deposit: '-321.69', currency: 'CAD' });
    expect(separate.notes).toEqual(['Amazon took 321.69 CAD from your card: together these documents come to a bill of 321.69 CAD.']);
  });

  it('says which documents a re-post voids (approved) and which it deletes (drafts, awaiting approval)', () => {
    const doc = (invoiceNumber: string, status: string) => ({ part: '2025-07', invoiceNumber, invoiceId: 'x', type: 'ACCREC' as const, status, total: '800.00', url: 'https://go.xero.com/x' });
    const wording = confirmationOf([invoice({ invoiceNumber: 'AMZ-1-2025-07-R2' }), invoice({ part: '2025-06', total: '0.00' })], {
      mode: 'void-and-repost', deposit: '866.41', currency: 'USD', posted: [doc('AMZ-1-2025-07', 'DRAFT')],
    });
    expect(wording.notes).toEqual([
      'First, in Xero, AMZ-1-2025-07 will be deleted (it is a draft or awaiting approval), so nothing is counted twice.',
      'Together they add up to the deposit of 866.41 USD.',
    ]);
    // Without Xero's word on the statuses now, the confirmation says what it goes by.
    const unasked = confirmationOf([invoice()], { mode: 'void-and-repost', deposit: '866.41', currency: 'USD', posted: [doc('AMZ-1-2025-07', 'DRAFT')], asked: false });
    expect(unasked.notes[1]).toBe('Xero could not be asked just now, so this goes by how they were when posted: a draft approved in Xero since is voided instead of deleted.');
    expect(replacementNote([doc('AMZ-1-2025-06', 'AUTHORISED'), doc('AMZ-1-2025-07', 'AUTHORISED')])).toBe(
      'First, in Xero, AMZ-1-2025-06 and AMZ-1-2025-07 will be voided (they are approved: Xero keeps them, marked void), so nothing is counted twice.',
    );
    expect(replacementNote([doc('AMZ-1-2025-06', 'AUTHORISED'), doc('AMZ-1-2025-07', 'SUBMITTED'), doc('AMZ-1-2025-08', 'DRAFT')])).toBe(
      'First, in Xero, AMZ-1-2025-06 will be voided (it is approved: Xero keeps it, marked void) and AMZ-1-2025-07 and AMZ-1-2025-08 will be deleted (they are drafts or awaiting approval), so nothing is counted twice.',
    );
  });
});
