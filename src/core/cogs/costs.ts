/**
 * The Costs table: what one unit of each SKU cost, in which currency, from when to when. People
 * keep it in the Costs tab (or a CSV for the command line); columns are found by header name.
 * A later row supersedes an earlier one for the days it covers, so a new price is one new row.
 *
 * Costs are exact: a unit cost must fit its currency's decimals (2.50 GBP, 300 JPY), so units ×
 * cost needs no rounding anywhere; a cost with more decimals is refused, never rounded.
 */
import { currencyDecimals, isCurrencyCode, parseAmount, type Minor } from '../money';

/** The Costs tab's columns: the cost itself, then what the add-on notes about SKUs it saw. */
export const COSTS_COLUMNS = ['SKU', 'Unit cost', 'Currency', 'Effective from', 'Effective to', 'Note', 'Units seen', 'Seen in'] as const;

/** One SKU's cost for a period. */
export interface SkuCost {
  /** Exactly as written (trimmed): `00123` and `=1+1` are SKUs like any other. */
  sku: string;
  unitCost: Minor;
  /** ISO 4217, upper case. */
  currency: string;
  /** The currency's decimals (the cost is in its minor units). */
  decimals: number;
  /** `YYYY-MM-DD`, inclusive, or blank. */
  effectiveFrom: string;
  effectiveTo: string;
  /** 1-based row as the person sees it (the header is row 1). */
  row: number;
}

/** A row of the Costs table that could not be read, said so the person can fix that cell. */
export interface CostsProblem {
  row: number;
  column: string;
  message: string;
}

/** The usable cost rows, the problems with the others, and every SKU the table names. */
export interface CostsReading {
  rows: SkuCost[];
  problems: CostsProblem[];
  /** SKUs listed, with or without a cost (so an import adds only SKUs the table does not name). */
  listed: Set<string>;
}

type Cells = readonly string[];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Reads the Costs table (header first). A row with a SKU and no unit cost is a SKU waiting for
 * its cost (the add-on appends those), not a cost; `table` names the table in messages.
 */
export function readCostsTable(rows: readonly Cells[], table = 'Costs'): CostsReading {
  const [header = [], ...body] = rows;
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const k = String(h ?? '').trim().toLowerCase();
    if (k && !at.has(k)) at.set(k, i);
  });
  const missing = ['SKU', 'Unit cost', 'Currency'].filter((name) => !at.has(name.toLowerCase()));
  const listed = new Set<string>();
  if (missing.length > 0) {
    const problems = missing.map((column) => ({ row: 1, column, message: `${table}: the header row has no "${column}" column. Add it back (the header names matter, not their order).` }));
    return { rows: [], problems, listed };
  }
  const result: CostsReading = { rows: [], problems: [], listed };
  body.forEach((cells, i) => {
    const row = i + 2;
    const get = (name: string) => {
      const index = at.get(name.toLowerCase());
      return index === undefined ? '' : String(cells[index] ?? '').trim();
    };
    const problem = (column: string, what: string) => result.problems.push({ row, column, message: `${table} row ${row}, column ${column}: ${what}` });
    const sku = get('SKU');
    const cost = get('Unit cost');
    if (sku === '') {
      if (cost !== '') problem('SKU', 'the SKU is blank. Fill it in or delete the row.');
      return;
    }
    listed.add(sku);
    if (cost === '') return;
    const currency = get('Currency').toUpperCase();
    if (!isCurrencyCode(currency)) {
      problem('Currency', currency === '' ? `the currency of ${sku}'s cost is blank. Write its three-letter code (e.g. USD).` : `"${currency}" is not a currency code. Write a three-letter code such as USD or GBP.`);
      return;
    }
    const decimals = currencyDecimals(currency);
    const unitCost = parseAmount(cost, decimals);
    if (typeof unitCost !== 'number') {
      problem(
        'Unit cost',
        unitCost === 'too-many-decimals'
          ? `"${cost}" has more decimals than ${currency} amounts have (${decimals}). Write the cost of one unit in ${currency}'s smallest unit (SettleSheet never rounds a cost).`
          : `"${cost}" is not an amount. Write the cost of one unit, e.g. 4.25.`,
      );
      return;
    }
    if (unitCost < 0) {
      problem('Unit cost', `"${cost}" is negative. A unit cost is zero or more.`);
      return;
    }
    const effectiveFrom = get('Effective from');
    const effectiveTo = get('Effective to');
    for (const [column, value] of [['Effective from', effectiveFrom], ['Effective to', effectiveTo]] as const) {
      if (value !== '' && !isIsoDate(value)) {
        problem(column, `"${value}" is not a date. Write it as YYYY-MM-DD or leave it blank.`);
        return;
      }
    }
    if (effectiveFrom && effectiveTo && effectiveFrom > effectiveTo) {
      problem('Effective to', `the period ends (${effectiveTo}) before it starts (${effectiveFrom}).`);
      return;
    }
    result.rows.push({ sku, unitCost, currency, decimals, effectiveFrom, effectiveTo, row });
  });
  return result;
}

/** Finds the cost of a SKU on a day: the last row of the table whose period covers the day. */
export interface CostBook {
  costOf(sku: string, day: string): SkuCost | undefined;
}

/** A cost book over the rows of a Costs table. */
export function costBook(rows: readonly SkuCost[]): CostBook {
  const bySku = new Map<string, SkuCost[]>();
  for (const row of rows) {
    const list = bySku.get(row.sku);
    if (list) list.push(row);
    else bySku.set(row.sku, [row]);
  }
  return {
    costOf(sku, day) {
      const list = bySku.get(sku);
      if (!list) return undefined;
      for (let i = list.length - 1; i >= 0; i--) {
        const row = list[i]!;
        if ((row.effectiveFrom === '' || row.effectiveFrom <= day) && (row.effectiveTo === '' || day <= row.effectiveTo)) return row;
      }
      return undefined;
    },
  };
}
