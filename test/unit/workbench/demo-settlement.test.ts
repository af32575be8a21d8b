import { aggregateSettlement, summariseSettlement } from '../../../src/core/summary';
import { defaultMapping } from '../../../src/core/mapping';
import { parseSettlement } from '../../../src/core/settlement';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../../src/workbench/demo-settlement';
import { seedOrganisations, TENANT_IDS } from '../../fakes/xero';

describe("the workbench's demo settlement", () => {
  const demo = demoSettlement();
  const parsed = parseSettlement(demo.text, demo.fileName);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  const { settlement } = parsed;
  const summary = summariseSettlement(aggregateSettlement(settlement), defaultMapping(), { split: 'carry' });

  it('is a balanced amazon.com USD Flat File V2 of a few hundred lines', () => {
    expect(settlement.format).toBe('v2');
    expect(settlement.header).toMatchObject({ settlementId: demo.settlementId, currency: 'USD', totalAmount: demo.total });
    expect(settlement.lines).toHaveLength(demo.lines);
    expect(demo.lines).toBeGreaterThanOrEqual(200);
    expect(demo.lines).toBeLessThan(1000);
    expect(summary.check.difference).toBe(0);
    expect(summary.marketplaces).toEqual(['Amazon.com']);
  });

  it('spans a month end, so its lines fall in two months', () => {
    expect(new Set(settlement.lines.map((l) => l.postedDate.slice(0, 7)))).toEqual(new Set(['2025-06', '2025-07']));
  });

  it('has exactly one line type the shipped mapping does not know, on one line', () => {
    expect(summary.unmapped.map((u) => [u.transactionType, u.amountType, u.amountDescription, u.rows])).toEqual([
      ['other-transaction', 'other-transaction', UNMAPPED_DESCRIPTION, 1],
    ]);
  });

  it('is the same every time', () => {
    expect(demoSettlement().text).toBe(demo.text);
    expect(demoSettlement(1).text).not.toBe(demo.text);
  });

  it("posts to the demo organisation's chart as shipped: every default account code is an active account there, and every tax type a rate", () => {
    const us = seedOrganisations().find((o) => o.tenantId === TENANT_IDS.us)!;
    const active = new Set(us.accounts.filter((a) => a.Status === 'ACTIVE').map((a) => a.Code));
    const rates = new Set(us.taxRates.map((r) => r.TaxType));
    for (const account of defaultMapping().accounts) {
      expect([account.category, active.has(account.accountCode), rates.has(account.taxType)]).toEqual([account.category, true, true]);
    }
  });
});
