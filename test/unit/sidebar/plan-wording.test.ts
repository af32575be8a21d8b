import type { PlannedDocumentDto } from '../../../src/api/types';
import { confirmationOf, describePlanned, documentCount } from '../../../sidebar/plan-wording';

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

  it('says a negative settlement is what the seller owes Amazon', () => {
    const wording = confirmationOf([invoice({ type: 'ACCPAY', total: '54.99' })], { mode: 'post', deposit: '-54.99', currency: 'USD' });
    expect(wording.title).toBe('Create 1 bill in Xero?');
    expect(wording.notes).toEqual(['Its total is the 54.99 USD you owe Amazon for this settlement.']);
  });

  it('says what a re-post voids first', () => {
    const posted = [{ part: '2025-07', invoiceNumber: 'AMZ-1-2025-07', invoiceId: 'x', type: 'ACCREC' as const, status: 'DRAFT', total: '800.00', url: 'https://go.xero.com/x' }];
    const wording = confirmationOf([invoice({ invoiceNumber: 'AMZ-1-2025-07-R2' }), invoice({ part: '2025-06', total: '0.00' })], { mode: 'void-and-repost', deposit: '866.41', currency: 'USD', posted });
    expect(wording.notes).toEqual([
      'First the document posted before (AMZ-1-2025-07) will be voided in Xero, so nothing is counted twice.',
      'Together they add up to the deposit of 866.41 USD.',
    ]);
  });
});
