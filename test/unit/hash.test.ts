import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Sha256, sha256OfText, utf8Bytes } from '../../src/core/hash';

describe('sha256OfText', () => {
  it('agrees with node:crypto on known and random text, across block boundaries', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é€😀 settlement']) {
      expect(sha256OfText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => sha256OfText(text) === createHash('sha256').update(text, 'utf8').digest('hex')));
  });

  it('encodes UTF-8 like Node, surrogate pairs included', () => {
    for (const text of ['€', '😀', 'naïve']) expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'));
  });

  it('gives the same digest fed in pieces of any size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 90 }), { maxLength: 12 }), (pieces) => {
        const hash = new Sha256();
        for (const piece of pieces) hash.updateText(piece);
        return hash.hex() === createHash('sha256').update(pieces.join(''), 'utf8').digest('hex');
      }),
    );
  });
});
