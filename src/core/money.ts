/**
 * Exact money as integer counts of a currency's minor units (cents, pence, yen).
 *
 * A `Minor` is a JavaScript number that always holds a safe integer: integer addition is exact up
 * to 2^53, which is 90 trillion dollars in cents, so no float rounding can creep in. Every
 * operation here checks that bound instead of trusting it.
 */

/** An integer number of a currency's minor units. */
export type Minor = number;

// ISO 4217 minor units for the currencies whose exponent is not 2. Anything else uses 2.
const DECIMALS_NOT_TWO: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** The number of decimals a currency's amounts carry (JPY 0, USD 2, KWD 3). */
export function currencyDecimals(currency: string): number {
  return DECIMALS_NOT_TWO[currency.trim().toUpperCase()] ?? 2;
}

/** True when the text is a three-letter ISO 4217-shaped currency code. */
export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/** Adds two amounts, throwing if the result leaves the exact integer range. */
export function addMinor(a: Minor, b: Minor): Minor {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('Amount too large to add exactly');
  return sum;
}

/**
 * Why `parseAmount` could not read a cell, in words a person can act on.
 */
export type AmountProblem = 'not-a-number' | 'too-many-decimals' | 'too-large';

/**
 * Reads an amount as Amazon writes it: `1016.08`, `-321.69`, `1141,18`, `32.09    `, `1.234,56`,
 * `1,234.56`. When both `.` and `,` appear the last one is the decimal separator and the other
 * groups thousands; a lone separator is always the decimal one. Returns the amount in minor units,
 * or the reason it cannot be read exactly (extra non-zero decimals are refused, never rounded).
 */
export function parseAmount(raw: string, decimals: number): Minor | AmountProblem {
  const text = raw.trim();
  let i = 0;
  const n = text.length;
  let negative = false;
  if (i < n && (text.charCodeAt(i) === 45 /* - */ || text.charCodeAt(i) === 43 /* + */)) {
    negative = text.charCodeAt(i) === 45;
    i++;
  }
  if (i >= n) return 'not-a-number';
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalAt = -1;
  let groupCode = -1;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalAt = Math.max(lastDot, lastComma);
    groupCode = decimalAt === lastDot ? 44 : 46;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sepCode = lastDot >= 0 ? 46 : 44;
    const first = text.indexOf(sepCode === 46 ? '.' : ',');
    const last = Math.max(lastDot, lastComma);
    if (first === last) decimalAt = last;
    else groupCode = sepCode; // 1.234.567 or 1,234,567: only grouping
  }
  let units = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let digits = 0;
  // Thousands groups must look like thousands groups (`1,234,567`), so that `12,3,4` is refused
  // rather than read as 1234. -1 until the first group separator, then the digits since it.
  let groupDigits = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (decimalAt >= 0 && i > decimalAt) {
        if (fractionDigits < decimals) {
          fraction = fraction * 10 + (c - 48);
          fractionDigits++;
        } else if (c !== 48) {
          return 'too-many-decimals';
        }
      } else {
        units = units * 10 + (c - 48);
        if (groupDigits >= 0) groupDigits++;
      }
    } else if (i === decimalAt) {
      if (groupDigits >= 0 && groupDigits !== 3) return 'not-a-number';
    } else if (c === groupCode && (decimalAt < 0 || i < decimalAt)) {
      const leading = groupDigits < 0 ? digits : groupDigits;
      if (groupDigits < 0 ? leading < 1 || leading > 3 : leading !== 3) return 'not-a-number';
      groupDigits = 0;
    } else {
      return 'not-a-number';
    }
  }
  if (decimalAt < 0 && groupDigits >= 0 && groupDigits !== 3) return 'not-a-number';
  if (digits === 0) return 'not-a-number';
  while (fractionDigits < decimals) {
    fraction *= 10;
    fractionDigits++;
  }
  const value = units * 10 ** decimals + fraction;
  if (!Number.isSafeInteger(value)) return 'too-large';
  return negative && value !== 0 ? -value : value;
}

/** Writes an amount as a plain decimal string with the currency's decimals: `-321.69`, `1200`. */
export function formatAmount(amount: Minor, decimals: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an exact amount: ${amount}`);
  const negative = amount < 0;
  const digits = String(negative ? -amount : amount);
  if (decimals === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(decimals + 1, '0');
  const cut = padded.length - decimals;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/**
 * The amount as a JSON number for Xero. Going through the decimal string gives the double nearest
 * the exact decimal, which JSON.stringify prints back as the same short decimal.
 */
export function amountToNumber(amount: Minor, decimals: number): number {
  return Number(formatAmount(amount, decimals));
}
