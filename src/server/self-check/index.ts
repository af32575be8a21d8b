/**
 * "Check this installation": run once in the real spreadsheet after deploying, it proves in one
 * go the assumptions the test fakes encode and the product relies on (see the README's
 * Assumptions), each with the figure it measured, writes the result to the Log tab and shows it.
 * It works in a scratch tab it deletes and under a property and cache key it removes: it changes
 * no user data. From the script editor, `settlesheetSelfTest` runs the same checks (all but the
 * dialog's scope and the Demo Company post) and logs the report.
 */
import { currentUser } from '../identity';
import { appendLog } from '../workbook/log';
import { CALLBACK_SEEN_KEY } from '../xero/entry-points';
import { Workbook } from '../workbook/workbook';
import { cacheValueCheck, documentLockCheck, propertyValueCheck, scopeChecks, urlFetchCheck } from './google-checks';
import { reportText, type CheckResult, type SelfCheckReport } from './report';
import { sheetChecks } from './sheet-checks';
import { xeroChecks } from './xero-checks';

/** What the last Xero sign-in callback found: did Google give it the spreadsheet's services? */
function callbackCheck(): CheckResult {
  const seen = PropertiesService.getUserProperties().getProperty(CALLBACK_SEEN_KEY);
  const name = "Google's /usercallback (Xero sign-in) without the spreadsheet";
  if (!seen) return { name, outcome: 'skipped', figure: 'no Xero sign-in yet', detail: 'Connect to Xero, then run the check again.' };
  const { hadDocument, at } = JSON.parse(seen) as { hadDocument: boolean; at: string };
  return {
    name,
    outcome: 'pass',
    figure: `at the sign-in of ${at.slice(0, 10)}, the spreadsheet's properties, lock and cache were ${hadDocument ? 'available' : 'absent (null)'}`,
    detail: 'SettleSheet handles both: the sidebar binds the organisation when the callback cannot.',
  };
}

/** Runs every check, writes the result to the Log tab and returns the report. */
export function runSelfCheck(options: { uiShown: boolean; confirmedDemo: boolean }): SelfCheckReport {
  const workbook = Workbook.active();
  workbook.ensure();
  const checks = [
    ...scopeChecks(options.uiShown),
    ...sheetChecks(),
    propertyValueCheck(),
    cacheValueCheck(),
    documentLockCheck(),
    urlFetchCheck(),
    callbackCheck(),
    ...xeroChecks(options.confirmedDemo),
  ];
  const by = currentUser();
  const report: SelfCheckReport = { at: new Date().toISOString(), timeZone: workbook.timeZone, by, checks, ok: checks.every((c) => c.outcome !== 'fail') };
  appendLog(workbook, { what: 'Check this installation', settlementId: '', result: report.ok ? 'OK' : 'Failed', details: reportText(report) }, by);
  return report;
}

/** From the script editor: runs the checks (no dialog, no Demo Company post) and logs the report. */
export function settlesheetSelfTest(): SelfCheckReport {
  const report = runSelfCheck({ uiShown: false, confirmedDemo: false });
  console.log(reportText(report));
  return report;
}
