import Decimal from 'decimal.js';
import { defaultMapping } from '../../../src/core/mapping';
import { summariseSettlement, type SplitMode } from '../../../src/core/summary';
import { buildDocuments, type DocumentSettings } from '../../../src/core/xero/documents';
import { XeroInvoiceSchema } from '../../../src/core/xero/invoice';
import { aggregateOf, type HeaderSpec, type LineSpec } from '../../support/build-aggregate';

const settings: DocumentSettings = { status: 'DRAFT' };

function documentsOf(lines: LineSpec[], header: HeaderSpec = {}, split: SplitMode = 'carry', s: DocumentSettings = settings) {
  const summary = summariseSettlement(aggregateOf(lines, header), defaultMapping(), { split });
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
