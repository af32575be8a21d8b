import type { PartDto, SummaryLineDto } from '../../../src/api/types';
import {
  carrySentence, depositSentence, lineDetails, lineTitle, lineTypeCodes, lineTypeName, monthName, settlementAmount, visibleLines,
} from '../../../sidebar/settlement-wording';

const line = (over: Partial<SummaryLineDto> = {}): SummaryLineDto => ({
  kind: 'mapped', categories: ['Sales'], accountCode: '201', taxType: 'NONE', amount: '1019.54', statedTax: '0.00', rows: 24, sources: [], ...over,
});

describe('the words of a settlement in the sidebar', () => {
  it('names a line type by its description and keeps the codes for the small print', () => {
    const fee = { transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Inventory Placement Service Fee' };
    expect(lineTypeName(fee)).toBe('Inventory Placement Service Fee');
    expect(lineTypeCodes(fee)).toBe('other-transaction / other-transaction / Inventory Placement Service Fee');
    expect(lineTypeName({ transactionType: 'Order', amountType: 'Promotion', amountDescription: '' })).toBe('Promotion');
  });

  it('says the deposit as money paid or taken, never as a negative deposit', () => {
    expect(settlementAmount('866.41', 'USD')).toBe('866.41 USD paid');
    expect(settlementAmount('-321.69', 'CAD')).toBe('321.69 CAD taken');
    expect(depositSentence('1016.08', 'CAD', '2025-08-30T22:07:19Z')).toBe('Amazon paid 1,016.08 CAD into your bank on 30 Aug 2025.');
    expect(depositSentence('-321.69', 'CAD', '2025-08-02T22:07:18Z')).toBe('Amazon took 321.69 CAD from your card on 2 Aug 2025.');
    expect(depositSentence('0.00', 'USD', '2025-08-02')).toBe('Nothing was paid out: this settlement comes to 0.00 USD.');
  });

  it('leads a line with its category, and leaves out a NONE tax type', () => {
    expect(lineTitle(line())).toBe('Sales');
    expect(lineTitle(line({ categories: ['Seller fees', 'FBA fees'] }))).toBe('Seller fees + FBA fees');
    expect(lineDetails(line({ accountName: 'Amazon Sales' }))).toBe('201 Amazon Sales · 24 Amazon lines');
    expect(lineDetails(line({ taxType: 'OUTPUT2', rows: 1 }))).toBe('account 201 · tax OUTPUT2 · 1 Amazon line');
    expect(lineTitle(line({ kind: 'carry-out' }))).toBe('Carried forward to the next month');
  });

  it('hides lines that come to zero, and says they are there', () => {
    const { shown, zeroNote } = visibleLines([line(), line({ categories: ['Marketplace facilitator tax'], amount: '0.00' })], 'USD');
    expect(shown.map(lineTitle)).toEqual(['Sales']);
    expect(zeroNote).toBe('Also 1 line that comes to 0.00 USD: Marketplace facilitator tax.');
    expect(visibleLines([line()], 'USD').zeroNote).toBeNull();
  });

  it('explains a carried month in one sentence', () => {
    const june: PartDto = {
      key: '2025-06', from: '2025-06-24', to: '2025-06-30', documentDate: '2025-06-30', total: '0.00',
      lines: [line({ amount: '412.30' }), line({ kind: 'carry-out', categories: ['Carried forward'], accountCode: '2010', amount: '-412.30', rows: 0 })],
    };
    expect(carrySentence(june, 'USD')).toBe('The June 2025 lines come to 412.30 USD. That is carried forward to July 2025, so this invoice totals 0.00 USD.');
    expect(carrySentence(june, 'USD', 'AUTHORISED')).toBe(
      "The June 2025 lines come to 412.30 USD. That is carried forward to July 2025, so this invoice totals 0.00 USD. It is created approved, as A2X and Link My Books do, so June 2025's sales and fees are in your reports.",
    );
    const december: PartDto = { ...june, key: '2024-12', lines: [line({ kind: 'carry-out', amount: '25.00', rows: 0 })] };
    expect(carrySentence(december, 'USD')).toBe('The December 2024 lines come to -25.00 USD. That is carried forward to January 2025, so this invoice totals 0.00 USD.');
    const july: PartDto = { ...june, key: '2025-07', total: '866.41', lines: [line({ kind: 'carry-in', amount: '412.30', rows: 0 })] };
    expect(carrySentence(july, 'USD')).toBe('It includes 412.30 USD carried forward from June 2025, so it covers the whole settlement.');
    expect(carrySentence({ ...june, lines: [line()] }, 'USD')).toBeNull();
    expect(monthName('2025-01')).toBe('January 2025');
  });
});
