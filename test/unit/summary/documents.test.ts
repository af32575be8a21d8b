import Decimal from 'decimal.js';
import { defaultMapping, templateAccounts, type Mapping } from '../../../src/core/mapping';
import { summariseSettlement, type SplitMode } from '../../../src/core/summary';
import { buildDocuments, type DocumentSettings } from '../../../src/core/xero/documents';
import { XeroInvoiceSchema } from '../../../src/core/xero/invoice';
import { aggregateOf, type HeaderSpec, type LineSpec } from '../../support/build-aggregate';

const settings: DocumentSettings = { status: 'DRAFT' };

function documentsOf(lines: LineSpec[], header: HeaderSpec = {}, split: SplitMode = 'carry', s: DocumentSettings = settings, mapping: Mapping = defaultMapping()) {
  const summary = summariseSettlement(aggregateOf(lines, header), mapping, { split });
  const built = buildDocuments(summary, s);
  if (!built.ok) throw new Error(built.problems.join('\n'));
  return built.documents;
}

/** The document's total as Xero computes it from the JSON numbers: Σ LineAmount, exactly. */
const xeroTotal = (lineItems: { LineAmount: number }[]) => lineItems.reduce((t, l) => t.plus(String(l.LineAmount)), new Decimal(0)).toString();

const sale: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount', '2025-08-10', '-20.00', ''],
];

describe('buildDocuments', () => {
  it('makes a positive settlement one tax-inclusive sales invoice equal to the deposit', () => {
    const [doc, ...rest] = documentsOf(sale, { settlementId: '24288684721', start: '2025-08-01T10:00:00Z', end: '2025-08-14T10:00:00Z', depositDate: '2025-08-16T10:00:00Z' });
    expect(rest).toEqual([]);
    expect(doc!.invoice).toEqual({
      Type: 'ACCREC',
      Contact: { Name: 'Amazon.com' },
      Date: '2025-08-14',
      DueDate: '2025-08-16',
      LineAmountTypes: 'Inclusive',
      InvoiceNumber: 'AMZ-24288684721',
      Reference: 'Amazon settlement 24288684721 (2025-08-01 to 2025-08-14)',
      CurrencyCode: 'USD',
      Status: 'DRAFT',
      LineItems: [
        expect.objectContaining({ Quantity: 1, UnitAmount: 129.99, LineAmount: 129.99, AccountCode: '201', TaxType: 'NONE' }),
        expect.objectContaining({ UnitAmount: -19.5, LineAmount: -19.5, AccountCode: '405' }),
        expect.objectContaining({ UnitAmount: -20, LineAmount: -20, AccountCode: '1210' }),
      ],
    });
    expect(xeroTotal(doc!.invoice.LineItems)).toBe('90.49');
    expect(doc!.invoice.LineItems[0]!.Description).toContain('Sales, 2025-08-01 to 2025-08-14: 1 Amazon line (Order ItemPrice Principal Amazon.com 129.99)');
  });

  it('makes a negative settlement a bill with every sign flipped, so its total is positive', () => {
    const [doc] = documentsOf([
      ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-08-06', '-32.09', ''],
      ['other-transaction', 'other-transaction', 'Payable to Amazon', '2025-08-01', '-321.69', ''],
      ['other-transaction', 'other-transaction', 'Successful charge', '2025-08-01', '321.69', ''],
      ['Order', 'ItemPrice', 'Principal', '2025-08-03', '10.00', 'Amazon.ca'],
    ], { currency: 'CAD' });
    expect(doc!.total).toBe(-2209);
    expect(doc!.invoice.Type).toBe('ACCPAY');
    expect(doc!.invoice).not.toHaveProperty('Reference');
    expect(doc!.invoice.Contact.Name).toBe('Amazon.ca');
    expect(doc!.invoice.LineItems.map((l) => [l.AccountCode, l.LineAmount])).toEqual([
      ['201', -10],
      ['405', 32.09],
    ]);
    expect(xeroTotal(doc!.invoice.LineItems)).toBe('22.09');
  });

  it('leaves zero lines out (transfers that cancel) and never sends DiscountAmount', () => {
    const [doc] = documentsOf(sale.concat([
      ['other-transaction', 'other-transaction', 'Payable to Amazon', '2025-08-01', '-321.69', ''],
      ['other-transaction', 'other-transaction', 'Successful charge', '2025-08-01', '321.69', ''],
    ]));
    expect(doc!.invoice.LineItems.map((l) => l.AccountCode)).toEqual(['201', '405', '1210']);
    expect(JSON.stringify(doc)).not.toContain('DiscountAmount');
  });

  it('writes yen without decimals', () => {
    const [doc] = documentsOf([['Order', 'ItemPrice', 'Principal', '2025-08-02', '12800'], ['Order', 'ItemFees', 'Commission', '2025-08-02', '-1280']], { currency: 'JPY' });
    expect(doc!.invoice.LineItems.map((l) => l.LineAmount)).toEqual([12800, -1280]);
    expect(JSON.stringify(doc!.invoice)).toContain('"UnitAmount":12800,');
  });

  it('numbers month parts by settlement and month, and dates each part on its last day', () => {
    const spanning: LineSpec[] = [['Order', 'ItemPrice', 'Principal', '2025-07-30', '100.00'], ['Order', 'ItemPrice', 'Principal', '2025-08-03', '50.00']];
    const header = { settlementId: '1', start: '2025-07-29T00:00:00Z', end: '2025-08-12T00:00:00Z', depositDate: '2025-08-14T00:00:00Z' };
    const separate = documentsOf(spanning, header, 'separate');
    expect(separate.map((d) => [d.invoice.InvoiceNumber, d.invoice.Date, d.invoice.DueDate, xeroTotal(d.invoice.LineItems)])).toEqual([
      ['AMZ-1-2025-07', '2025-07-31', '2025-08-14', '100'],
      ['AMZ-1-2025-08', '2025-08-12', '2025-08-14', '50'],
    ]);
    const carry = documentsOf(spanning, header, 'carry');
    expect(carry.map((d) => xeroTotal(d.invoice.LineItems))).toEqual(['0', '150']);
    expect(carry[0]!.invoice.LineItems.at(-1)!.Description).toBe('Carried forward to 2025-08 (Amazon settlement 1)');
    // The zero-total earlier month is approved so July's profit and loss is in the reports; the
    // document carrying the deposit keeps the status setting (issue 11 §5).
    expect(carry.map((d) => d.invoice.Status)).toEqual(['AUTHORISED', 'DRAFT']);
    expect(separate.map((d) => d.invoice.Status)).toEqual(['DRAFT', 'DRAFT']);
  });

  it('gives byte-identical JSON for the same settlement, whatever order its lines came in', () => {
    const a = JSON.stringify(documentsOf(sale));
    const b = JSON.stringify(documentsOf([...sale].reverse()));
    expect(a).toBe(b);
  });

  it('uses the status and contact settings', () => {
    const [doc] = documentsOf(sale, {}, 'off', { status: 'AUTHORISED', contactName: 'Amazon US', sourceUrl: 'https://docs.google.com/spreadsheets/d/x' });
    expect(doc!.invoice).toMatchObject({ Status: 'AUTHORISED', Contact: { Name: 'Amazon US' }, Url: 'https://docs.google.com/spreadsheets/d/x' });
  });

  it('refuses while the summary has problems, passing them on', () => {
    const summary = summariseSettlement(aggregateOf([['Mystery', 'ItemPrice', 'Principal', '2025-08-02', '1.00']]), defaultMapping(), { split: 'carry' });
    const built = buildDocuments(summary, settings);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems[0]).toContain('Not mapped: Mystery / ItemPrice / Principal');
  });
});

describe('stated tax and one exchange rate (issue 11 §3, §4)', () => {
  const uk = { ...defaultMapping(), accounts: templateAccounts('uk-vat') };
  const ca = { ...defaultMapping(), accounts: templateAccounts('ca-gst') };
  const ukHeader = { currency: 'GBP', start: '2025-08-01T00:00:00Z', end: '2025-08-14T00:00:00Z' };

  it('posts the VAT the file states as the sales line\'s TaxAmount, not 1/6 of the line', () => {
    const [doc] = documentsOf([
      ['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00', 'Amazon.co.uk'],
      ['Order', 'ItemPrice', 'Tax', '2025-08-02', '20.00', 'Amazon.co.uk', 'seller'],
      ['Order', 'ItemPrice', 'Principal', '2025-08-03', '9.99', 'Amazon.co.uk'],
      ['Order', 'ItemPrice', 'Tax', '2025-08-03', '2.00', 'Amazon.co.uk', 'seller'],
    ], ukHeader, 'off', settings, uk);
    expect(doc!.invoice.LineItems).toEqual([expect.objectContaining({ AccountCode: '201', TaxType: 'OUTPUT2', LineAmount: 131.99, TaxAmount: 22 })]);
    expect(doc!.invoice.LineItems[0]!.Description).toContain('of which tax 22.00 as the settlement states it');
  });

  it('carries the tax Amazon.ca states on advertising exactly (-150.74 with tax -18.09), the document still the deposit', () => {
    const [doc] = documentsOf([
      ['Order', 'ItemPrice', 'Principal', '2025-08-20', '500.00', 'Amazon.ca'],
      ['ServiceFee', 'ItemFees', 'Cost of Advertising', '2025-08-23', '-150.74', ''],
      ['ServiceFee', 'OtherFees', 'TaxAmount', '2025-08-23', '-18.09', '', 'seller'],
    ], { currency: 'CAD', start: '2025-08-14T00:00:00Z', end: '2025-08-28T00:00:00Z' }, 'off', settings, ca);
    expect(doc!.invoice.LineItems.find((l) => l.AccountCode === '408')).toMatchObject({ TaxType: 'INPUT', LineAmount: -168.83, TaxAmount: -18.09 });
    expect(xeroTotal(doc!.invoice.LineItems)).toBe('331.17');
  });

  it('keeps stated tax out of a line whose tax type carries none: it is part of the cost', () => {
    const [doc] = documentsOf([
      ['Order', 'ItemPrice', 'Principal', '2025-08-20', '500.00', 'Amazon.ca'],
      ['ServiceFee', 'ItemFees', 'Cost of Advertising', '2025-08-23', '-150.74', ''],
      ['ServiceFee', 'OtherFees', 'TaxAmount', '2025-08-23', '-18.09', '', 'seller'],
    ], { currency: 'CAD' }, 'off', settings, { ...defaultMapping(), accounts: templateAccounts('ca') });
    const ad = doc!.invoice.LineItems.find((l) => l.AccountCode === '408')!;
    expect(ad).toMatchObject({ TaxType: 'NONE', LineAmount: -168.83 });
    expect(ad).not.toHaveProperty('TaxAmount');
  });

  it('splits a line whose net and tax have opposite signs into a net line and a tax line', () => {
    // Refunds and sales tax on one account: −30.00 of refunds with 2.00 of tax cannot be one line.
    const refundsWithSalesTax = { ...uk, accounts: uk.accounts.map((a) => (a.category === 'Tax on sales' ? { ...a, accountCode: '202' } : a)) };
    const [doc] = documentsOf([
      ['Refund', 'ItemPrice', 'Principal', '2025-08-03', '-30.00', 'Amazon.co.uk'],
      ['Order', 'ItemPrice', 'Tax', '2025-08-02', '2.00', 'Amazon.co.uk', 'seller'],
      ['Order', 'ItemPrice', 'Principal', '2025-08-03', '100.00', 'Amazon.co.uk'],
    ], ukHeader, 'off', settings, refundsWithSalesTax);
    expect(doc!.invoice.LineItems.filter((l) => l.AccountCode === '202').map((l) => [l.LineAmount, l.TaxAmount])).toEqual([[-30, 0], [2, 2]]);
    expect(xeroTotal(doc!.invoice.LineItems)).toBe('72');
  });

  it('gives every document of a settlement the one CurrencyRate it is given', () => {
    const spanning: LineSpec[] = [['Order', 'ItemPrice', 'Principal', '2025-07-30', '100.00'], ['Order', 'ItemPrice', 'Principal', '2025-08-03', '50.00']];
    const docs = documentsOf(spanning, { currency: 'EUR', start: '2025-07-29T00:00:00Z', end: '2025-08-12T00:00:00Z' }, 'carry', { status: 'DRAFT', currencyRate: '1.172345' });
    expect(docs.map((d) => d.invoice.CurrencyRate)).toEqual([1.172345, 1.172345]);
    expect(JSON.stringify(docs[0]!.invoice)).toContain('"CurrencyRate":1.172345,');
  });
});

describe('XeroInvoiceSchema', () => {
  const valid = documentsOf(sale)[0]!.invoice;

  it('accepts what the builder makes', () => {
    expect(XeroInvoiceSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a DiscountAmount on a line', { ...valid, LineItems: [{ ...valid.LineItems[0]!, DiscountAmount: 0 }] }],
    ['exclusive amounts', { ...valid, LineAmountTypes: 'Exclusive' }],
    ['no lines', { ...valid, LineItems: [] }],
    ['an invoice number over 255 characters', { ...valid, InvoiceNumber: 'x'.repeat(256) }],
    ['a lower-case currency', { ...valid, CurrencyCode: 'usd' }],
    ['a date with a time', { ...valid, Date: '2025-08-14T00:00:00' }],
  ])('rejects %s', (_what, invoice) => {
    expect(XeroInvoiceSchema.safeParse(invoice).success).toBe(false);
  });
});
