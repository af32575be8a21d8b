/**
 * Sheets' date-time serial numbers: days since 1899-12-30 on the wall clock of the spreadsheet's
 * time zone (so 45883.5 is noon on 2025-08-14 wherever the spreadsheet lives).
 */
import { wallClockAsUtc, type WallClock } from '../tz';

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** The date-time serial of a wall clock. */
export function serialOf(w: WallClock): number {
  return (wallClockAsUtc(w) - SERIAL_EPOCH) / DAY_MS;
}

/** The wall clock a serial stands for, to the millisecond. */
export function wallClockOfSerial(serial: number): WallClock {
  const d = new Date(Math.round(serial * DAY_MS) + SERIAL_EPOCH);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  };
}
