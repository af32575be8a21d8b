/**
 * One way to write a moment in the workbook, the way the Log's When column shows it: `2026-11-30
 * 14:49`, in the spreadsheet's time zone (File → Settings), so "Posted at", "Imported at" and the
 * Log can be read side by side.
 */

/** The Log's number format for its When column (Sheets' pattern letters). */
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** An ISO instant as text in the spreadsheet's time zone: `2026-11-30T14:49:47.995Z` → `2026-11-30 14:49`. */
export function whenText(iso: string, timeZone: string): string {
  if (iso === '') return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  // Utilities.formatDate takes Java's SimpleDateFormat letters (HH: 0–23), not Sheets' number-format letters.
  return Utilities.formatDate(instant, timeZone, 'yyyy-MM-dd HH:mm');
}
