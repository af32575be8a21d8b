// getDisplayValues formats numbers and dates with the cell's number format, as Sheets shows them.
import { createGoogleFakes } from '../../fakes/google';

function shown(value: unknown, format?: string): string {
  const world = createGoogleFakes();
  const cell = world.globalsFor({ user: 'a@example.com' }).SpreadsheetApp.getActiveSheet().getRange('B2');
  if (format !== undefined) cell.setNumberFormat(format);
  cell.setValue(value);
  return cell.getDisplayValue();
}

describe('display values', () => {
  it('shows General numbers with up to 15 significant digits', () => {
    expect(shown(1234.5)).toBe('1234.5');
    expect(shown(0.1 + 0.2)).toBe('0.3');
    expect(shown(-7)).toBe('-7');
    // A 19-digit id shows in scientific notation once it is a number: the id is unreadable.
    expect(shown('1234567890123456789')).toBe('1.23457E+18');
    expect(shown(true)).toBe('TRUE');
  });

  it('rounds half away from zero after reading the double to 15 digits', () => {
    expect(shown(1.005, '0.00')).toBe('1.01');
    expect(shown(-2.5, '0')).toBe('-3');
    expect(shown(2.345, '0.000')).toBe('2.345');
    expect(shown(0.004, '0.00')).toBe('0.00');
    expect(shown(-0.004, '0.00')).toBe('0.00');
  });

  it('groups thousands and pads decimals', () => {
    expect(shown(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(shown(1234567.891, '#,##0')).toBe('1,234,568');
    expect(shown(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(shown(0.5, '0%')).toBe('50%');
  });

  it('shows currency symbols from quoted text and [$…] tokens', () => {
    expect(shown(1234.5, '"$"#,##0.00')).toBe('$1,234.50');
    expect(shown(-1234.5, '"$"#,##0.00')).toBe('-$1,234.50');
    expect(shown(1234, '[$¥]#,##0')).toBe('¥1,234');
    expect(shown(1234.5, '#,##0.00 [$€-407]')).toBe('1,234.50 €');
  });

  it('uses the negative section of positive;negative formats without a minus sign', () => {
    expect(shown(-5, '#,##0.00;(#,##0.00)')).toBe('(5.00)');
    expect(shown(5, '#,##0.00;(#,##0.00)')).toBe('5.00');
    expect(shown(0, '0.00;-0.00;"–"')).toBe('–');
  });

  it('shows numbers in a plain-text cell as General and text as itself', () => {
    expect(shown(12.5, '@')).toBe('12.5');
    expect(shown('0012', '@')).toBe('0012');
  });

  it('shows dates with date formats (m is minutes after h, month elsewhere)', () => {
    const when = new Date('2025-08-04T09:05:07Z');
    expect(shown(when, 'yyyy-mm-dd')).toBe('2025-08-04');
    expect(shown(when, 'yyyy-mm-dd hh:mm')).toBe('2025-08-04 09:05');
    expect(shown(when)).toBe('8/4/2025 9:05:07');
    expect(shown(when, 'mmm d, yyyy')).toBe('Aug 4, 2025');
    expect(shown(when, 'dddd d mmmm yy')).toBe('Monday 4 August 25');
    expect(shown(new Date('2025-08-04T21:30:00Z'), 'h:mm AM/PM')).toBe('9:30 PM');
    expect(shown('2025-08-14')).toBe('2025-08-14');
  });

  it('shows formula results and errors', () => {
    expect(shown('=1/0')).toBe('#DIV/0!');
    expect(shown('+1-2', '0.00')).toBe('-1.00');
  });
});
