// The page's fallback reader (no Worker) works in slices: the file's text decoded a slice at a time
// and the read done as steps must give exactly what the reading at once gives.
import { createHash } from 'node:crypto';
import { decodeSettlementBytes } from '../../../src/core/settlement/decode';
import { SettlementReader } from '../../../sidebar/reading/reader';
import { syntheticSettlement } from '../../support/synthetic';

const breaths = () => {
  const counted = { n: 0 };
  return { counted, breathe: async () => void counted.n++ };
};

describe('the page reader, in slices', () => {
  it('decodes the same text a few bytes at a time, across characters cut between slices, with or without a BOM', async () => {
    const text = 'settlement-id\tamount-description\nÉclair € 12,50 — 🎉 Größe\n';
    for (const bytes of [new TextEncoder().encode(text), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])]) {
      const { counted, breathe } = breaths();
      const read = await SettlementReader.textInSlices(new Blob([bytes]), breathe, 5);
      expect(read.text).toBe(decodeSettlementBytes(bytes));
      // The page reader gives the file's hash as the Worker does: sha256sum's, of the bytes.
      expect(read.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(counted.n).toBeGreaterThan(10);
    }
  });

  it('reads a file that is not UTF-8 as windows-1252, as at once', async () => {
    const bytes = new Uint8Array([0x41, 0x09, 0x80, 0xe9, 0x0a, 0x42]);
    expect((await SettlementReader.textInSlices(new Blob([bytes]), async () => undefined, 2)).text).toBe(decodeSettlementBytes(bytes));
  });

  it('reads as steps to the same result as at once, saying how far it is in order, many times on the way', () => {
    const text = syntheticSettlement({ rows: 20_000, seed: 5 }).renderV2();
    const atOnce = new SettlementReader().read(text, 'big.txt', () => undefined);
    const steps = new SettlementReader().steps(text, 'big.txt');
    const fractions: number[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) fractions.push(next.value.fraction);
    expect(next.value).toEqual(atOnce);
    expect(fractions.length).toBeGreaterThan(10);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});
