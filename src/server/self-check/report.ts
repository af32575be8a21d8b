/**
 * What "Check this installation" finds: one line per assumption the product relies on, each
 * passed, failed or skipped, with the figure measured in the real spreadsheet. The README asks
 * whoever deploys SettleSheet to keep this report: it is the evidence for the assumptions the
 * test fakes encode.
 */
import { escapeHtml } from '../../xero/wire';
import { whenText } from '../workbook/when';

/** One checked assumption. */
export interface CheckResult {
  /** What was checked, in a few words. */
  name: string;
  outcome: 'pass' | 'fail' | 'skipped';
  /** What was measured (a size, a time, a behaviour). */
  figure: string;
  /** Why it matters or what to do, when there is something to say. */
  detail?: string;
}

/** A whole run of the self-check. */
export interface SelfCheckReport {
  /** ISO time of the run. */
  at: string;
  /** The spreadsheet's time zone, in which the report says when it ran (as the Log does). */
  timeZone: string;
  by: string;
  checks: CheckResult[];
  /** True when nothing failed. */
  ok: boolean;
}

/** Runs one check, turning an unexpected exception into a failed result. */
export function check(name: string, work: () => Omit<CheckResult, 'name'>): CheckResult {
  try {
    return { name, ...work() };
  } catch (error) {
    return { name, outcome: 'fail', figure: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Milliseconds `work` took, with its value. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const started = Date.now();
  const value = work();
  return { value, ms: Date.now() - started };
}

const MARK = { pass: 'PASS', fail: 'FAIL', skipped: 'SKIPPED' } as const;

/** The report as plain text (the Log line and the editor's execution log). */
export function reportText(report: SelfCheckReport): string {
  const lines = report.checks.map((c) => `${MARK[c.outcome]} ${c.name}: ${c.figure}${c.detail ? ` (${c.detail})` : ''}`);
  // Said as the Log's When column says it, naming the zone, since the text is kept apart from the Log.
  return [`SettleSheet installation check ${whenText(report.at, report.timeZone)} (${report.timeZone}) by ${report.by}: ${report.ok ? 'everything passed' : 'SOMETHING FAILED'}`, ...lines].join('\n');
}

/** The report as the dialog shows it: a table, then the text to copy and keep. */
export function reportHtml(report: SelfCheckReport): string {
  const colour = { pass: '#188038', fail: '#d93025', skipped: '#5f6368' } as const;
  const rows = report.checks
    .map((c) => `<tr><td style="color:${colour[c.outcome]};font-weight:bold">${MARK[c.outcome]}</td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.figure)}${c.detail ? `<br><span style="color:#5f6368">${escapeHtml(c.detail)}</span>` : ''}</td></tr>`)
    .join('');
  return (
    `<p><b>${report.ok ? 'Everything SettleSheet relies on works here.' : 'Something SettleSheet relies on does not work here: see the lines marked FAIL.'}</b> ` +
    'The result is also in the Log tab. Keep this report with your deployment notes.</p>' +
    `<table style="border-collapse:collapse;font-size:12px" cellpadding="4">${rows}</table>` +
    `<p>Text to keep:</p><textarea readonly style="width:100%;height:120px;font-size:11px">${escapeHtml(reportText(report))}</textarea>`
  );
}
