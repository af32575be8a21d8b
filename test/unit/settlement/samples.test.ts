// The real (and one synthetic) settlement files beside the repository. The facts per file were
// read off the files by hand and recounted with awk, independently of this parser: data rows
// exclude the header and the summary row; lines are the non-blank amount cells.
import { readFileSync } from 'node:fs';
import { type SettlementLine, parseSettlement } from '../../../src/core/settlement';
import { describeWithSamples, sampleFiles } from '../../support/samples';

interface Facts {
  format: 'v1' | 'v2';
  settlementId: string;
  currency: string;
  start: string;
  end: string;
  depositDate: string;
  totalAmount: number;
  dataRows: number;
  lines: number;
  rowsWithoutAmount: number;
  warnings: number;
  /** A line checked field by field. */
  example: SettlementLine;
}

const FACTS: Record<string, Facts> = {
  'adwweaver_Amazon-Settlement-Transformer_50011020300.txt': {
    format: 'v1', settlementId: '23874396421', currency: 'CAD',
    start: '2025-06-05T22:07:18Z', end: '2025-07-31T22:07:18Z', depositDate: '2025-08-02T22:07:18Z',
    totalAmount: -32169, dataRows: 3, lines: 3, rowsWithoutAmount: 0, warnings: 0,
    // `32.09    ` with trailing spaces, in the 33-column layout.
    example: {
      line: 5, postedDate: '2025-06-06', transactionType: 'other-transaction', amountType: 'other-transaction',
      amountDescription: 'Successful charge', amount: 3209, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
    },
  },
  'adwweaver_Amazon-Settlement-Transformer_50018020314.txt': {
    format: 'v1', settlementId: '23874397121', currency: 'CAD',
    start: '2025-07-31T22:07:18Z', end: '2025-08-14T22:07:18Z', depositDate: '2025-08-16T22:07:18Z',
    totalAmount: -6231, dataRows: 15, lines: 15, rowsWithoutAmount: 1, warnings: 0,
    // The second amount of the ServiceFee row.
    example: {
      line: 16, postedDate: '2025-08-13', transactionType: 'ServiceFee', amountType: 'OtherFees',
      amountDescription: 'TaxAmount', amount: -14, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
    },
  },
  'adwweaver_Amazon-Settlement-Transformer_50034020328.txt': {
    format: 'v1', settlementId: '24288684721', currency: 'CAD',
    start: '2025-08-14T22:07:18Z', end: '2025-08-28T22:07:19Z', depositDate: '2025-08-30T22:07:19Z',
    totalAmount: 101608, dataRows: 189, lines: 153, rowsWithoutAmount: 39, warnings: 0,
    example: {
      line: 40, postedDate: '2025-08-22', transactionType: 'Order', amountType: 'ShipmentFees',
      amountDescription: 'FBA transportation fee', amount: -788, orderId: 'S01-0036312-1371678',
      sku: '', marketplace: 'Non-Amazon CA', fulfillmentId: 'AFN',
    },
  },
  'adwweaver_Amazon-Settlement-Transformer_50044020356.txt': {
    format: 'v1', settlementId: '24495221541', currency: 'CAD',
    start: '2025-09-11T22:07:19Z', end: '2025-09-25T22:07:18Z', depositDate: '2025-09-27T22:07:18Z',
    totalAmount: 463023, dataRows: 729, lines: 575, rowsWithoutAmount: 156, warnings: 0,
    example: {
      line: 457, postedDate: '2025-09-19', transactionType: 'other-transaction', amountType: 'other-transaction',
      amountDescription: 'REVERSAL_REIMBURSEMENT', amount: 4329, orderId: '701-6555548-7931465', sku: 'SALTT30-BERY',
      marketplace: '', fulfillmentId: '', quantity: 1,
    },
  },
  'adwweaver_Amazon-Settlement-Transformer_50065020384.txt': {
    format: 'v1', settlementId: '24702193891', currency: 'CAD',
    start: '2025-10-09T22:07:18Z', end: '2025-10-23T22:07:18Z', depositDate: '2025-10-25T22:07:18Z',
    totalAmount: 1001564, dataRows: 1244, lines: 958, rowsWithoutAmount: 287, warnings: 0,
    example: {
      line: 394, postedDate: '2025-10-15', transactionType: 'ServiceFee', amountType: 'ItemFees',
      amountDescription: 'Cost of Advertising', amount: -50088, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
    },
  },
  'xieyi138-star_amazon-settlement-parser_settlement-sample.txt': {
    format: 'v2', settlementId: '28471003921', currency: 'USD',
    start: '2026-06-16T00:00:00Z', end: '2026-06-30T23:59:59Z', depositDate: '2026-07-02T00:00:00Z',
    totalAmount: 58289, dataRows: 23, lines: 23, rowsWithoutAmount: 0, warnings: 1,
    example: {
      line: 25, postedDate: '2026-06-30', transactionType: 'Transfer', amountType: 'other-transaction',
      amountDescription: 'Current Reserve Amount', amount: -42000, orderId: '', sku: '', marketplace: 'amazon.com', fulfillmentId: '',
    },
  },
};

describeWithSamples('parseSettlement on the sample settlements', () => {
  const files = sampleFiles();

  it('knows every sample file', () => {
    expect(files.map((file) => file.name).sort()).toEqual(Object.keys(FACTS).sort());
  });

  describe.each(files.map((file) => [file.name, file.path]))('%s', (name, filePath) => {
    const result = parseSettlement(new Uint8Array(readFileSync(filePath)), name);
    const facts = FACTS[name] as Facts;

    it('parses', () => {
      expect(result.ok ? [] : result.problems).toEqual([]);
    });

    it('sums its lines to its total-amount exactly', () => {
      if (!result.ok) throw new Error('not parsed');
      const { header, lines } = result.settlement;
      expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(header.totalAmount);
    });

    it('reads the facts checked by hand', () => {
      if (!result.ok) throw new Error('not parsed');
      const { settlement, warnings } = result;
      expect(settlement.format).toBe(facts.format);
      expect(settlement.header).toEqual({
        settlementId: facts.settlementId, start: facts.start, end: facts.end, depositDate: facts.depositDate,
        totalAmount: facts.totalAmount, currency: facts.currency, decimals: 2,
      });
      expect([settlement.dataRows, settlement.lines.length, settlement.rowsWithoutAmount])
        .toEqual([facts.dataRows, facts.lines, facts.rowsWithoutAmount]);
      expect(warnings).toHaveLength(facts.warnings);
      const { line, ...example } = facts.example;
      expect(settlement.lines.filter((candidate) => candidate.line === line).map(({ line: _l, ...rest }) => rest))
        .toContainEqual(example);
    });
  });
});
