// One way to write a moment (issue 12 §4): what the server writes about a moment into the Log
// says it as the Log's When column does, in the spreadsheet's time zone, never as a UTC instant.
import { importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, ConnectionStatusDto } from '../../src/api/types';
import type { SelfCheckReport } from '../../src/server/self-check/report';
import { bundleSession, connect, SALE_AND_FEE, saveApp, useBuiltBundle, type BundleSession } from '../support/bundle-session';
import { settlementOf } from '../support/settlements';
import { BOOKKEEPER, SELLER } from '../support/xero-apps-script';
import { logWhen as inZone } from '../support/log-when';

const code = useBuiltBundle();
const ZONE = 'Pacific/Auckland';

function inAuckland(): BundleSession {
  const s = bundleSession(code());
  s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone(ZONE));
  return s;
}

const logWhen = (instant: string | number) => inZone(instant, ZONE);

const logLine = (s: BundleSession, what: string) => s.x.world.inspect.grid('Log').displayValues.find((r) => r[2] === what);

describe('moments the server writes', () => {
  it('says when a cancelled import was last touched as the Log does, in the spreadsheet’s time zone', () => {
    const s = inAuckland();
    const payload = importPayload(settlementOf(SALE_AND_FEE));
    const left = s.x.world.now();
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.x.world.advanceClock(3 * 60_000);
    expect(s.run(BOOKKEEPER, 'cancelImport', { importId: begun.importId })).toMatchObject({ cancelled: true });
    expect(logLine(s, 'Cancel import')?.[5]).toBe(`Cancelled ${SELLER}'s import, idle since ${logWhen(left)}.`);
  });

  it('dates "Check this installation" in the spreadsheet’s time zone, naming it', () => {
    const s = inAuckland();
    const report = s.bundle.callRaw<SelfCheckReport>(SELLER, 'settlesheetSelfTest');
    const text = logLine(s, 'Check this installation')?.[5] ?? '';
    expect(text.split('\n')[0]).toMatch(new RegExp(`^SettleSheet installation check ${logWhen(Date.parse(report.at))} \\(${ZONE}\\) by ${SELLER}: `));
  });

  it('answers a disconnect with the spreadsheet’s time zone, so the panel still dates the organisation’s choice as the Log does', () => {
    const s = inAuckland();
    saveApp(s);
    connect(s, SELLER);
    expect(s.run<ConnectionStatusDto>(SELLER, 'getConnectionStatus').timeZone).toBe(ZONE);
    const after = s.run<ConnectionStatusDto>(SELLER, 'disconnectXero');
    expect(after.organisation).toBeDefined();
    expect(after.timeZone).toBe(ZONE);
  });
});
