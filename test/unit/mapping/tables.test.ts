import {
  accountsTableRows,
  codeFromCell,
  defaultMapping,
  mappingTableRows,
  readAccountsTable,
  readMapping,
  readMappingTable,
} from '../../../src/core/mapping';

describe('readMappingTable', () => {
  it('finds columns by name in any order and keeps where each rule lives', () => {
    const read = readMappingTable([
      ['Category', 'Amount description', 'My note', 'Transaction type', 'Amount type'],
      ['Sales', 'Principal', 'hello', 'Order', 'ItemPrice'],
    ]);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Principal', marketplace: '', remittedBy: '', effectiveFrom: '', effectiveTo: '', category: 'Sales', origin: 'Mapping row 2' },
    ]);
  });

  it('treats * as any, and skips blank rows and rows still waiting for a category', () => {
    const read = readMappingTable([
      ['Transaction type', 'Amount type', 'Amount description', 'Category'],
      ['*', 'Promotion', '*', 'Promotions'],
      ['', '', '', ''],
      ['New Type', 'ItemPrice', 'Principal', ''],
    ]);
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]).toMatchObject({ transactionType: '', amountType: 'Promotion', amountDescription: '' });
  });

  it('names the row and column of a date it cannot read, and of a period that ends before it starts', () => {
    const read = readMappingTable([
      ['Transaction type', 'Amount type', 'Amount description', 'Effective from', 'Effective to', 'Category'],
      ['Order', 'ItemPrice', 'Principal', '2024-02-30', '', 'Sales'],
      ['Order', 'ItemPrice', 'Shipping', '2024-08-01', '2024-07-01', 'Sales'],
      ['Order', 'ItemPrice', 'GiftWrap', '01/08/2024', '', 'Sales'],
    ]);
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Effective from'],
      [3, 'Effective to'],
      [4, 'Effective from'],
    ]);
    expect(read.problems[0]!.message).toContain('Mapping row 2, column Effective from: "2024-02-30" is not a date');
  });

  it('refuses a table whose header lost a required column', () => {
    const read = readMappingTable([['Transaction type', 'Amount type', 'Category'], ['Order', 'ItemPrice', 'Sales']]);
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => p.column)).toEqual(['Amount description']);
  });
});

describe('readAccountsTable', () => {
  it('reads codes from dropdown cells that show a code and a name', () => {
    expect(codeFromCell('200 — Sales')).toBe('200');
    expect(codeFromCell(' OUTPUT2 — 20% (VAT on Income) ')).toBe('OUTPUT2');
    expect(codeFromCell('4-100')).toBe('4-100');
    const read = readAccountsTable([
      ['Category', 'Account code', 'Tax type'],
      ['Sales', '200 — Sales', 'OUTPUT2 — 20% (VAT on Income)'],
    ]);
    expect(read.rows[0]).toMatchObject({ category: 'Sales', accountCode: '200', taxType: 'OUTPUT2', origin: 'Accounts row 2' });
  });

  it('asks for the missing cell instead of posting to nowhere', () => {
    const read = readAccountsTable([
      ['Category', 'Account code', 'Tax type'],
      ['Sales', '', 'OUTPUT2'],
    ]);
    expect(read.rows).toEqual([]);
    expect(read.problems[0]).toMatchObject({ row: 2, column: 'Account code' });
  });
});

describe('table rows', () => {
  it('round-trip the shipped mapping through the tab layout', () => {
    const mapping = defaultMapping();
    const { mapping: back, problems } = readMapping(mappingTableRows(mapping.rules), accountsTableRows(mapping.accounts));
    expect(problems).toEqual([]);
    const strip = <T extends { origin: string }>(rows: T[]) => rows.map(({ origin: _origin, ...rest }) => rest);
    expect(strip(back.rules)).toEqual(strip(mapping.rules));
    expect(strip(back.accounts)).toEqual(strip(mapping.accounts));
  });
});
