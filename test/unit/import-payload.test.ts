import { importBegin, importPayload, lineDtos } from '../../src/api/import-payload';
import { classifyTax } from '../../src/core/tax/classify';
import { sha256OfText } from '../../src/core/hash';
import { demoSettlement } from '../../src/workbench/demo-settlement';
import { parsedText as parsed } from '../support/settlements';
import { syntheticSettlement } from '../support/synthetic';

describe('the import payload in pieces', () => {
  it('fingerprints a settlement exactly as before it was hashed in batches, so a file imported earlier is still "the same file"', () => {
    for (const settlement of [parsed(demoSettlement().text), parsed(syntheticSettlement({ rows: 30_000, seed: 3 }).renderV2())]) {
      const payload = importPayload(settlement);
      const h = settlement.header;
      const joined = [h.settlementId, h.start, h.end, h.depositDate, String(h.totalAmount), h.currency, ...payload.lines.map((l) => l.slice(1, 9).join('\u001f'))].join('\u001e');
      expect(importBegin(settlement).contentHash).toBe(sha256OfText(joined));
    }
  });

  it('makes any chunk of lines on demand, the same as the whole list', () => {
    const settlement = parsed(demoSettlement().text);
    const all = importPayload(settlement).lines;
    const tax = classifyTax(settlement.lines);
    expect(lineDtos(settlement, tax, 100, 150)).toEqual(all.slice(100, 150));
    expect(lineDtos(settlement, tax, all.length - 3, all.length + 10)).toEqual(all.slice(-3));
  });

  it('says how far the fingerprint is on a big settlement', () => {
    const settlement = parsed(syntheticSettlement({ rows: 30_000, seed: 3 }).renderV2());
    const seen: number[] = [];
    importBegin(settlement, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.every((f) => f >= 0 && f < 1)).toBe(true);
  });
});
