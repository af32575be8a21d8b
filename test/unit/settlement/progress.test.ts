import { parseSettlement } from '../../../src/core/settlement';
import { syntheticSettlement } from '../../support/synthetic';

describe('reading a big settlement', () => {
  it('says how far it is as it goes, in order, and reads the same settlement as without listening', () => {
    const text = syntheticSettlement({ rows: 70_000, seed: 5 }).renderV2();
    const seen: number[] = [];
    const heard = parseSettlement(text, 'big.txt', { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.every((f) => f > 0 && f < 1)).toBe(true);
    const quiet = parseSettlement(text, 'big.txt');
    expect(heard.ok && quiet.ok && heard.settlement.lines.length === quiet.settlement.lines.length).toBe(true);
  });
});
