/**
 * What a foreign-currency settlement's deposit brought in the organisation's base currency, as a
 * person entered it. Kept in the records tab beside the settlement's record (one small row per
 * settlement: document properties are for fixed-size facts only). The settlement's one exchange
 * rate follows from it (core/exchange.ts).
 */
import { openRecords } from './records/open';

const PREFIX = 'settlesheet.deposit.';

/** The deposit as entered: a decimal amount in `currency` (the base currency when it was entered). */
export interface DepositRecord {
  amount: string;
  currency: string;
}

/** The deposit entered for a settlement, if any. */
export function readDeposit(settlementId: string): DepositRecord | undefined {
  const raw = openRecords().get(PREFIX + settlementId);
  return raw ? (JSON.parse(raw) as DepositRecord) : undefined;
}

/** Records a settlement's deposit, or forgets it when `record` is undefined. */
export function writeDeposit(settlementId: string, record: DepositRecord | undefined): void {
  const records = openRecords();
  if (record) records.set(PREFIX + settlementId, JSON.stringify(record));
  else if (records.get(PREFIX + settlementId) !== null) records.delete(PREFIX + settlementId);
}
