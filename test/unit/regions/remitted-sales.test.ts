// Sales whose tax Amazon remits carry no output tax of the seller's (review of issue 11, point 1):
// the sale lines of such an order go to their own categories, which each template codes without
// output tax, while an order of which the seller owes part of the tax keeps the seller's rate, and
// US books (where every tax is facilitator tax) keep the same documents.
import { readFileSync } from 'node:fs';
import { findTemplate, templateForMarketplaces } from '../../../src/core/mapping';
import { formatAmount } from '../../../src/core/money';
import { parseSettlement } from '../../../src/core/settlement';
import { aggregateSettlement, marketplacesOf, type AggregateEntry, type SettlementAggregate } from '../../../src/core/summary';
import { TENANT_IDS } from '../../fakes/xero';
import { CA_FILE, renderRegionalFile, UK_FILE, US_FILE, type RegionalFile } from '../../support/regional-files';
import { sampleFiles } from '../../support/samples';
import { documentsOf, postToSandbox, summarise } from './posting';

/** A UK settlement of August 2024 whose only sales are deemed-supplier ones (goods sent from abroad, £135 or less). */
const UK_DEEMED_FILE: RegionalFile = {
  settlementId: '30033000013', currency: 'GBP', marketplace: 'Amazon.co.uk', start: '2024-08-01', end: '2024-08-15',
  orders: [
    { orderId: '203-0000013-0000001', date: '2024-08-02', amounts: [
      ['ItemPrice', 'Principal', '10.00'], ['ItemPrice', 'Tax', '2.00'], ['ItemFees', 'MarketplaceFacilitatorVAT-Principal', '-2.00'],
      ['Promotion', 'Principal', '-1.00'], ['ItemFees', 'Commission', '-1.80'],
    ] },
    { orderId: '203-0000013-0000002', type: 'Refund', date: '2024-08-09', amounts: [
      ['ItemPrice', 'Principal', '-5.00'], ['ItemPrice', 'Tax', '-1.00'], ['ItemFees', 'MarketplaceFacilitatorVAT-Principal', '1.00'],
    ] },
  ],
};

describe('United Kingdom, VAT registered', () => {
  it('posts no output VAT on a part that holds only deemed-supplier sales', () => {
    const r = summarise(UK_DEEMED_FILE);
    expect(r.template.id).toBe('uk-vat');
    const [invoice] = r.documents.map((d) => d.invoice);
    const codes = invoice!.LineItems.filter((l) => ['201', '202', '203'].includes(l.AccountCode)).map((l) => [l.AccountCode, l.TaxType, l.TaxAmount]);
    expect(codes).toEqual([['201', 'ZERORATEDOUTPUT', undefined], ['202', 'ZERORATEDOUTPUT', undefined], ['203', 'ZERORATEDOUTPUT', undefined]]);
    const { invoices, held } = postToSandbox(TENANT_IDS.uk, r.documents);
    const output = held.flatMap((d) => d.lines).filter((l) => ['201', '202', '203'].includes(l.accountCode ?? ''));
    expect(output.map((l) => l.taxAmount)).toEqual(['0.00', '0.00', '0.00']);
    // The only VAT left is the input VAT on August's commission (20% inclusive of -1.80).
    expect(invoices.map((i) => i.TotalTax)).toEqual([-0.3]);
  });

  it('codes the Amazon.de and deemed-supplier sales of the mixed file without UK VAT, and the seller-owed ones at 20%', () => {
    const r = summarise(UK_FILE);
    const august = r.summary.parts[1]!;
    const sales = august.lines.filter((l) => l.accountCode === '201').map((l) => [l.taxType, l.categories.join(' + '), formatAmount(l.amount, 2)]);
    // 45.00 + 9.00 owed at 20%; 10.00 deemed supplier (on Amazon.co.uk) and 30.00 on Amazon.de
    // (whose Sales row is zero-rated too, so it is named as plain Sales), zero-rated.
    expect(sales).toEqual([['OUTPUT2', 'Sales + Tax on sales', '54.00'], ['ZERORATEDOUTPUT', 'Sales + Sales, tax remitted by Amazon', '40.00']]);
  });
});

describe('Canada, GST/HST registered', () => {
  it("keeps the seller's treatment for orders of which the seller owes part of the tax (GST owed, PST remitted)", () => {
    const r = summarise(CA_FILE);
    const lines = r.summary.parts.flatMap((p) => p.lines);
    expect(lines.some((l) => l.categories.includes('Sales, tax remitted by Amazon'))).toBe(false);
    const principal = lines.flatMap((l) => l.sources).filter((s) => s.amountDescription === 'Principal' && s.transactionType === 'Order');
    expect(principal.map((s) => [s.category, s.remittedBy])).toEqual([['Sales', ''], ['Sales', '']]);
  });
});

/** The aggregate with the sale lines unlabelled, as SettleSheet read it before the review. */
function unlabelled(aggregate: SettlementAggregate): SettlementAggregate {
  const tax = /tax|withheld|facilitator/i;
  const entries = aggregate.entries.map((e): AggregateEntry => (e.remittedBy === 'amazon' && !tax.test(`${e.amountType} ${e.amountDescription}`) ? { ...e, remittedBy: '' } : e));
  return { ...aggregate, entries };
}

describe('United States', () => {
  const usFiles: [string, string][] = [['the US regional file', renderRegionalFile(US_FILE).text]];
  const sample = sampleFiles().find((f) => f.name.startsWith('xieyi138'));
  if (sample) usFiles.push([sample.name, readFileSync(sample.path, 'utf8')]);

  it.each(usFiles)('%s: the same documents and parts, line for line, as before sale lines were labelled', (name, text) => {
    const parsed = parseSettlement(text, name);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const aggregate = aggregateSettlement(parsed.settlement);
    expect(aggregate.entries.some((e) => e.remittedBy === 'amazon' && e.amountDescription === 'Principal')).toBe(true);
    const template = templateForMarketplaces(marketplacesOf(aggregate.entries));
    expect(template).toBe(findTemplate('us'));
    const now = documentsOf(aggregate, template);
    const before = documentsOf(unlabelled(aggregate), template);
    expect(now.documents.map((d) => d.invoice)).toEqual(before.documents.map((d) => d.invoice));
    // The parts (what the sidebar and the Summary tab show) and the walk to the deposit too.
    expect(now.summary.parts).toEqual(before.summary.parts);
    expect(now.summary.reconciliation).toEqual(before.summary.reconciliation);
  });
});
