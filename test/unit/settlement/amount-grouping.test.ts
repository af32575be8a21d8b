// parseAmount used to accept any placement of thousands separators, reading `12,3,4` as 1234.
// A settlement amount with misplaced separators is damage (or a locale mix-up), never a number.
import { parseAmount } from '../../../src/core/money';

describe('parseAmount thousands separators', () => {
  it.each([
    ['1,234,567', 123456700],
    ['1.234.567', 123456700],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['-1.234.567,89', -123456789],
    ['999,999.99', 99999999],
  ])('reads well-formed groups: %s', (text, minor) => {
    expect(parseAmount(text, 2)).toBe(minor);
  });

  it.each(['12,3,4', '12.34.56', '1,23.45', ',123.45', '1234,567.89', '1,2345.00', '12,34,567.00', '1,234,56', '1.23.456,00'])(
    'refuses misplaced groups: %s',
    (text) => {
      expect(parseAmount(text, 2)).toBe('not-a-number');
    },
  );

  it('still reads a lone separator as the decimal one', () => {
    expect(parseAmount('1141,18', 2)).toBe(114118);
    expect(parseAmount('0,5', 2)).toBe(50);
    expect(parseAmount('1,234', 2)).toBe('too-many-decimals');
  });
});
