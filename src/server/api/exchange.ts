/**
 * A foreign-currency settlement's one exchange rate: entering the amount its deposit brought in
 * the organisation's base currency, and turning that into the rate every document carries and the
 * base-currency amounts the preview shows.
 */
import type { ExchangeDto } from '../../api/types';
import { conversionOf, type Conversion } from '../../core/exchange';
import { currencyDecimals, formatAmount, parseAmount } from '../../core/money';
import type { SettlementHeader } from '../../core/settlement/types';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import { readDeposit, writeDeposit } from '../deposits';
import { appsScriptEnvironment } from '../xero/environment';
import { SettlementRegistry } from '../registry';
import { UserFacingError } from './envelope';

/** The conversion the entered deposit gives a settlement, when one was entered in another currency. */
export function conversionOfSettlement(header: SettlementHeader): Conversion | undefined {
  const deposit = readDeposit(header.settlementId);
  if (!deposit || deposit.currency === header.currency) return undefined;
  const baseDecimals = currencyDecimals(deposit.currency);
  const amount = parseAmount(deposit.amount, baseDecimals);
  if (typeof amount !== 'number') return undefined;
  const conversion = conversionOf(header.totalAmount, header.decimals, deposit.currency, amount, baseDecimals);
  return typeof conversion === 'string' ? undefined : conversion;
}

/** What the preview says about a settlement's currency, when it is not the organisation's. */
export function exchangeView(header: SettlementHeader, baseCurrency: string | undefined, conversion: Conversion | undefined): ExchangeDto | undefined {
  const base = conversion?.baseCurrency ?? baseCurrency;
  if (base === undefined || base === header.currency) return undefined;
  if (!conversion) return { baseCurrency: base };
  const money = (m: number) => formatAmount(m, conversion.baseDecimals);
  return { baseCurrency: base, deposit: money(conversion.deposit), rate: conversion.rate, converted: money(conversion.converted) };
}

/**
 * Records the amount a settlement's deposit brought in the organisation's base currency (read from
 * Xero, so the person must be connected), or forgets it when the amount is blank.
 */
export function saveDeposit(request: { settlementId: string; amount: string }): { saved: boolean } {
  const record = SettlementRegistry.active().get(request.settlementId);
  if (!record) throw new UserFacingError(`Settlement ${request.settlementId} is not imported in this spreadsheet. Import its file first.`);
  if (request.amount.trim() === '') {
    writeDeposit(request.settlementId, undefined);
    return { saved: true };
  }
  const loaded = loadSpreadsheetReference(appsScriptEnvironment(), false);
  if (!loaded.ok) {
    throw new UserFacingError(`Connect to Xero first: the deposit is entered in your organisation's base currency, which SettleSheet reads from Xero. (${loaded.failure.message})`);
  }
  const base = loaded.value.reference.baseCurrency;
  const { header } = record;
  if (base === header.currency) throw new UserFacingError(`This settlement is in ${base}, the organisation's own currency: there is no exchange rate to set.`);
  const decimals = currencyDecimals(base);
  const entered = parseAmount(request.amount, decimals);
  if (typeof entered !== 'number') throw new UserFacingError(`"${request.amount}" is not an amount in ${base} (${decimals} decimals).`);
  const totalDecimals = currencyDecimals(header.currency);
  const total = parseAmount(header.totalAmount, totalDecimals);
  // When Amazon took money (a negative settlement), people type what left their account as a
  // positive amount, as their bank or card statement shows it: it is the same money going out.
  const amount = typeof total === 'number' && total < 0 && entered > 0 ? -entered : entered;
  const conversion = conversionOf(typeof total === 'number' ? total : 0, totalDecimals, base, amount, decimals);
  if (typeof conversion === 'string') throw new UserFacingError(conversion);
  writeDeposit(request.settlementId, { amount: formatAmount(amount, decimals), currency: base });
  return { saved: true };
}
