/**
 * One exchange rate per settlement. A settlement in a currency other than the organisation's base
 * currency is posted with the same CurrencyRate on every document: otherwise Xero converts each
 * document at its own date's rate, and a month carry-out and its carry-in land on different base
 * amounts, leaving the carried-forward account with a balance nobody owes.
 *
 * When Amazon converted the payout (an EUR settlement paid into a GBP account), the person enters
 * the amount that reached the bank, and the rate follows from it: the rate whose conversion of the
 * settlement's total gives exactly that deposit. A rate is what Xero takes: units of the
 * settlement's currency per one unit of base currency, with at most 6 decimals (Xero's OpenAPI
 * spec: "max length = [18].[6]"; Xero's help: "You can add up to 6 decimal points"). All the
 * arithmetic is on integers (BigInt), never floats.
 */
import { formatAmount, type Minor } from './money';

const RATE_DECIMALS = 6;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);
// How far from the nearest 6-decimal rate to look for one that converts to the deposit exactly.
const SEARCH = 50n;

/** Why a rate cannot be derived from a deposit. */
export type RateProblem = 'zero' | 'opposite-signs';

/** A settlement's conversion into base currency, as the preview shows it. */
export interface Conversion {
  baseCurrency: string;
  baseDecimals: number;
  /** Units of the settlement's currency per unit of base currency, 6 decimals: `1.172345`. */
  rate: string;
  /** The deposit in base currency as entered (what reached the bank). */
  deposit: Minor;
  /** The settlement's total converted at `rate`: equal to `deposit` unless no 6-decimal rate gives it. */
  converted: Minor;
}

/** `value / divisor`, rounded half away from zero. */
function divideRounded(value: bigint, divisor: bigint): bigint {
  const negative = (value < 0n) !== (divisor < 0n);
  const a = value < 0n ? -value : value;
  const b = divisor < 0n ? -divisor : divisor;
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

function rateUnits(rate: string): bigint {
  const m = /^(\d{1,18})(?:\.(\d{1,6}))?$/.exec(rate.trim());
  if (!m) throw new RangeError(`Not an exchange rate: "${rate}"`);
  return BigInt(m[1]!) * RATE_SCALE + BigInt((m[2] ?? '').padEnd(RATE_DECIMALS, '0'));
}

/**
 * An amount in base currency: `amount` (in the settlement's minor units) divided by the rate,
 * rounded to the base currency's decimals, halves away from zero, so a carry-out and its carry-in
 * convert to exactly opposite amounts.
 */
export function toBase(amount: Minor, decimals: number, rate: string, baseDecimals: number): Minor {
  const units = rateUnits(rate);
  if (units === 0n) throw new RangeError('An exchange rate cannot be zero');
  const numerator = BigInt(amount) * RATE_SCALE * 10n ** BigInt(baseDecimals);
  const result = divideRounded(numerator, units * 10n ** BigInt(decimals));
  const value = Number(result);
  if (!Number.isSafeInteger(value)) throw new RangeError('Converted amount too large');
  return value;
}

/**
 * The rate that converts the settlement's total into the deposit that reached the bank: the
 * 6-decimal rate nearest the exact quotient among those that convert back to the deposit to the
 * cent, or the nearest one when none does (the preview then says by how much).
 */
export function rateFromDeposit(total: Minor, decimals: number, deposit: Minor, baseDecimals: number): string | RateProblem {
  if (total === 0 || deposit === 0) return 'zero';
  if (Math.sign(total) !== Math.sign(deposit)) return 'opposite-signs';
  const exact = divideRounded(BigInt(total) * RATE_SCALE * 10n ** BigInt(baseDecimals), BigInt(deposit) * 10n ** BigInt(decimals));
  const text = (units: bigint) => `${units / RATE_SCALE}.${String(units % RATE_SCALE).padStart(RATE_DECIMALS, '0')}`;
  for (let step = 0n; step <= SEARCH; step++) {
    for (const units of step === 0n ? [exact] : [exact - step, exact + step]) {
      if (units <= 0n) continue;
      if (toBase(total, decimals, text(units), baseDecimals) === deposit) return text(units);
    }
  }
  return text(exact > 0n ? exact : 1n);
}

/** Converts a settlement's total at the rate its deposit gives; a problem in words when it cannot. */
export function conversionOf(total: Minor, decimals: number, baseCurrency: string, deposit: Minor, baseDecimals: number): Conversion | string {
  const rate = rateFromDeposit(total, decimals, deposit, baseDecimals);
  if (rate === 'zero') return 'A settlement or deposit of zero has no exchange rate: leave the deposit blank.';
  if (rate === 'opposite-signs') {
    return `The deposit ${formatAmount(deposit, baseDecimals)} ${baseCurrency} has the opposite sign of the settlement's total: enter a negative amount for a settlement you paid Amazon.`;
  }
  return { baseCurrency, baseDecimals, rate, deposit, converted: toBase(total, decimals, rate, baseDecimals) };
}
