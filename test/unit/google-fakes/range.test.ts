// Ranges: Google's shape checks, grid bounds, A1 notation, formats, validation, rich text, copying.
import { createGoogleFakes } from '../../fakes/google';

function setup() {
  const world = createGoogleFakes({ sheetNames: ['Settlements', 'My Tab'] });
  const g = world.globalsFor({ user: 'seller@example.com' });
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return { world, g, ss, sheet: ss.getSheetByName('Settlements')! };
}

describe('Range', () => {
  it('refuses data of another shape with Google messages, rows checked first', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
    expect(() => range.setValues([1, 2, 3] as never)).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setValues.");
    // A refused write writes nothing.
    expect(sheet.getLastRow()).toBe(0);
  });

  it('throws Google messages for ranges outside the grid or of bad size', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(990, 1, 20, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 26)).not.toThrow();
  });

  it('reads A1 notation with sheet names, open ends and whole columns', () => {
    const { ss, sheet } = setup();
    const tab = ss.getRange("'My Tab'!B2:C3");
    expect(tab.getSheet().getName()).toBe('My Tab');
    expect([tab.getRow(), tab.getColumn(), tab.getNumRows(), tab.getNumColumns()]).toEqual([2, 2, 2, 2]);
    expect(tab.getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('A2:B').getLastRow()).toBe(1000);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('$Z$2').getColumn()).toBe(26);
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions of the sheet');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => sheet.getRange('A1:B2:C3')).toThrow('Range not found');
    expect(() => sheet.getRange(1 as never)).toThrow("don't match the method signature for SpreadsheetApp.Sheet.getRange.");
  });

  it('keeps number formats and returns General as 0.###############', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    expect(range.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    range.setNumberFormats([['@', '#,##0.00']]);
    expect(range.getNumberFormats()).toEqual([['@', '#,##0.00']]);
    range.setValues([['00042', '1234.5']]);
    expect(range.getValues()).toEqual([['00042', 1234.5]]);
    expect(range.getDisplayValues()).toEqual([['00042', '1,234.50']]);
  });

  it('refuses values a strict list validation does not allow, and allows them by default', () => {
    const { g, sheet } = setup();
    const strict = g.SpreadsheetApp.newDataValidation().requireValueInList(['Sales', 'Fees']).setAllowInvalid(false).build();
    const lenient = g.SpreadsheetApp.newDataValidation().requireValueInList(['Sales', 'Fees']).build();
    sheet.getRange('A1:A2').setDataValidation(strict);
    sheet.getRange('B1').setDataValidation(lenient);
    expect(() => sheet.getRange('A1:B2').setValues([['Sales', 'x'], ['Bogus', 'y']])).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.');
    expect(sheet.getRange('A1').getValue()).toBe('');
    sheet.getRange('A1:B2').setValues([['Sales', 'anything'], ['', 'y']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Sales', 'anything']]);
    const rule = sheet.getRange('A2').getDataValidation()!;
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Sales', 'Fees'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('C1').getDataValidation()).toBeNull();
  });

  it('checks range validations against the range cells', () => {
    const { g, ss, sheet } = setup();
    ss.getSheetByName('My Tab')!.getRange('A1:A2').setValues([['Revenue'], ['Expense']]);
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInRange(ss.getRange("'My Tab'!A1:A2")).setAllowInvalid(false).build();
    sheet.getRange('A1').setDataValidation(rule);
    expect(() => sheet.getRange('A1').setValue('Other')).toThrow('violates the data validation rules');
    sheet.getRange('A1').setValue('Expense');
    expect(sheet.getRange('A1').getValue()).toBe('Expense');
  });

  it('stores rich text as text with its link', () => {
    const { g, sheet } = setup();
    const link = g.SpreadsheetApp.newRichTextValue().setText('12345').setLinkUrl('https://go.xero.com/i/1').build();
    sheet.getRange('A1').setRichTextValue(link);
    expect(sheet.getRange('A1').getValue()).toBe('12345');
    const read = sheet.getRange('A1').getRichTextValue()!;
    expect(read.getText()).toBe('12345');
    expect(read.getLinkUrl()).toBe('https://go.xero.com/i/1');
    sheet.getRange('A1').setValue('plain');
    expect(sheet.getRange('A1').getRichTextValue()!.getLinkUrl()).toBeNull();
    sheet.getRange('A2').setValue(5);
    expect(sheet.getRange('A2').getRichTextValue()).toBeNull();
  });

  it('copies values, formulas and formats, or only contents', () => {
    const { sheet } = setup();
    const source = sheet.getRange('A1:B1');
    source.setNumberFormats([['0.00', '@']]);
    source.setValues([[1.5, '=HYPERLINK("https://x","label")']]);
    source.setBackground('#ff0000');
    source.copyTo(sheet.getRange('D5'));
    const copy = sheet.getRange('D5:E5');
    expect(copy.getValues()).toEqual([[1.5, '=HYPERLINK("https://x","label")']]);
    expect(copy.getNumberFormats()).toEqual([['0.00', '@']]);
    expect(copy.getBackground()).toBe('#ff0000');
    source.copyTo(sheet.getRange('D7'), { contentsOnly: true });
    expect(sheet.getRange('D7:E7').getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    expect(sheet.getRange('D7').getDisplayValue()).toBe('1.5');
    expect(() => source.copyTo(sheet.getRange('Z1'))).toThrow('outside the dimensions of the sheet');
  });

  it('sets formulas, even in a plain-text cell, and writes other text as a value', () => {
    const { sheet } = setup();
    const cells = sheet.getRange('A1:B1');
    cells.setNumberFormat('@');
    cells.setFormulas([['=1+2', '007']]);
    expect(cells.getFormulas()).toEqual([['=1+2', '']]);
    expect(cells.getValues()).toEqual([[3, '007']]);
    sheet.getRange('C1:C2').setFormula('=HYPERLINK("https://x","go")');
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['go'], ['go']]);
  });

  it('clears contents, formats or both', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setNumberFormat('0.00').setValue(3).setNote('checked');
    cell.clearContent();
    expect([cell.getValue(), cell.getNumberFormat(), cell.getNote()]).toEqual(['', '0.00', 'checked']);
    cell.setValue(3);
    cell.clear();
    expect([cell.getValue(), cell.getNumberFormat(), cell.getNote()]).toEqual(['', '0.###############', '']);
  });

  it('offsets, activates and knows its last row', () => {
    const { ss, sheet } = setup();
    const moved = sheet.getRange('B2').offset(1, 2, 3, 4);
    expect(moved.getA1Notation()).toBe('D3:G5');
    expect(moved.getLastRow()).toBe(5);
    expect(moved.getLastColumn()).toBe(7);
    expect(moved.getCell(2, 2).getA1Notation()).toBe('E4');
    moved.activate();
    expect(ss.getActiveRange().getA1Notation()).toBe('D3:G5');
    expect(ss.getActiveSheet().getName()).toBe('Settlements');
  });

  it('records simple styles', () => {
    const { world, sheet } = setup();
    sheet.getRange('A1:B1').setFontWeight('bold').setBackground('#eeeeee').setFontColor('#333333')
      .setWrap(true).setHorizontalAlignment('right');
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('C1').getFontWeight()).toBe('normal');
    expect(world.inspect.grid('Settlements', 'A1:A1').styles[0]![0]).toEqual({
      fontWeight: 'bold', background: '#eeeeee', fontColor: '#333333', wrap: true, horizontalAlignment: 'right',
    });
  });
});
