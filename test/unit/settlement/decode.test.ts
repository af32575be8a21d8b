import fc from 'fast-check';
import { decodeSettlementBytes as decode } from '../../../src/core/settlement';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

// 0x80–0x9F of windows-1252, typed from the WHATWG Encoding Standard's index (the undefined
// bytes map to the C1 control of the same value). Node's own TextDecoder reads them as Latin-1.
const WINDOWS_1252_80_9F = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
];
const windows1252 = (input: Uint8Array): string =>
  Array.from(input, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F[b - 0x80] : String.fromCharCode(b))).join('');

// Every case runs twice: through the runtime's TextDecoder (browsers, Node) and through the pure
// decoder Apps Script gets; both must give the same text.
describe.each([
  ['with the runtime TextDecoder', {}],
  ['pure JavaScript', { native: false }],
] as const)('decodeSettlementBytes, %s', (_mode, options) => {
  const decodeSettlementBytes = (input: Uint8Array) => decode(input, options);

  it('reads ASCII as is', () => {
    expect(decodeSettlementBytes(utf8('settlement-id\tcurrency\n123\tUSD'))).toBe('settlement-id\tcurrency\n123\tUSD');
  });

  it('drops a UTF-8 byte order mark, and only at the start', () => {
    expect(decodeSettlementBytes(bytes(0xef, 0xbb, 0xbf, 0x61, 0x62))).toBe('ab');
    expect(decodeSettlementBytes(bytes(0x61, 0xef, 0xbb, 0xbf))).toBe('a\uFEFF');
  });

  it('reads two-, three- and four-byte UTF-8 sequences', () => {
    expect(decodeSettlementBytes(bytes(0x63, 0x61, 0x66, 0xc3, 0xa9))).toBe('café');
    expect(decodeSettlementBytes(bytes(0xe2, 0x82, 0xac, 0x31))).toBe('€1');
    // U+1F600 needs a surrogate pair in JavaScript.
    expect(decodeSettlementBytes(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe('\uD83D\uDE00');
  });

  it('keeps multi-byte characters intact across its internal 8 KB runs', () => {
    const text = `${'a'.repeat(8190)}é€😀${'b'.repeat(9000)}Ünïcode ${'c'.repeat(20000)}`;
    expect(decodeSettlementBytes(utf8(text))).toBe(text);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeSettlementBytes(bytes(0x80))).toBe('€');
    expect(decodeSettlementBytes(bytes(0x63, 0x61, 0x66, 0xe9))).toBe('café');
    // The whole file is read as windows-1252 once one sequence is invalid, even valid-looking UTF-8.
    expect(decodeSettlementBytes(bytes(0xc3, 0xa9, 0x20, 0xe9))).toBe('Ã© é');
  });

  it('maps all of 0x80–0x9F as the WHATWG windows-1252 table does', () => {
    const all = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeSettlementBytes(Uint8Array.from(all))).toBe(WINDOWS_1252_80_9F.join(''));
  });

  it('reads 0xA0–0xFF as Latin-1 in the fallback', () => {
    const high = Array.from({ length: 96 }, (_, i) => 0xa0 + i);
    expect(decodeSettlementBytes(Uint8Array.from([0x80, ...high]))).toBe(`€${String.fromCharCode(...high)}`);
  });

  it.each([
    ['an overlong slash', [0xc0, 0xaf], 'À¯'],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 'à€¯'],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 'í\u00a0€'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'ô\u0090€€'],
    ['a sequence cut off by the end of the file', [0x41, 0xe2, 0x82], 'Aâ‚'],
    ['a stray continuation byte', [0x41, 0xa9], 'A©'],
  ])('treats %s as not UTF-8', (_name, input, expected) => {
    expect(decodeSettlementBytes(Uint8Array.from(input))).toBe(expected);
  });

  it('drops the BOM before falling back to windows-1252', () => {
    expect(decodeSettlementBytes(bytes(0xef, 0xbb, 0xbf, 0x80))).toBe('€');
  });

  it('agrees with a strict UTF-8 decoder on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      expect(decodeSettlementBytes(utf8(text))).toBe(text);
    }));
  });

  it('on random bytes, gives strict UTF-8 when they are UTF-8 and windows-1252 otherwise', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
      const body = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
      let expected: string;
      try {
        expected = strict.decode(body);
      } catch {
        expected = windows1252(body);
      }
      expect(decodeSettlementBytes(input)).toBe(expected);
    }));
  });
});
