// Issue 11 §4: one exchange rate per settlement, derived from the deposit that reached the bank.
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { conversionOf, rateFromDeposit, toBase } from '../../../src/core/exchange';
import { defaultMapping } from '../../../src/core/mapping';
import { summariseSettlement } from '../../../src/core/summary';
import { buildDocuments } from '../../../src/core/xero/documents';
import { aggregateOf, minor } from '../../support/build-aggregate';

describe('rateFromDeposit', () => {
  it('finds a 6-decimal rate that converts the total into the deposit exactly (EUR settlement, GBP bank)', () => {
    const rate = rateFromDeposit(minor('1234.56', 'EUR'), 2, minor('1053.21', 'GBP'), 2);
    expect(rate).toMatch(/^\d+\.\d{6}$/);
    expect(toBase(minor('1234.56', 'EUR'), 2, rate as string, 2)).toBe(minor('1053.21', 'GBP'));
    // The rate is units of the settlement's currency per unit of base currency.
    expect(new Decimal(rate as string).minus(new Decimal('1234.56').div('1053.21')).abs().lessThan('0.000001')).toBe(true);
  });

  it('works across decimals: yen settled into pounds', () => {
    const rate = rateFromDeposit(1280000, 0, minor('6843.21', 'GBP'), 2) as string;
    expect(toBase(1280000, 0, rate, 2)).toBe(minor('6843.21', 'GBP'));
  });

  it('refuses a zero settlement or a deposit of the other sign, in words', () => {
    expect(conversionOf(0, 2, 'GBP', 100, 2)).toContain('zero');
    expect(conversionOf(-500, 2, 'GBP', 400, 2)).toContain('opposite sign');
    expect(conversionOf(-50000, 2, 'GBP', -42000, 2)).toMatchObject({ converted: -42000 });
  });

  it('converts back to any deposit of a normal size exactly, and says so when it cannot', () => {
    fc.assert(fc.property(fc.integer({ min: 100, max: 5_000_000 }), fc.integer({ min: 50, max: 200 }), (total, percent) => {
      const deposit = Math.round((total * percent) / 100);
      const conversion = conversionOf(total, 2, 'GBP', deposit, 2);
      if (typeof conversion === 'string') throw new Error(conversion);
      // One step of the rate's 6th decimal moves the converted total by deposit² / total × 10⁻⁶:
      // while that is at most a cent, some rate lands on the deposit exactly; past it, the nearest
      // rate is off by at most half a step.
      const step = ((deposit / 100) ** 2 / (total / 100)) * 1e-6 * 100;
      if (step <= 1) expect(conversion.converted).toBe(deposit);
      else expect(Math.abs(conversion.converted - deposit)).toBeLessThanOrEqual(Math.ceil(step / 2));
    }));
  });
});

describe('the month carry in base currency', () => {
  it('clears: every document uses the one rate, and a carry-out and its carry-in convert to opposite amounts', () => {
    const header = { currency: 'EUR', start: '2025-07-25T00:00:00Z', end: '2025-08-08T00:00:00Z', depositDate: '2025-08-10T00:00:00Z' };
    const summary = summariseSettlement(aggregateOf([
      ['Order', 'ItemPrice', 'Principal', '2025-07-28', '1234.57', 'Amazon.de'],
      ['Order', 'ItemFees', 'Commission', '2025-07-28', '-185.19', 'Amazon.de'],
      ['Order', 'ItemPrice', 'Principal', '2025-08-03', '333.33', 'Amazon.de'],
    ], header), defaultMapping(), { split: 'carry' });
    const conversion = conversionOf(summary.header.totalAmount, 2, 'GBP', minor('1177.45', 'GBP'), 2);
    if (typeof conversion === 'string') throw new Error(conversion);
    const built = buildDocuments(summary, { status: 'DRAFT', currencyRate: conversion.rate });
    if (!built.ok) throw new Error(built.problems.join());
    expect(new Set(built.documents.map((d) => d.invoice.CurrencyRate))).toEqual(new Set([Number(conversion.rate)]));
    const carried = built.documents.flatMap((d) => d.invoice.LineItems).filter((l) => l.AccountCode === '2010');
    expect(carried).toHaveLength(2);
    const inBase = carried.map((l) => toBase(minor(String(l.LineAmount), 'EUR'), 2, conversion.rate, 2));
    expect(inBase[0]! + inBase[1]!).toBe(0);
    // The deposit in base currency is what the document carrying it converts to.
    expect(toBase(built.documents.at(-1)!.total, 2, conversion.rate, 2)).toBe(minor('1177.45', 'GBP'));
  });
});
