import { createGoogleFakes } from '../../fakes/google';
import { editCell, snapshotWorkbook, WINDOW_ROWS } from '../../../src/workbench/workbook-view';

function world() {
  const w = createGoogleFakes({ sheetNames: ['Sheet1', 'Lists', 'Big'] });
  w.run('seller@example.com', (g) => {
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const lists = ss.getSheetByName('Lists')!;
    lists.getRange('A1:A3').setValues([['Category'], ['Sales'], ['FBA fees']]);
    lists.hideSheet();
    const sheet = ss.getSheetByName('Sheet1')!;
    sheet.getRange('A1:C1').setValues([['Description', 'Category', 'Total']]);
    sheet.getRange('A2').setValue('<b>not markup</b>');
    sheet.getRange('C2').setFormula('=1+1');
    sheet.getRange('B2').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInRange(lists.getRange('A2:A')).build());
    sheet.getRange('A1').setBackground('#e8eaed').setFontWeight('bold');
    const big = ss.getSheetByName('Big')!;
    big.getRange(1, 1, 1000, 1).setValues(Array.from({ length: 1000 }, (_, i) => [`row ${i + 1}`]));
    sheet.activate();
  });
  return w;
}

describe('the workbench view of the workbook', () => {
  it('lists every tab, marking the hidden ones', () => {
    const snapshot = snapshotWorkbook(world());
    expect(snapshot.tabs.map((t) => [t.name, t.hidden])).toEqual([['Sheet1', false], ['Lists', true], ['Big', false]]);
    expect(snapshot.sheet).toBe('Sheet1');
  });

  it('shows text as text, formulas as formulas, looks, and the choices of a dropdown read from its range', () => {
    const { cells } = snapshotWorkbook(world(), { sheet: 'Sheet1' });
    expect(cells[0]![0]).toEqual({ text: 'Description', background: '#e8eaed', bold: true });
    expect(cells[1]![0]).toEqual({ text: '<b>not markup</b>' });
    expect(cells[1]![1]).toEqual({ text: '', options: ['Sales', 'FBA fees'] });
    expect(cells[1]![2]).toMatchObject({ formula: '=1+1' });
  });

  it('shows a window of a long tab, around the active cell unless a start is asked for', () => {
    const w = world();
    w.run('seller@example.com', (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Big')!.getRange('A700').activate());
    const around = snapshotWorkbook(w);
    expect(around.sheet).toBe('Big');
    expect(around.cells).toHaveLength(WINDOW_ROWS);
    expect(around.firstRow).toBe(700 - WINDOW_ROWS / 2);
    expect(around.cells[WINDOW_ROWS / 2]![0]!.text).toBe('row 700');
    expect(snapshotWorkbook(w, { sheet: 'Big', from: 950 })).toMatchObject({ firstRow: 1000 - WINDOW_ROWS + 1, lastRow: 1000 });
  });

  it('paints what conditional formatting paints: a row waiting for a category is highlighted, the others are not', () => {
    const w = createGoogleFakes({ sheetNames: ['Mapping'] });
    w.run('seller@example.com', (g) => {
      const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!;
      sheet.getRange('A1:G1').setValues([['Transaction type', 'Amount type', 'Amount description', 'Marketplace', 'From', 'To', 'Category']]);
      sheet.getRange('A2:G4').setValues([
        ['Order', 'ItemPrice', 'Principal', '', '', '', 'Sales'],
        ['other-transaction', 'other-transaction', 'Inventory Placement Service Fee', '', '', '', ''],
        ['', '', '', '', '', '', ''],
      ]);
      sheet.setFrozenRows(1);
      const waiting = g.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=AND(LEN($A2&$B2&$C2)>0,LEN($G2)=0)')
        .setBackground('#fff2cc')
        .setRanges([sheet.getRange(2, 1, sheet.getMaxRows() - 1, 7)])
        .build();
      sheet.setConditionalFormatRules([waiting]);
    });
    const { cells, frozen } = snapshotWorkbook(w, { sheet: 'Mapping' });
    expect(frozen.map((r) => r[0]!.text)).toEqual(['Transaction type']);
    expect(cells.map((r) => r.map((c) => c.background ?? '-').join(' '))).toEqual([
      '- - - - - - -',
      '#fff2cc #fff2cc #fff2cc #fff2cc #fff2cc #fff2cc #fff2cc',
    ]);
  });

  it('keeps the frozen rows on top when the window starts further down', () => {
    const w = world();
    w.run('seller@example.com', (g) => {
      const big = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Big')!;
      big.setFrozenRows(1);
      big.getRange('A700').activate();
    });
    const around = snapshotWorkbook(w);
    expect(around.frozen.map((r) => r[0]!.text)).toEqual(['row 1']);
    expect(around.cells[0]![0]!.text).toBe(`row ${around.firstRow}`);
    expect(snapshotWorkbook(w, { sheet: 'Big', from: 1 }).cells[0]![0]!.text).toBe('row 2');
  });

  it('edits a cell as typing would: text stays text, a leading = makes a formula', () => {
    const w = world();
    editCell(w, 'seller@example.com', { sheet: 'Sheet1', row: 2, column: 2, value: 'FBA fees' });
    editCell(w, 'seller@example.com', { sheet: 'Sheet1', row: 3, column: 3, value: '=2*3' });
    const grid = w.inspect.grid('Sheet1');
    expect(grid.values[1]![1]).toBe('FBA fees');
    expect(grid.formulas[2]![2]).toBe('=2*3');
    expect(() => editCell(w, 'seller@example.com', { sheet: 'Nope', row: 1, column: 1, value: 'x' })).toThrow(/no tab named "Nope"/);
  });
});
