/**
 * Which Sheets calls move data: reads and writes of cells and formats, and changes to the grid.
 * Getting a handle (a sheet by name, a range) or metadata (the last row) is not one. The import
 * budget and the preview's constant cost are measured on these; totals of every call are reported
 * beside them.
 */
const DATA_METHODS = new Set([
  'getValues', 'getValue', 'getDisplayValues', 'getDisplayValue', 'getFormulas', 'getFormula', 'getNumberFormats', 'getRichTextValues',
  'getDataValidations', 'setValues', 'setValue', 'setFormula', 'setFormulas', 'setNumberFormat', 'setNumberFormats', 'setRichTextValue',
  'setRichTextValues', 'setDataValidation', 'setDataValidations', 'setNote', 'clear', 'clearContent', 'clearContents', 'clearFormat', 'clearFormats',
  'copyTo', 'moveTo', 'appendRow', 'insertRows', 'insertRowsAfter', 'insertRowsBefore', 'insertRowAfter', 'insertRowBefore', 'deleteRows', 'deleteRow',
  'insertColumnsAfter', 'insertColumnsBefore', 'deleteColumns', 'insertSheet', 'deleteSheet', 'hideSheet', 'showSheet', 'setConditionalFormatRules',
  'setFontWeight', 'setBackground', 'setBackgrounds', 'protect', 'setColumnWidth', 'setColumnWidths', 'setFrozenRows', 'sort',
]);

const SHEETS_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList']);

/** Sheets calls in a count record, split into data calls and all calls. */
export function sheetsCalls(counts: Record<string, number>): { data: number; all: number; byMethod: Record<string, number> } {
  let data = 0;
  let all = 0;
  const byMethod: Record<string, number> = {};
  for (const [name, n] of Object.entries(counts)) {
    const [cls, method] = name.split('.') as [string, string];
    if (!SHEETS_CLASSES.has(cls)) continue;
    all += n;
    if (DATA_METHODS.has(method)) {
      data += n;
      byMethod[name] = n;
    }
  }
  return { data, all, byMethod };
}
