// Issue 11 "Done when", on a settlement file written for each region: seller-owed tax reaches a
// tax-typed line or a tax liability, tax Amazon remits nets to zero, stated tax is posted as
// TaxAmount, one rate per settlement clears the carry in base currency, no document is dated
// outside its part or its settlement, and every document is accepted by that region's Xero
// organisation in the sandbox and equals the deposit.
import Decimal from 'decimal.js';
import { conversionOf, toBase } from '../../../src/core/exchange';
import { currencyDecimals, formatAmount, parseAmount } from '../../../src/core/money';
import type { SettlementSummary } from '../../../src/core/summary';
import type { PlannedDocument } from '../../../src/core/xero/documents';
import { carriesTax } from '../../../src/core/xero/tax-types';
import { REGIONAL_TENANT_IDS, TENANT_IDS } from '../../fakes/xero';
import { AU_FILE, CA_FILE, DE_FILE, JP_FILE, NZ_FILE, UK_FILE, US_FILE } from '../../support/regional-files';
import { postToSandbox, summarise } from './posting';

const lines = (s: SettlementSummary) => s.parts.flatMap((p) => p.lines);
const decimals = (s: SettlementSummary) => s.header.decimals;
const amount = (s: SettlementSummary, text: string) => parseAmount(text, decimals(s)) as number;

/** The seller's own tax in the file, and where it went. */
function ownTaxLines(s: SettlementSummary) {
  return lines(s).filter((l) => l.sources.some((src) => src.remittedBy === 'seller'));
}

/** Every document equals its part, every part's days are inside the settlement, and Σ is the deposit. */
function expectInsideAndEqualToDeposit(s: SettlementSummary, documents: PlannedDocument[]): void {
  const start = s.header.start.slice(0, 10);
  const end = s.header.end.slice(0, 10);
  for (const part of s.parts) {
    expect(part.from >= start && part.to <= end).toBe(true);
    const doc = documents.find((d) => d.part === part.key);
    if (doc) expect(doc.invoice.Date >= part.from && doc.invoice.Date <= part.to).toBe(true);
  }
  const sum = documents.reduce((t, d) => {
    const lineSum = d.invoice.LineItems.reduce((a, l) => a.plus(String(l.LineAmount)), new Decimal(0));
    return t.plus(d.invoice.Type === 'ACCPAY' ? lineSum.negated() : lineSum);
  }, new Decimal(0));
  expect(sum.toFixed(decimals(s))).toBe(formatAmount(s.header.totalAmount, decimals(s)));
}

/** The tax the documents state, and the tax the sandbox holds for those lines. */
function expectStatedTaxPosted(documents: PlannedDocument[], held: ReturnType<typeof postToSandbox>['held']): void {
  const stated = documents.flatMap((d) => d.invoice.LineItems).filter((l) => l.TaxAmount !== undefined);
  const kept = held.flatMap((d) => d.lines).filter((l) => l.taxAmount !== '0.00' || stated.some((s) => s.Description === l.description));
  for (const line of stated) {
    const found = kept.find((k) => k.description === line.Description)!;
    expect([line.Description.slice(0, 40), found.taxAmount]).toEqual([line.Description.slice(0, 40), new Decimal(String(line.TaxAmount)).toFixed(2)]);
  }
}

describe('United States', () => {
  const r = summarise(US_FILE);

  it('clears the marketplace facilitator tax to zero and puts nothing on a tax return', () => {
    expect(r.template.id).toBe('us');
    expect(r.summary.clearing).toEqual([]);
    const clearing = lines(r.summary).filter((l) => l.categories.includes('Marketplace facilitator tax'));
    expect(clearing.reduce((t, l) => t + l.amount, 0)).toBe(0);
    expect(ownTaxLines(r.summary)).toEqual([]);
  });

  it('maps the 2026 line types as issue 11 §6 says', () => {
    const categoryOf = (description: string) => lines(r.summary).find((l) => l.sources.some((s) => s.amountDescription === description || s.amountType === description))!.categories;
    expect(categoryOf('Coupon Participation Fee')).toContain('Advertising');
    expect(categoryOf('Deal Performance Based Fee')).toContain('Advertising');
    expect(categoryOf('FBA Inbound Placement Service Fee')).toContain('FBA fees');
    expect(categoryOf('Inbound Defect Fee')).toContain('FBA fees');
    expect(categoryOf('LiquidationsBrokerageFee')).toContain('Seller fees');
    expect(categoryOf('LowInventoryLevelFee')).toContain('Storage');
    expect(categoryOf('Shipping label purchase')).toContain('Postage');
  });

  it("is accepted by the US organisation, equal to the deposit, inside the settlement's period", () => {
    expectInsideAndEqualToDeposit(r.summary, r.documents);
    // Nothing on a tax return, in either month.
    expect(postToSandbox(TENANT_IDS.us, r.documents).invoices.map((i) => i.TotalTax)).toEqual([0, 0]);
  });
});

describe('Canada, GST/HST registered', () => {
  const r = summarise(CA_FILE);

  it('sends the GST/HST the seller owes to the liability, splitting the order Amazon remits part of', () => {
    expect(r.template.id).toBe('ca-gst');
    const owed = lines(r.summary).filter((l) => l.accountCode === '2160');
    // June 39.00 (HST); July 2.50 (GST of the BC order, whose PST 3.50 Amazon remits) + 5.00 − 2.60 (refund).
    expect(owed.map((l) => [l.categories, formatAmount(l.amount, 2)])).toEqual([[['Tax on sales'], '39.00'], [['Tax on sales', 'Tax on refunds'], '4.90']]);
    expect(r.summary.clearing).toEqual([]);
    const clearing = lines(r.summary).filter((l) => l.categories.includes('Marketplace facilitator tax'));
    expect(clearing.reduce((t, l) => t + l.amount, 0)).toBe(0);
  });

  it('posts the tax stated on advertising as its TaxAmount, and the organisation accepts every document', () => {
    const ad = r.documents.flatMap((d) => d.invoice.LineItems).find((l) => l.AccountCode === '408')!;
    expect(ad).toMatchObject({ TaxType: 'INPUT', LineAmount: -168.83, TaxAmount: -18.09 });
    expectInsideAndEqualToDeposit(r.summary, r.documents);
    const { held, invoices } = postToSandbox(REGIONAL_TENANT_IDS.ca, r.documents);
    expectStatedTaxPosted(r.documents, held);
    // Only input tax: June 5% GST in fees (-5.18, -0.70) and the stated -18.09; July's fees -5.94, -1.18.
    expect(invoices.map((i) => i.TotalTax)).toEqual([-23.97, -7.12]);
  });
});

describe('United Kingdom, VAT registered', () => {
  const r = summarise(UK_FILE);

  it('puts the VAT the seller owes on the sales line, stated, and clears deemed-supplier VAT', () => {
    expect(r.template.id).toBe('uk-vat');
    for (const line of ownTaxLines(r.summary)) {
      expect([line.accountCode, line.taxType, carriesTax(line.taxType)]).toEqual(['201', 'OUTPUT2', true]);
      expect(line.statedTax).toBe(line.sources.filter((s) => s.remittedBy === 'seller').reduce((t, s) => t + s.amount, 0));
    }
    expect(ownTaxLines(r.summary).reduce((t, l) => t + l.statedTax, 0)).toBe(amount(r.summary, '29.00'));
    expect(r.summary.clearing).toEqual([]);
  });

  it('charges reverse charge on July fees and 20% VAT on August fees, zero-rated FBA fees on Amazon.de', () => {
    const [july, august] = r.summary.parts;
    expect(july!.lines.find((l) => l.categories.includes('Seller fees'))!.taxType).toBe('REVERSECHARGES');
    expect(august!.lines.find((l) => l.categories.includes('Seller fees'))!.taxType).toBe('INPUT2');
    expect(august!.lines.filter((l) => l.categories.includes('FBA fees')).map((l) => l.taxType).sort()).toEqual(['INPUT2', 'ZERORATEDINPUT']);
  });

  it('is accepted by the UK organisation, which records exactly the VAT the file states', () => {
    expectInsideAndEqualToDeposit(r.summary, r.documents);
    const { held, invoices } = postToSandbox(TENANT_IDS.uk, r.documents);
    expectStatedTaxPosted(r.documents, held);
    // July: the 20.00 owed, reverse-charged fees. August: 9.00 owed less 20% in the fees (2.40,
    // 0.97, 2.07); the deemed-supplier and Amazon.de sales add none.
    expect(invoices.map((i) => i.TotalTax)).toEqual([20, 3.56]);
    // July's part carries its net forward and is approved: its month's VAT is in the return.
    expect(r.documents.map((d) => d.invoice.Status)).toEqual(['AUTHORISED', 'DRAFT']);
  });
});

describe('EU (Germany), VAT registered', () => {
  const r = summarise(DE_FILE);

  it('states German VAT on the sales line and clears the VAT Amazon remits on the French order', () => {
    expect(r.template.id).toBe('eu-vat');
    expect(ownTaxLines(r.summary).map((l) => [l.accountCode, l.taxType, formatAmount(l.statedTax, 2)])).toEqual([['201', 'OUTPUT', '19.00']]);
    expect(r.summary.clearing).toEqual([]);
    expectInsideAndEqualToDeposit(r.summary, r.documents);
    const { held, invoices } = postToSandbox(REGIONAL_TENANT_IDS.de, r.documents);
    expectStatedTaxPosted(r.documents, held);
    // June: 19.00 owed less the fees' 2.85 and 0.56; July: the French sale adds none, fees 1.44, 0.67, 1.58.
    expect(invoices.map((i) => i.TotalTax)).toEqual([15.59, -3.69]);
  });
});

describe('Australia, GST registered', () => {
  const r = summarise(AU_FILE);

  it('leaves GST-inclusive sales to Xero, fees GST free, low-value goods GST cleared, accepted by the AU organisation', () => {
    expect(r.template.id).toBe('au-gst');
    expect(r.summary.clearing).toEqual([]);
    expect(lines(r.summary).filter((l) => l.categories.includes('Sales')).map((l) => l.taxType)).toEqual(['OUTPUT']);
    expect(lines(r.summary).filter((l) => l.categories.includes('Sales, tax remitted by Amazon')).map((l) => l.taxType)).toEqual(['EXEMPTOUTPUT']);
    expect(lines(r.summary).filter((l) => l.categories.includes('Seller fees')).map((l) => l.taxType)).toEqual(['EXEMPTEXPENSES', 'EXEMPTEXPENSES']);
    expectInsideAndEqualToDeposit(r.summary, r.documents);
    const { invoices } = postToSandbox(TENANT_IDS.au, r.documents);
    // Xero backs 1/11 out of each GST-inclusive sales line: 110.00 → 10.00 of GST in June. July's
    // only sale is one whose GST Amazon remits (low-value goods): GST free, no GST of the seller's.
    expect(invoices.map((i) => i.TotalTax)).toEqual([10, 0]);
  });
});

describe('New Zealand, GST registered, paid in NZD for an AUD settlement', () => {
  const deposit = parseAmount('207.53', 2) as number;
  const plain = summarise(NZ_FILE, 'nz-gst');
  const conversion = conversionOf(plain.summary.header.totalAmount, 2, 'NZD', deposit, currencyDecimals('NZD'));
  if (typeof conversion === 'string') throw new Error(conversion);
  const r = summarise(NZ_FILE, 'nz-gst', conversion.rate);

  it('gives every document the one rate the deposit gives, so the carry clears in NZD', () => {
    expect(conversion.converted).toBe(deposit);
    expect(new Set(r.documents.map((d) => d.invoice.CurrencyRate))).toEqual(new Set([Number(conversion.rate)]));
    const { held } = postToSandbox(REGIONAL_TENANT_IDS.nz, r.documents);
    expect(new Set(held.map((d) => d.currencyRate))).toEqual(new Set([new Decimal(conversion.rate).toFixed(6)]));
    // In base currency the carry-out and the carry-in cancel, and the last document is the deposit.
    const carried = held.flatMap((d) => d.lines.filter((l) => l.accountCode === '2010').map((l) => toBase(parseAmount(l.lineAmount, 2) as number, 2, d.currencyRate, 2)));
    expect(carried).toHaveLength(2);
    expect(carried[0]! + carried[1]!).toBe(0);
    expect(toBase(parseAmount(held.at(-1)!.total, 2) as number, 2, held.at(-1)!.currencyRate, 2)).toBe(deposit);
  });
});

describe('Japan', () => {
  const r = summarise(JP_FILE);

  it('states the consumption tax in yen on the sales line, accepted by the Japanese organisation', () => {
    expect(r.template.id).toBe('jp');
    expect(ownTaxLines(r.summary).map((l) => [l.taxType, formatAmount(l.statedTax, 0)])).toEqual([['OUTPUT', '1280'], ['OUTPUT', '398']]);
    expectInsideAndEqualToDeposit(r.summary, r.documents);
    const { held, invoices } = postToSandbox(REGIONAL_TENANT_IDS.jp, r.documents);
    expectStatedTaxPosted(r.documents, held);
    // June: 1280 owed less the fees' 128.00 and 39.45; July: 398 less 485.27 and 28.91 (the
    // organisation's rates are set to 10%, so Xero computes fractions of a yen on the fees).
    expect(invoices.map((i) => i.TotalTax)).toEqual([1112.55, -116.18]);
  });
});
