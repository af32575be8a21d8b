// A stated tax above its tax type's rate (review of issue 11, point 2): the BC-style 12% (GST 5% +
// PST 7%) Amazon.ca states on advertising, coded "Tax on Purchases" at the recoverable 5%.
import type { PlannedDocument } from '../../../src/core/xero/documents';
import type { XeroTaxRate } from '../../../src/xero/client';
import type { ReferenceData } from '../../../src/xero/reference';
import { statedTaxAboveRateNotes } from '../../../src/xero/stated-rate-notes';
import { CA_FILE } from '../../support/regional-files';
import { summarise } from './posting';

const rate = (taxType: string, name: string, percent: string): XeroTaxRate => ({ taxType, name, status: 'ACTIVE', rate: percent, appliesTo: ['EXPENSE', 'REVENUE'] });

/** A Canadian organisation whose Tax on Purchases is `input` percent. */
function organisation(input: string): ReferenceData {
  return {
    tenantId: 'ca', organisationName: 'Maple Lane Goods Ltd', baseCurrency: 'CAD', currencies: ['CAD'], fetchedAt: '2026-07-10T09:00:00.000Z',
    accounts: [], taxRates: [rate('INPUT', 'Tax on Purchases', input), rate('OUTPUT', 'Tax on Sales', '5'), rate('NONE', 'Tax Exempt', '0')],
  };
}

describe('statedTaxAboveRateNotes', () => {
  const { documents } = summarise(CA_FILE);

  it('names the advertising line whose stated 12% is above the organisation\'s 5%, and what to do', () => {
    const notes = statedTaxAboveRateNotes(documents, organisation('5'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('line "Advertising + Tax on fees" (account 408)');
    expect(notes[0]).toContain('-18.09 of tax on -150.74, about 12.0%');
    expect(notes[0]).toContain('INPUT — Tax on Purchases is 5% in Maple Lane Goods Ltd');
    expect(notes[0]).toContain('Accounts tab');
  });

  it('says nothing where the rate covers what Amazon states (an HST province at 13%, or a combined 12% rate)', () => {
    expect(statedTaxAboveRateNotes(documents, organisation('13'))).toEqual([]);
    expect(statedTaxAboveRateNotes(documents, organisation('12'))).toEqual([]);
  });

  it('speaks the currency\'s decimals and holds both margins exactly, in whole units', () => {
    const bill = (currency: string, lineAmount: number, taxAmount: number) =>
      ({ part: '', total: 0, invoice: { InvoiceNumber: 'AMZ-1', CurrencyCode: currency, LineItems: [{ Description: 'Advertising', AccountCode: '408', TaxType: 'INPUT', LineAmount: lineAmount, TaxAmount: taxAmount }] } }) as unknown as PlannedDocument;
    // 120 yen of tax on 1,000: 12%, named in whole yen.
    expect(statedTaxAboveRateNotes([bill('JPY', -1120, -120)], organisation('5'))[0]).toContain('states -120 of tax on -1000, about 12.0%');
    // 6.04% is more than a point above 5% (and 1.04 in money); 5.99% is not.
    expect(statedTaxAboveRateNotes([bill('CAD', -106.04, -6.04)], organisation('5'))).toHaveLength(1);
    expect(statedTaxAboveRateNotes([bill('CAD', -105.99, -5.99)], organisation('5'))).toEqual([]);
    // 20% of a 0.20 fee is far above the rate, but only 0.03 over it in money: rounding, not PST.
    expect(statedTaxAboveRateNotes([bill('CAD', -0.24, -0.04)], organisation('5'))).toEqual([]);
    // A rate Xero gives with decimals (12.5000) covers 12.5%.
    expect(statedTaxAboveRateNotes([bill('CAD', -112.5, -12.5)], organisation('12.5000'))).toEqual([]);
  });
});
