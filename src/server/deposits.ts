/**
 * What a foreign-currency settlement's deposit brought in the organisation's base currency, as a
 * person entered it (document properties: shared by every editor, a few dozen bytes each). The
 * settlement's one exchange rate follows from it (core/exchange.ts).
 */
const PREFIX = 'settlesheet.deposit.';

/** The deposit as entered: a decimal amount in `currency` (the base currency when it was entered). */
export interface DepositRecord {
  amount: string;
  currency: string;
}

/** The deposit entered for a settlement, if any. */
export function readDeposit(settlementId: string): DepositRecord | undefined {
  const raw = PropertiesService.getDocumentProperties().getProperty(PREFIX + settlementId);
  return raw ? (JSON.parse(raw) as DepositRecord) : undefined;
}

/** Records a settlement's deposit, or forgets it when `record` is undefined. */
export function writeDeposit(settlementId: string, record: DepositRecord | undefined): void {
  const properties = PropertiesService.getDocumentProperties();
  if (record) properties.setProperty(PREFIX + settlementId, JSON.stringify(record));
  else properties.deleteProperty(PREFIX + settlementId);
}
