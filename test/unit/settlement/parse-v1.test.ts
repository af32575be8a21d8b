import { type ParseResult, type Settlement, parseSettlement } from '../../../src/core/settlement';
import { type Row, SUMMARY, V1_HEADER, V1_HEADER_33, V2_HEADER, dataRow, settlementText } from './files';

function settlementOf(result: ParseResult): Settlement {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.settlement;
}

const ORDER_ROW: Row = {
  'transaction-type': 'Order', 'order-id': '702-1101758-6751437', 'marketplace-name': 'Amazon.ca',
  'posted-date': '2025-08-14T06:23:59+00:00', sku: 'SALTT15-ALLT',
};

function v1(rows: Row[], header = V1_HEADER): Settlement {
  return settlementOf(parseSettlement(settlementText(header, [SUMMARY, ...rows.map(dataRow)]), 'v1.txt'));
}

describe('parseSettlement on the old V1 flat file', () => {
  it('recognises V1 by its amount columns', () => {
    expect(v1([{ ...ORDER_ROW, 'price-type': 'Principal', 'price-amount': '35.00' }]).format).toBe('v1');
  });

  it('makes one line per amount cell, with the V2 amount-type and the type cell as description', () => {
    const lines = v1([
      { ...ORDER_ROW, 'price-type': 'Principal', 'price-amount': '35.00' },
      { ...ORDER_ROW, 'item-related-fee-type': 'Commission', 'item-related-fee-amount': '-5.62' },
      { ...ORDER_ROW, 'promotion-type': 'Shipping', 'promotion-amount': '-6.99' },
      { ...ORDER_ROW, 'shipment-fee-type': 'FBA transportation fee', 'shipment-fee-amount': '-7.88' },
      { ...ORDER_ROW, 'order-fee-type': 'FBAPerOrderFulfillmentFee', 'order-fee-amount': '-1.00' },
      { ...ORDER_ROW, 'direct-payment-type': 'StoredValueCardRevenue', 'direct-payment-amount': '2.00' },
      { ...ORDER_ROW, 'misc-fee-amount': '-0.50' },
      { ...ORDER_ROW, 'other-fee-amount': '-0.25', 'other-fee-reason-description': 'TaxAmount' },
      { ...ORDER_ROW, 'other-fee-amount': '-0.10' },
    ]).lines;
    expect(lines.map((line) => [line.transactionType, line.amountType, line.amountDescription, line.amount])).toEqual([
      ['Order', 'ItemPrice', 'Principal', 3500],
      ['Order', 'ItemFees', 'Commission', -562],
      ['Order', 'Promotion', 'Shipping', -699],
      ['Order', 'ShipmentFees', 'FBA transportation fee', -788],
      ['Order', 'OrderFees', 'FBAPerOrderFulfillmentFee', -100],
      ['Order', 'DirectPayment', 'StoredValueCardRevenue', 200],
      ['Order', 'MiscFees', 'MiscFee', -50],
      ['Order', 'OtherFees', 'TaxAmount', -25],
      ['Order', 'OtherFees', 'OtherFee', -10],
    ]);
    expect(lines[0]).toMatchObject({
      line: 3, postedDate: '2025-08-14', orderId: '702-1101758-6751437', sku: 'SALTT15-ALLT', marketplace: 'Amazon.ca',
    });
  });

  it('splits the ServiceFee row that carries two amounts into two lines on the same file line', () => {
    const settlement = v1([{
      'transaction-type': 'ServiceFee', 'posted-date': '2025-08-13T23:50:56+00:00',
      'item-related-fee-type': 'Cost of Advertising', 'item-related-fee-amount': '-1.16',
      'other-fee-amount': '-0.14', 'other-fee-reason-description': 'TaxAmount',
    }]);
    expect(settlement.dataRows).toBe(1);
    expect(settlement.lines).toEqual([
      {
        line: 3, postedDate: '2025-08-13', transactionType: 'ServiceFee', amountType: 'ItemFees',
        amountDescription: 'Cost of Advertising', amount: -116, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
      },
      {
        line: 3, postedDate: '2025-08-13', transactionType: 'ServiceFee', amountType: 'OtherFees',
        amountDescription: 'TaxAmount', amount: -14, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
      },
    ]);
  });

  it('keeps the fulfillment-id cell, which V1 files carry too', () => {
    const settlement = v1([{ ...ORDER_ROW, 'fulfillment-id': 'MFN', 'price-type': 'Principal', 'price-amount': '35.00' }]);
    expect(settlement.lines.map((l) => l.fulfillmentId)).toEqual(['MFN']);
  });

  it('counts quantity-only rows without making lines', () => {
    const settlement = v1([
      { ...ORDER_ROW, 'quantity-purchased': '1' },
      { ...ORDER_ROW, 'price-type': 'Principal', 'price-amount': '35.00' },
    ]);
    expect(settlement.dataRows).toBe(2);
    expect(settlement.rowsWithoutAmount).toBe(1);
    expect(settlement.lines.map((line) => line.line)).toEqual([4]);
  });

  it('turns account-level rows into other-transaction lines named after their transaction-type', () => {
    const settlement = v1([
      { 'transaction-type': 'Subscription Fee', 'posted-date': '2025-06-06T23:04:51+00:00', 'other-amount': '-32.09' },
      { 'transaction-type': 'Payable to Amazon', 'posted-date': '2025-07-31T22:07:18+00:00', 'other-amount': '-321.69' },
      { 'transaction-type': 'Micro Deposit', 'marketplace-name': 'Amazon.ca', 'posted-date': '2025-08-15T10:10:33+00:00', 'other-amount': '-0.01' },
    ]);
    expect(settlement.lines.map((line) => [line.transactionType, line.amountType, line.amountDescription, line.amount, line.marketplace])).toEqual([
      ['other-transaction', 'other-transaction', 'Subscription Fee', -3209, ''],
      ['other-transaction', 'other-transaction', 'Payable to Amazon', -32169, ''],
      ['other-transaction', 'other-transaction', 'Micro Deposit', -1, 'Amazon.ca'],
    ]);
  });

  it('reads the 33-column file that has no promotion columns', () => {
    const settlement = v1([
      { 'transaction-type': 'Successful charge', 'posted-date': '2025-06-06T23:09:23+00:00', 'other-amount': '32.09    ' },
      { ...ORDER_ROW, 'price-type': 'Principal', 'price-amount': '35.00' },
    ], V1_HEADER_33);
    expect(settlement.format).toBe('v1');
    expect(settlement.lines.map((line) => [line.amountType, line.amountDescription, line.amount])).toEqual([
      ['other-transaction', 'Successful charge', 3209],
      ['ItemPrice', 'Principal', 3500],
    ]);
  });

  it('gives the same lines as V2 writing the same amounts', () => {
    const v1Lines = v1([
      { ...ORDER_ROW, 'price-type': 'Principal', 'price-amount': '35.00' },
      { 'transaction-type': 'Storage Fee', 'posted-date': '2025-08-14T06:23:59+00:00', 'other-amount': '-4.20' },
    ]).lines;
    const v2Text = settlementText(V2_HEADER, [SUMMARY, ...[
      { ...ORDER_ROW, 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '35.00' },
      {
        'transaction-type': 'other-transaction', 'amount-type': 'other-transaction', 'amount-description': 'Storage Fee',
        'posted-date': '14.08.2025', amount: '-4,20',
      },
    ].map(dataRow)]);
    const v2Lines = settlementOf(parseSettlement(v2Text, 'v2.txt')).lines;
    expect(v1Lines.map(({ line: _line, ...rest }) => rest)).toEqual(v2Lines.map(({ line: _line, ...rest }) => rest));
    expect(v1Lines).toHaveLength(2);
  });
});
