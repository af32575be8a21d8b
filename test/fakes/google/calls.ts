/**
 * One counter for every call a script makes on a fake service object, keyed `Service.method`
 * (`Range.setValues`, `SpreadsheetApp.getActiveSpreadsheet`). Benchmarks read it to prove that work
 * is batched, the way Apps Script's quotas and latency reward batching.
 */

/** Counts calls by `Service.method`, and the cells each Sheets call reads or writes. */
export class CallCounter {
  private readonly byName = new Map<string, number>();
  private largest = { name: '', cells: 0 };
  private largestRows = { name: '', cells: 0 };
  private cellTotal = 0;

  /** Records one call. */
  count(name: string): void {
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }

  /** Records the cells one call read, wrote, moved, cleared or formatted. */
  countCells(name: string, cells: number): void {
    this.cellTotal += cells;
    if (cells > this.largest.cells) this.largest = { name, cells };
  }

  /** Records the cells of the rows one call inserted, deleted, hid or showed (cost.ts). */
  countRowCells(name: string, cells: number): void {
    if (cells > this.largestRows.cells) this.largestRows = { name, cells };
  }

  /** The most cells of rows any one call inserted, deleted, hid or showed since the last reset. */
  largestRowChange(): { name: string; cells: number } {
    return { ...this.largestRows };
  }

  /** The most cells any one call touched since the last reset, and which call it was. */
  largestCall(): { name: string; cells: number } {
    return { ...this.largest };
  }

  /** The cells every call touched since the last reset. */
  cells(): number {
    return this.cellTotal;
  }

  /** Every count so far, as a plain record. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.byName);
  }

  /**
   * The number of calls whose name starts with the prefix (or with any of the prefixes), or of all
   * calls. Pass `'Range.'` rather than `'Range'` to leave out other services that share the start.
   */
  total(prefixFilter?: string | readonly string[]): number {
    const prefixes = prefixFilter === undefined ? [''] : typeof prefixFilter === 'string' ? [prefixFilter] : prefixFilter;
    let sum = 0;
    for (const [name, n] of this.byName) {
      if (prefixes.some((p) => name.startsWith(p))) sum += n;
    }
    return sum;
  }

  /** Forgets every count. */
  reset(): void {
    this.byName.clear();
    this.largest = { name: '', cells: 0 };
    this.largestRows = { name: '', cells: 0 };
    this.cellTotal = 0;
  }
}

/** The service names of Google's Sheets service, for `calls.total(SHEETS_SERVICES)`. */
export const SHEETS_SERVICES: readonly string[] = [
  'SpreadsheetApp.', 'Spreadsheet.', 'Sheet.', 'Range.', 'NamedRange.', 'Protection.',
  'DataValidation.', 'DataValidationBuilder.', 'ConditionalFormatRule.', 'ConditionalFormatRuleBuilder.',
  'BooleanCondition.', 'RichTextValue.', 'RichTextValueBuilder.',
];
