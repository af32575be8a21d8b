import { conditionalBackgrounds } from '../../../src/workbench/conditional-looks';

const rule = (formula: string, range = "'Accounts'!A2:H100", background = '#f4c7c3') => ({ criteria: 'CUSTOM_FORMULA', values: [formula], background, fontColor: null, ranges: [range] });

describe('conditional formatting in the workbench view', () => {
  const accounts = {
    firstRow: 2,
    text: [
      ['Sales', '', '', '', '201', 'NONE', 'Amazon Sales', 'OK'],
      ['Storage', '', '', '', '999', 'NONE', '', 'Account 999 is not in Harbor Lane Goods Inc'],
      ['', '', '', '', '', '', '', ''],
    ],
  };

  it('applies a rule row by row, its $-columns fixed and its rows moving, text compared without case', () => {
    const painted = conditionalBackgrounds([rule('=AND(LEN($H2)>0,$H2<>"ok")')], accounts);
    expect(painted.map((r) => r.filter(Boolean).length)).toEqual([0, 8, 0]);
  });

  it('moves relative columns too, and lets the first matching rule win', () => {
    const painted = conditionalBackgrounds([rule('=E2="999"', "'Accounts'!A2:H", '#aaa'), rule('=TRUE', "'Accounts'!A2:H", '#bbb')], accounts);
    // E2 moves with the column: only column A of row 3 looks at E3.
    expect(painted[1]![0]).toBe('#aaa');
    expect(painted[1]![1]).toBe('#bbb');
    expect(painted[0]![0]).toBe('#bbb');
  });

  it('leaves alone what it cannot read or cannot see', () => {
    expect(conditionalBackgrounds([rule('=VLOOKUP(A2,B:C,2)')], accounts).flat().filter(Boolean)).toEqual([]);
    expect(conditionalBackgrounds([rule('=LEN($A1)>0')], accounts)[0]!.filter(Boolean)).toEqual([]);
    expect(conditionalBackgrounds([{ ...rule('=TRUE'), criteria: 'TEXT_EQUAL_TO' }], accounts).flat().filter(Boolean)).toEqual([]);
  });
});
