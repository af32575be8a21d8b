// Sheets and the spreadsheet: sizes, names, growth, Google's 10,000,000-cell limit, and tab settings.
import { createGoogleFakes } from '../../fakes/google';

function setup(sheetNames?: string[]) {
  const world = createGoogleFakes({ sheetNames });
  const g = world.globalsFor({ user: 'seller@example.com' });
  return { world, g, ss: g.SpreadsheetApp.getActiveSpreadsheet() };
}

describe('Spreadsheet and Sheet', () => {
  it('makes new sheets 1000 rows × 26 columns and activates them', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Settlements');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getActiveSheet().getName()).toBe('Settlements');
    expect(ss.insertSheet().getName()).toBe('Sheet3');
    expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Settlements', 'Sheet3']);
    // A new spreadsheet's first tab has gid 0; every tab's id is distinct and found again by id.
    const ids = ss.getSheets().map((s) => s.getSheetId());
    expect(ss.getSheetByName('Sheet1')!.getSheetId()).toBe(0);
    expect(new Set(ids).size).toBe(4);
    expect(ss.getSheetById(ids[2]!)!.getName()).toBe('Settlements');
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  it('refuses a duplicate tab name, ignoring case, with Google message', () => {
    const { ss } = setup();
    ss.insertSheet('Settlements');
    expect(() => ss.insertSheet('settlements')).toThrow(
      'A sheet with the name "settlements" already exists. Please enter another name.');
    expect(() => ss.getSheetByName('Sheet1')!.setName('SETTLEMENTS')).toThrow('already exists');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('refuses to pass 10,000,000 cells in any way the grid grows', () => {
    const { ss } = setup();
    const message = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    const big = ss.getSheetByName('Sheet1')!;
    // 26 columns × 384,615 rows = 9,999,990 cells: ten cells short of the limit.
    big.insertRowsAfter(1000, 384615 - 1000);
    expect(big.getMaxRows()).toBe(384615);
    expect(() => big.insertRowsAfter(1, 1)).toThrow(message);
    expect(() => big.insertColumnsAfter(26, 1)).toThrow(message);
    expect(() => ss.insertSheet('More')).toThrow(message);
    big.getRange(384615, 1).setValue('last');
    expect(() => big.appendRow(['x'])).toThrow(message);
    expect(big.getMaxRows()).toBe(384615);
    big.deleteRows(2, 1000);
    expect(() => ss.insertSheet('More')).not.toThrow();
  });

  it('appends after the last row with content and grows the sheet when full', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Sheet1')!;
    sheet.getRange('A3').setNumberFormat('0.00');
    sheet.appendRow(['a', '007']);
    // Formats are not content: the row goes to row 1, and '007' is read as a number.
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', 7]]);
    sheet.getRange(1000, 1).setValue('bottom');
    sheet.appendRow(['new', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getLastRow()).toBe(1001);
    expect(sheet.getRange(1001, 27).getValue()).toBe(26);
  });

  it('reports the last row and column with content, and the data range', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Sheet1')!;
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A2').setFormula('=1+1');
    sheet.getRange('F9').setNumberFormat('@');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  it('moves named ranges with inserted and deleted rows (a Range stays put)', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Sheet1')!;
    const table = sheet.getRange('A5:C10');
    ss.setNamedRange('Table', table);
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('Table')!.getA1Notation()).toBe('A7:C12');
    expect(table.getA1Notation()).toBe('A5:C10');
    sheet.insertRowsAfter(8, 3);
    expect(ss.getRangeByName('Table')!.getA1Notation()).toBe('A7:C15');
    sheet.insertRowsAfter(15, 1);
    expect(ss.getRangeByName('Table')!.getA1Notation()).toBe('A7:C15');
    sheet.deleteRows(1, 8);
    expect(ss.getRangeByName('Table')!.getA1Notation()).toBe('A1:C7');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Table']);
    expect(ss.getRangeByName('Missing')).toBeNull();
    expect(() => ss.setNamedRange('A1', table)).toThrow('not a valid range name');
  });

  it('moves cell contents when rows and columns are inserted or deleted', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Sheet1')!;
    sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    sheet.insertRowsAfter(1, 1);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B1:C3').getValues()).toEqual([[1, 2], ['', ''], [3, 4]]);
    sheet.deleteRows(2, 1);
    sheet.deleteColumns(1, 1);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([[1, 2], [3, 4]]);
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
  });

  it('moves off a tab when it is hidden while active, as Sheets never shows a hidden tab', () => {
    const { ss } = setup(['Data', 'Settings']);
    const settings = ss.getSheetByName('Settings')!;
    settings.activate();
    settings.hideSheet();
    expect(ss.getActiveSheet().getName()).toBe('Data');
  });

  it('hides, protects, freezes and colours tabs, and keeps one sheet visible', () => {
    const { world, g, ss } = setup(['Data', 'Settings']);
    const settings = ss.getSheetByName('Settings')!;
    settings.hideSheet();
    expect(settings.isSheetHidden()).toBe(true);
    expect(() => ss.getSheetByName('Data')!.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const protection = settings.protect().setDescription('SettleSheet settings').setWarningOnly(true);
    expect(settings.protect().getDescription()).toBe('SettleSheet settings');
    expect(settings.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(protection.isWarningOnly()).toBe(true);
    settings.setFrozenRows(1);
    settings.setTabColor('#0b8043');
    settings.setColumnWidth(2, 240);
    expect(settings.getColumnWidth(2)).toBe(240);
    expect(settings.getColumnWidth(3)).toBe(100);
    expect(world.inspect.sheet('Settings')).toMatchObject({
      hidden: true, frozenRows: 1, tabColor: '#0b8043', columnWidths: { 2: 240 },
      protections: [{ type: 'SHEET', description: 'SettleSheet settings', warningOnly: true, range: 'Settings!A1:Z1000' }],
    });
    protection.remove();
    expect(settings.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
  });

  it('keeps conditional format rules with their ranges', () => {
    const { world, g, ss } = setup();
    const sheet = ss.getSheetByName('Sheet1')!;
    const rule = g.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$D2<>0').setBackground('#f4cccc').setRanges([sheet.getRange('A2:D100')]).build();
    sheet.setConditionalFormatRules([rule]);
    const [read] = sheet.getConditionalFormatRules();
    expect(read!.getBooleanCondition().getCriteriaValues()).toEqual(['=$D2<>0']);
    expect(read!.getRanges()[0]!.getA1Notation()).toBe('A2:D100');
    expect(world.inspect.sheet('Sheet1').conditionalFormatRules).toEqual([{
      criteria: 'CUSTOM_FORMULA', values: ['=$D2<>0'], background: '#f4cccc', fontColor: null, ranges: ['Sheet1!A2:D100'],
    }]);
  });

  it('deletes sheets but never the last one', () => {
    const { ss } = setup(['A', 'B']);
    ss.deleteSheet(ss.getSheetByName('A')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B']);
    expect(() => ss.deleteSheet(ss.getSheetByName('B')!)).toThrow("You can't remove all the sheets in a document.");
  });

  it('gives the spreadsheet an id, a URL and a time zone', () => {
    const world = createGoogleFakes({ spreadsheetId: 'abc123', timeZone: 'Europe/London' });
    const ss = world.globalsFor({ user: 'a@example.com' }).SpreadsheetApp.getActive();
    expect(ss.getId()).toBe('abc123');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc123/edit');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    ss.toast('Imported 10 lines', 'SettleSheet');
    expect(world.inspect.ui().toasts).toEqual([{ message: 'Imported 10 lines', title: 'SettleSheet', timeoutSeconds: 5 }]);
  });
});
