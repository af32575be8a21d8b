// How Sheets stores what a script writes: these are the rules injection and type bugs hide in.
import { createGoogleFakes } from '../../fakes/google';

function setup(timeZone = 'Etc/UTC') {
  const world = createGoogleFakes({ timeZone });
  const g = world.globalsFor({ user: 'seller@example.com' });
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  return { world, g, sheet };
}

/** Writes one value into A1 and reads back what Sheets would hold. */
function roundTrip(input: unknown, format?: string) {
  const { sheet } = setup();
  const cell = sheet.getRange('A1');
  if (format) cell.setNumberFormat(format);
  cell.setValue(input);
  return { value: cell.getValue(), formula: cell.getFormula(), display: cell.getDisplayValue() };
}

describe('writing values', () => {
  it('stores a string starting with = as a formula, not as text', () => {
    const r = roundTrip('=IMPORTXML("http://evil.example","//a")');
    expect(r.formula).toBe('=IMPORTXML("http://evil.example","//a")');
    // Outside the evaluated subset a formula reads back as "", never as its source text.
    expect(r.value).toBe('');
  });

  it('evaluates HYPERLINK to its label', () => {
    const r = roundTrip('=HYPERLINK("https://go.xero.com/x","INV-0001")');
    expect(r.value).toBe('INV-0001');
    expect(r.formula).toMatch(/^=HYPERLINK/);
  });

  it("keeps the text after a leading apostrophe, and the apostrophe is not stored", () => {
    expect(roundTrip("'=SUM(A1:A2)")).toEqual({ value: '=SUM(A1:A2)', formula: '', display: '=SUM(A1:A2)' });
    expect(roundTrip("'00123").value).toBe('00123');
  });

  it('turns number-looking text into numbers, losing leading zeros and precision', () => {
    expect(roundTrip('123').value).toBe(123);
    expect(roundTrip('-1.5').value).toBe(-1.5);
    expect(roundTrip('+5').value).toBe(5);
    expect(roundTrip('1.23E+16').value).toBe(1.23e16);
    expect(roundTrip('007').value).toBe(7);
    expect(roundTrip('1,234.5').value).toBe(1234.5);
    // A 19-digit id is a double once Sheets parses it: the last digits are gone.
    const id = '1234567890123456789';
    const stored = roundTrip(id).value;
    expect(typeof stored).toBe('number');
    expect(String(stored)).not.toBe(id);
    expect(stored).toBe(Number(id));
  });

  it('keeps every string as text in a plain-text (@) cell', () => {
    expect(roundTrip('1234567890123456789', '@').value).toBe('1234567890123456789');
    expect(roundTrip('007', '@').value).toBe('007');
    expect(roundTrip('=1+1', '@')).toMatchObject({ value: '=1+1', formula: '' });
    expect(roundTrip('2025-08-14', '@').value).toBe('2025-08-14');
    expect(roundTrip('TRUE', '@').value).toBe('TRUE');
  });

  it('reads TRUE and FALSE in any case as booleans', () => {
    expect(roundTrip('TRUE').value).toBe(true);
    expect(roundTrip('false').value).toBe(false);
  });

  it('turns date-like text into dates in the spreadsheet time zone', () => {
    const { sheet } = setup('America/New_York');
    const range = sheet.getRange('A1:D1');
    range.setValues([['2025-08-14', '8/14/2025', '2025-08-14 10:00:00', '2025-02-30']]);
    const [iso, us, withTime, impossible] = range.getValues()[0] as unknown[];
    // Midnight on the New York wall clock is 04:00 UTC in August (EDT, UTC-4).
    expect(iso).toEqual(new Date('2025-08-14T04:00:00Z'));
    expect(us).toEqual(new Date('2025-08-14T04:00:00Z'));
    expect(withTime).toEqual(new Date('2025-08-14T14:00:00Z'));
    expect(impossible).toBe('2025-02-30');
  });

  it('makes text starting with + or - a formula, and keeps @ text as text', () => {
    const arithmetic = roundTrip('+1-2');
    expect(arithmetic.formula).toBe('=+1-2');
    expect(arithmetic.value).toBe(-1);
    const sku = roundTrip('-SKU-RED');
    expect(sku.formula).toBe('=-SKU-RED');
    expect(sku.value).toBe('#NAME?');
    const phone = roundTrip('+44 20 7946 0958');
    expect(phone.formula).toBe('=+44 20 7946 0958');
    expect(phone.value).toBe('#ERROR!');
    expect(roundTrip('@home')).toMatchObject({ value: '@home', formula: '' });
    expect(roundTrip('-')).toMatchObject({ value: '-', formula: '' });
  });

  it('stores numbers, booleans and Dates as given', () => {
    const { sheet } = setup();
    const when = new Date('2025-06-05T22:07:18.250Z');
    sheet.getRange('A1:C1').setValues([[0.1, false, when]]);
    const [n, b, d] = sheet.getRange('A1:C1').getValues()[0] as unknown[];
    expect(n).toBe(0.1);
    expect(b).toBe(false);
    expect(d).toEqual(when);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
  });

  it('returns a new Date object on every read', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2025-01-02T03:04:05Z'));
    const first = sheet.getRange('A1').getValue() as Date;
    const second = sheet.getRange('A1').getValue() as Date;
    expect(first).not.toBe(second);
    first.setFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2025);
  });

  it('treats a date as a number with a date format, as Sheets does', () => {
    const { sheet } = setup();
    const a1 = sheet.getRange('A1');
    a1.setValue('2025-08-14');
    a1.setNumberFormat('0');
    // Days since 1899-12-30: 2025-08-14 is serial 45883.
    expect(a1.getValue()).toBe(45883);
    a1.setValue(45883.5);
    a1.setNumberFormat('yyyy-mm-dd hh:mm');
    expect(a1.getValue()).toEqual(new Date('2025-08-14T12:00:00Z'));
  });

  it('clears the cell for null, undefined and ""', () => {
    const { sheet } = setup();
    const row = sheet.getRange('A1:C1');
    row.setValues([['x', 'y', 'z']]);
    row.setValues([[null, undefined, '']]);
    expect(row.getValues()).toEqual([['', '', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses a cell of more than 50,000 characters', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001)))
      .toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50000))).not.toThrow();
  });
});
