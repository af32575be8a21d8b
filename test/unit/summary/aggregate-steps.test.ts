// The page's reader adds a settlement up in slices (no Worker: sidebar/reading/client.ts), so it
// never holds the page for the few hundred milliseconds a million lines take at once. The slices
// must give exactly what adding up at once gives, including split tax lines across a slice's edge.
import { parseSettlement } from '../../../src/core/settlement/parse';
import { aggregateSettlement, aggregateSettlementInSteps } from '../../../src/core/summary/aggregate';
import { classifyTax } from '../../../src/core/tax/classify';
import { finishSteps } from '../../../src/core/steps';
import { renderRegionalFile, CA_FILE } from '../../support/regional-files';
import { syntheticSettlement } from '../../support/synthetic';

function parsed(text: string) {
  const result = parseSettlement(text, 'file.txt');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  return result.settlement;
}

describe('adding a settlement up in steps', () => {
  it('gives the same aggregate as at once, yielding between slices of 100,000 lines', () => {
    const settlement = parsed(syntheticSettlement({ rows: 250_000, seed: 11 }).renderV2());
    const tax = classifyTax(settlement.lines);
    const fractions: number[] = [];
    const stepped = finishSteps(aggregateSettlementInSteps(settlement, tax), (f) => fractions.push(f));
    expect(stepped).toEqual(aggregateSettlement(settlement, tax));
    expect(fractions).toEqual([0.4, 0.8, 1]);
  });

  it('keeps split tax lines (GST the seller owes, PST Amazon remits) as at once', () => {
    const settlement = parsed(renderRegionalFile(CA_FILE).text);
    const tax = classifyTax(settlement.lines);
    expect(tax.amazonPart.size).toBeGreaterThan(0);
    expect(finishSteps(aggregateSettlementInSteps(settlement, tax))).toEqual(aggregateSettlement(settlement, tax));
  });
});
