/**
 * A person typing into one cell, as in Google Sheets: the value goes in, then Sheets runs the
 * script's simple trigger `onEdit` with the event Google describes for an edit (Google, "Event
 * objects", Sheets Edit: `range`, `source`, `value` and `oldValue` for a single cell, `oldValue`
 * absent when the cell was empty, `authMode` LIMITED for an add-on's simple trigger), and shows
 * the toasts it makes. Used by the workbench page and the tests that edit a tab as a person.
 */
import type { GoogleWorld, ShownToast } from '../../test/fakes/google';
import type { AppsScriptRuntime } from './apps-script-runtime';
import { editCell } from './workbook-view';

/** One cell a person edits. */
export interface PersonEdit {
  sheet: string;
  row: number;
  column: number;
  value: string;
}

/** What the spreadsheet showed after the edit: the trigger's toasts, and its failure if it threw (Apps Script only logs it). */
export interface EditOutcome {
  toasts: ShownToast[];
  triggerError?: string;
}

/** `B7` for row 7, column 2. */
function a1(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Types `edit.value` into the cell as `user`, then runs `onEdit` as Sheets would. */
export function personEdits(world: GoogleWorld, runtime: AppsScriptRuntime, user: string, edit: PersonEdit): EditOutcome {
  const shown = world.inspect.ui().toasts.length;
  const oldValue = world.inspect.grid(edit.sheet, a1(edit.row, edit.column)).displayValues[0]?.[0] ?? '';
  editCell(world, user, edit);
  const answer = runtime.trigger(
    'onEdit',
    (scope) => {
      const services = scope as unknown as Pick<typeof globalThis, 'SpreadsheetApp' | 'ScriptApp'>;
      const source = services.SpreadsheetApp.getActiveSpreadsheet();
      const range = source.getSheetByName(edit.sheet)!.getRange(edit.row, edit.column);
      return { authMode: services.ScriptApp.AuthMode.LIMITED, range, source, value: edit.value, ...(oldValue === '' ? {} : { oldValue }) };
    },
    { user },
  );
  return { toasts: world.inspect.ui().toasts.slice(shown), ...(answer.thrown ? { triggerError: answer.thrown } : {}) };
}
