// What the sidebar shows a person about what another collaborator of the same spreadsheet did
// (issue 12, review): the spreadsheet moved to another Xero organisation (said once, with the
// moment as the Log writes it, in the spreadsheet's time zone), and an import someone else began
// and left, which the person continues with the same file or cancels to import theirs.
import { importPayload } from '../../src/api/import-payload';
import type { BeginImportRequest, LineDto } from '../../src/api/types';
import { parseSettlement } from '../../src/core/settlement';
import { demoSettlement } from '../../src/workbench/demo-settlement';
import type { Workbench } from '../../src/workbench/workbench';
import { TENANT_IDS } from '../fakes/xero';
import { settlementOf } from '../support/settlements';
import { describeInBrowser } from './support/chromium';
import { connectXero, expectText, openAnotherPage, openWorkbench, type Session } from './support/workbench-session';
import { logWhen as inZone } from '../support/log-when';

jest.setTimeout(120_000);

const COLLEAGUE = 'bookkeeper@example.com';
const ZONE = 'Pacific/Auckland';

const logWhen = (instant: string | number) => inZone(instant, ZONE);

/** Runs a server target as the colleague and returns its value (the envelope must be ok). */
function asColleague<T>(workbench: Workbench, name: string, request: unknown): T {
  const answer = workbench.callAs(COLLEAGUE, name, request);
  if (!('returned' in answer)) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  const envelope = answer.returned as { ok: boolean; value?: T; message?: string };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.message}`);
  return envelope.value as T;
}

/**
 * The colleague begins importing `begin`, sends a few of its lines and walks away: the import is
 * left idle for three minutes (its time moved back, as the clock moving on would).
 */
function leftByColleague(workbench: Workbench, begin: BeginImportRequest, lines: LineDto[]): void {
  const begun = asColleague<{ status: string; importId: string }>(workbench, 'beginImport', begin);
  expect(begun.status).toBe('ready');
  asColleague(workbench, 'appendImportLines', { importId: begun.importId, offset: 0, lines: lines.slice(0, 3) });
  workbench.world.run(COLLEAGUE, (g) => {
    const properties = g.PropertiesService.getDocumentProperties();
    const state = JSON.parse(properties.getProperty('settlesheet.import')!) as { touchedAt: number };
    properties.setProperty('settlesheet.import', JSON.stringify({ ...state, touchedAt: state.touchedAt - 3 * 60_000 }));
  });
}

/** The rows of Transactions (hidden ones included) of a settlement. */
const rowsOf = (workbench: Workbench, settlementId: string) => workbench.world.inspect.grid('Transactions').values.filter((r) => r[0] === settlementId).length;

describeInBrowser('what another collaborator did', () => {
  let session: Session;
  beforeEach(async () => {
    session = await openWorkbench();
  });
  afterEach(async () => {
    await session?.close();
  });

  it('tells the person, once, that a colleague moved the spreadsheet to another organisation, and when, as the Log says it', async () => {
    const { workbench, sidebar } = session;
    workbench.world.run(workbench.user, (g) => g.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone(ZONE));
    await connectXero(session);
    const panel = sidebar.locator('section.connection');
    const binding = () => JSON.parse(workbench.world.inspect.properties('document')['xero.organisation'] ?? '{}') as { boundAt: string };
    await expectText(panel, new RegExp(`Chosen by ${workbench.user} on ${logWhen(binding().boundAt)}`));

    // The colleague moves it (as src/xero/connection.ts binds: who, when, and where it posted before).
    const movedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    const moved = { tenantId: TENANT_IDS.uk, name: 'Bramble & Finch Trading Ltd', boundBy: COLLEAGUE, boundAt: movedAt, previous: { tenantId: TENANT_IDS.us, name: 'Harbor Lane Goods Inc' } };
    workbench.world.run(COLLEAGUE, (g) => g.PropertiesService.getDocumentProperties().setProperty('xero.organisation', JSON.stringify(moved)));

    const later = await openAnotherPage(session);
    const notice = later.sidebar.locator('.notice-area');
    await expectText(notice, new RegExp(`^${COLLEAGUE} moved this spreadsheet from Harbor Lane Goods Inc to Bramble & Finch Trading Ltd on ${logWhen(movedAt)}: settlements are now posted to Bramble & Finch Trading Ltd\\.$`));
    await expectText(later.sidebar.locator('section.connection'), new RegExp(`Posts to Bramble & Finch Trading Ltd\\s+Chosen by ${COLLEAGUE} on ${logWhen(movedAt)}`));

    // Said once: the next time the sidebar opens, the panel shows where it posts and nothing more.
    await later.page.close();
    const again = await openAnotherPage(session);
    await expectText(again.sidebar.locator('section.connection'), /Posts to Bramble & Finch Trading Ltd/);
    expect(await again.sidebar.locator('.notice-area').innerText()).not.toMatch(/moved this spreadsheet/);
  });

  it('continues, with the same file, an import a colleague began and left', async () => {
    const { workbench, page, sidebar } = session;
    const demo = demoSettlement();
    const parsed = parseSettlement(demo.text, demo.fileName);
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    const payload = importPayload(parsed.settlement);
    leftByColleague(workbench, payload.begin, payload.lines);

    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    await sidebar.getByRole('button', { name: /^Import \d/ }).click();
    await expectText(sidebar.locator('.notice-area'), new RegExp(`^${COLLEAGUE} started importing settlement ${demo.settlementId} \\(3 of ${demo.lines} lines arrived\\), but nothing has arrived for 3 minutes\\. You can cancel it and import your file\\.$`));
    await sidebar.getByRole('button', { name: 'Continue that import with this file' }).click();
    await sidebar.getByRole('heading', { name: `Settlement ${demo.settlementId}` }).waitFor();
    await expectText(sidebar.locator('.notice-area'), new RegExp(`Imported settlement ${demo.settlementId}: ${demo.lines} lines`));
    // Every line once: the colleague's three and the rest the person sent.
    expect(rowsOf(workbench, demo.settlementId)).toBe(demo.lines);
    const log = workbench.world.inspect.grid('Log').values.find((r) => r[2] === 'Import');
    expect(log?.[1]).toBe(workbench.user);
    // The Log says where the file was read: here, as in Chromium everywhere, by the reader's Worker.
    expect(String(log?.[5])).toMatch(/ Read in the browser by a Worker\.$/);
  });

  it('cancels an import of another settlement a colleague left, and imports the person’s file', async () => {
    const { workbench, page, sidebar } = session;
    const other = importPayload(settlementOf([['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'], ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'], ['Order', 'ItemPrice', 'Shipping', '2025-08-02', '5.99'], ['Order', 'ItemFees', 'Commission', '2025-08-03', '-1.50']], { settlementId: '30000000012' }));
    leftByColleague(workbench, other.begin, other.lines);
    expect(rowsOf(workbench, '30000000012')).toBe(3);

    const demo = demoSettlement();
    await page.getByRole('button', { name: 'Put the demo settlement in the sidebar' }).click();
    await sidebar.getByRole('button', { name: /^Import \d/ }).click();
    await expectText(sidebar.locator('.notice-area'), new RegExp(`^${COLLEAGUE} started importing settlement 30000000012 \\(3 of 4 lines arrived\\)`));
    await sidebar.getByRole('button', { name: 'Cancel that import and import this file' }).click();
    await sidebar.getByRole('heading', { name: `Settlement ${demo.settlementId}` }).waitFor();
    expect(rowsOf(workbench, '30000000012')).toBe(0);
    expect(rowsOf(workbench, demo.settlementId)).toBe(demo.lines);
    expect(workbench.world.inspect.grid('Settlements').values.map((r) => r[0])).not.toContain('30000000012');
  });
});
