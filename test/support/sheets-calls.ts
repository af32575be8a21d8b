/**
 * Which Sheets calls move data: reads and writes of cells and formats, and changes to the grid.
 * Getting a handle (a sheet by name, a range) or metadata (the last row) is not one. The import
 * budget and the preview's constant cost are measured on these; totals of every call are reported
 * beside them. The classification is the fakes' own (test/fakes/google/cost.ts), which also prices
 * each call on the world's clock.
 */
import { isSheetsDataCall, SHEETS_CLASSES } from '../fakes/google/cost';

/** Sheets calls in a count record, split into data calls and all calls. */
export function sheetsCalls(counts: Record<string, number>): { data: number; all: number; byMethod: Record<string, number> } {
  let data = 0;
  let all = 0;
  const byMethod: Record<string, number> = {};
  for (const [name, n] of Object.entries(counts)) {
    if (!SHEETS_CLASSES.has(name.slice(0, name.indexOf('.')))) continue;
    all += n;
    if (isSheetsDataCall(name)) {
      data += n;
      byMethod[name] = n;
    }
  }
  return { data, all, byMethod };
}
