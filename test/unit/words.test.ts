import { count, differenceWords, documentStatusWords, documentWords, lineTypeWords, moneyText, monthWords } from '../../src/core/words';

describe('the phrases every part of SettleSheet shares', () => {
  it('says how far the lines are from the total, in words, without a sign', () => {
    expect(differenceWords('-0.01', 'USD')).toBe('the lines come to 0.01 USD less than the total');
    expect(differenceWords('1234.50', 'CAD')).toBe('the lines come to 1,234.50 CAD more than the total');
    expect(differenceWords('-5', 'JPY')).toBe('the lines come to 5 JPY less than the total');
  });

  it('writes money one way: the amount grouped, then the currency', () => {
    expect(moneyText('-1234567.80', 'USD')).toBe('-1,234,567.80 USD');
    expect(moneyText('0.00', 'GBP')).toBe('0.00 GBP');
  });

  it('names document statuses as Xero\'s screens do and a document in one line', () => {
    expect(['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED', 'SOMETHING'].map(documentStatusWords)).toEqual([
      'Draft', 'Awaiting approval', 'Approved', 'Paid', 'Voided', 'Deleted', 'SOMETHING',
    ]);
    expect(documentWords({ type: 'ACCREC', invoiceNumber: 'AMZ-1-2025-06', total: '0.00', status: 'DRAFT' }, 'USD')).toBe('AMZ-1-2025-06 (sales invoice, 0.00 USD · Draft)');
    expect(documentWords({ type: 'ACCPAY', invoiceNumber: 'AMZ-2', total: '1321.69', status: 'AUTHORISED' }, 'CAD')).toBe('AMZ-2 (bill, 1,321.69 CAD · Approved)');
  });

  it('counts in the singular for one', () => {
    expect(count(1, 'line type')).toBe('1 line type');
    expect(count(1200, 'Amazon line')).toBe('1,200 Amazon lines');
  });
});

describe('monthWords and lineTypeWords', () => {
  it('say a month and a line type as people read them', () => {
    expect(monthWords('2025-06')).toBe('June 2025');
    expect(monthWords('whole')).toBe('whole');
    expect(lineTypeWords({ transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Principal' })).toBe('Principal (Order / ItemPrice)');
    expect(lineTypeWords({ transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Storage Fee' })).toBe('Storage Fee (other-transaction)');
    expect(lineTypeWords({ transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Tax', remittedBy: 'seller' })).toBe('Tax (Order / ItemPrice, tax you owe)');
    expect(lineTypeWords({ transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Tax', remittedBy: 'amazon' })).toBe('Tax (Order / ItemPrice, tax Amazon remits)');
  });
});
