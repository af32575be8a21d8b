/**
 * What the built bundle costs in Xero API calls, counted by the sandbox on a Starter-tier app (60
 * calls a minute and 1,000 a day per organisation): per refresh of the reference data, per preview,
 * per post of a one-part and a three-part settlement, and a backlog of 50 settlements posted one
 * after the other as fast as the product goes, with every Xero call taking LATENCY_MS of the
 * (simulated) clock.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostResultDto, SettingsDto } from '../../src/api/types';
import { TENANT_IDS, TIERS } from '../fakes/xero';
import type { LineSpec } from '../support/build-aggregate';
import { bundleWorld, connectThroughBundle, importThroughBundle, PERSON, type BundleWorld } from '../support/bundle-xero';
import { settlementOf, type DetailedLineSpec } from '../support/settlements';

const US = TENANT_IDS.us;
const BACKLOG = 50;
/** How long one Xero call takes on the simulated clock (a typical round trip from Apps Script). */
const LATENCY_MS = 300;

const ONE_PART: readonly LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '1299.90'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-194.99'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-03', '-61.09'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-10', '-25.00', ''],
];
const THREE_PARTS: readonly LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-07-29', '150.00'],
  ['Order', 'ItemFees', 'Commission', '2025-07-29', '-22.50'],
  ['Order', 'ItemPrice', 'Principal', '2025-08-14', '220.00'],
  ['Order', 'ItemPrice', 'Principal', '2025-09-02', '80.00'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-09-03', '-4.00', ''],
];

/** API calls (accounting and connections) made while `work` runs, by endpoint. */
function apiCalls(b: BundleWorld, work: () => void): { total: number; endpoints: string[] } {
  const before = b.sandbox.calls();
  work();
  const after = b.sandbox.calls();
  const endpoints = Object.keys(after)
    .filter((k) => k.includes('api.xero.com') && after[k]! > (before[k] ?? 0))
    .flatMap((k) => Array<string>(after[k]! - (before[k] ?? 0)).fill(k.replace(/^(\w+) api\.xero\.com(\/api\.xro\/2\.0)?/, '$1 ')));
  return { total: endpoints.length, endpoints };
}

function posted(result: PostResultDto): void {
  if (result.outcome !== 'posted') throw new Error(`post: ${result.outcome}: ${result.message}`);
}

/** Imports a settlement of these lines; with `channels`, its order lines are FBA (fulfillment-id AFN) and the rest as written. */
function importOne(b: BundleWorld, lines: readonly LineSpec[], id: number, channels = false): string {
  const [first] = lines;
  const start = `${first![3]}T00:00:00Z`;
  const end = `${lines[lines.length - 1]![3]}T00:00:00Z`;
  const detailed: DetailedLineSpec[] = lines.map((spec) => (channels && spec[0] === 'Order' ? { spec, fulfillmentId: 'AFN' } : spec));
  return importThroughBundle(b, settlementOf(detailed, { settlementId: String(24_300_000_000 + id), start, end, depositDate: end }));
}

/** The settings of issue 13's bench: tracking by marketplace and by channel (the sandbox's US categories), summaries attached. */
const TRACKED: Partial<SettingsDto> = {
  tracking: { marketplace: { category: 'Marketplace', options: {} }, channel: { category: 'Fulfilment', options: {} } },
  attachments: 'summary',
};

/** Saves settings as the sidebar does (the current ones, with these changed). */
function saveSettings(b: BundleWorld, changes: Partial<SettingsDto>): void {
  b.run('saveSettings', { ...b.run<SettingsDto>('getSettings'), ...changes });
}

/**
 * Gives every SKU the Costs tab lists without a cost a unit cost of 1.00, as a person would type it.
 * The Costs tab lists a settlement's SKUs when it is first previewed (the sidebar previews it as the
 * import ends), so `settlements` are previewed first: without that the tab is empty and no journal is made.
 */
function fillCosts(b: BundleWorld, settlements: readonly string[]): void {
  for (const settlementId of settlements) b.run('previewSettlement', { settlementId });
  b.world.run(PERSON, (g) => {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!;
    const rows = sheet.getLastRow() - 1;
    if (rows < 1) return;
    const values = sheet.getRange(2, 1, rows, 2).getValues();
    sheet.getRange(2, 2, rows, 1).setValues(values.map(([sku, cost]) => [sku !== '' && cost === '' ? '1.00' : cost]));
  });
}

/** What Post carries: the fingerprint of the preview the person looked at, and its revision. */
function seen(b: BundleWorld, settlementId: string): { fingerprint?: string; revision: number } {
  return b.run<{ fingerprint?: string; revision: number }>('previewSettlement', { settlementId });
}

/** Presses Post on what the preview showed. */
function press(b: BundleWorld, settlementId: string): PostResultDto {
  return b.run<PostResultDto>('postSettlement', { settlementId, mode: 'post', fingerprint: seen(b, settlementId).fingerprint });
}

/** The Xero calls of one press of Post (or Void and re-post) on what the preview showed (the preview's own are not counted). */
function counted(b: BundleWorld, settlementId: string, mode: 'post' | 'void-and-repost' = 'post', mustPost = true): { total: number; endpoints: string[] } {
  const { fingerprint, revision } = seen(b, settlementId);
  const request = { settlementId, mode, fingerprint, ...(mode === 'void-and-repost' ? { seenRevision: revision } : {}) };
  let result: PostResultDto | undefined;
  const calls = apiCalls(b, () => {
    result = b.run<PostResultDto>('postSettlement', request);
  });
  if (mustPost) posted(result!);
  return calls;
}

/** The calls of each action with cost of goods sold journals (every SKU costed), from a freshly connected spreadsheet. */
function perActionWithCogs(code: string): [string, { total: number; endpoints: string[] }][] {
  const b = bundleWorld(code);
  connectThroughBundle(b, [US]);
  saveSettings(b, { attachments: 'off' });
  const one = importOne(b, ONE_PART, 1);
  const three = importOne(b, THREE_PARTS, 2);
  fillCosts(b, [one, three]);
  b.run('refreshXeroAccounts');
  const cost = (row: number, value: string) =>
    b.world.run(PERSON, (g) => void g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Costs')!.getRange(row, 2).setValue(value));
  return [
    ['post a one-part settlement with its journal', counted(b, one)],
    ['post a three-part settlement with 3 journals', counted(b, three)],
    ['post again (already posted, journals too)', counted(b, three, 'post', false)],
    ['void and re-post after a cost changed', (cost(2, '1.50'), counted(b, three, 'void-and-repost'))],
  ];
}

/** The calls of each action with tracking by marketplace and channel and the summaries attached (issue 13). */
function perActionTracked(code: string): [string, { total: number; endpoints: string[] }][] {
  const b = bundleWorld(code);
  connectThroughBundle(b, [US]);
  saveSettings(b, { ...TRACKED, cogs: 'off' });
  const one = importOne(b, ONE_PART, 1, true);
  const three = importOne(b, THREE_PARTS, 2, true);
  return [
    ['preview with tracking (categories read once, then cached)', apiCalls(b, () => b.run('previewSettlement', { settlementId: one }))],
    ['post a one-part settlement, tracked, summary attached', counted(b, one)],
    ['post a three-part settlement, tracked, 3 summaries', counted(b, three)],
    ['post again (already posted and attached)', counted(b, three, 'post', false)],
  ];
}

/** The calls of each action, from a freshly connected spreadsheet. */
function perAction(code: string): [string, { total: number; endpoints: string[] }][] {
  const b = bundleWorld(code);
  connectThroughBundle(b, [US]);
  // The figures before issue 13: nothing tracked, nothing attached.
  saveSettings(b, { attachments: 'off' });
  const one = importOne(b, ONE_PART, 1);
  const three = importOne(b, THREE_PARTS, 2);
  return [
    ['refresh the reference data (Accounts tab)', apiCalls(b, () => b.run('refreshXeroAccounts'))],
    ['preview (reference data cached)', apiCalls(b, () => b.run('previewSettlement', { settlementId: one }))],
    ['post a one-part settlement', counted(b, one)],
    ['post a three-part settlement', counted(b, three)],
    ['post again (already posted)', counted(b, three, 'post', false)],
  ];
}

/**
 * Posts a backlog one settlement after another; every call takes LATENCY_MS. With `cogs`, every
 * SKU has a cost, so each part gets its journal; with `tracked`, lines are tracked by marketplace
 * and channel and each document gets its summary attached.
 */
function backlog(code: string, cogs: boolean, tracked = false) {
  const b = bundleWorld(code);
  connectThroughBundle(b, [US]);
  saveSettings(b, tracked ? TRACKED : { attachments: 'off' });
  const ids = Array.from({ length: BACKLOG }, (_, i) => importOne(b, i % 3 === 2 ? THREE_PARTS : ONE_PART, 100 + i, tracked));
  if (cogs) fillCosts(b, ids);
  const minutes = new Map<number, number>();
  let refusedForRate = 0;
  let dayRemaining = '';
  const handle = b.sandbox.handle;
  b.world.urlFetch = (request) => {
    b.world.advanceClock(LATENCY_MS);
    const response = handle(request);
    if (request.url.startsWith('https://api.xero.com/api.xro/')) {
      if (response.status === 429) refusedForRate++;
      else {
        const minute = Math.floor(b.world.now() / 60_000);
        minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
        dayRemaining = response.headers['x-daylimit-remaining'] ?? dayRemaining;
      }
    }
    return response;
  };
  const started = b.world.now();
  // Each settlement is looked at, then posted, as a person does; both are counted (the preview's
  // reference data is cached, so it rarely calls Xero).
  const calls = apiCalls(b, () => ids.forEach((settlementId) => posted(press(b, settlementId))));
  return {
    calls: calls.total,
    attachments: b.sandbox.documents(US).reduce((n, d) => n + b.sandbox.attachments(US, d.invoiceId).length, 0),
    documents: b.sandbox.documents(US).length,
    journals: b.sandbox.journals(US).length,
    refusedForRate,
    peakPerMinute: Math.max(...minutes.values()),
    minutes: (b.world.now() - started) / 60_000,
    dayRemaining,
  };
}

/** Prints the Xero call counts. */
export function benchXeroCalls(root: string): void {
  const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  const perDay = TIERS.starter.callsPerDay;
  console.log(`\nXero API calls of the built bundle (sandbox; a Starter-tier app: 60 a minute and ${perDay.toLocaleString('en-US')} a day per organisation)`);
  for (const [action, { total, endpoints }] of [...perAction(code), ...perActionWithCogs(code), ...perActionTracked(code)]) {
    console.log(`  ${action.padEnd(56)} ${String(total).padStart(3)}  ${endpoints.map((e) => e.replace(/\/attachments\/\{file\}$/, '/attachments/…')).join(', ')}`);
  }
  for (const [cogs, tracked] of [[false, false], [true, false], [false, true], [true, true]] as const) {
    const run = backlog(code, cogs, tracked);
    const what = [cogs ? 'their cost of goods sold journals' : '', tracked ? 'tracking by marketplace and channel and each summary attached' : ''].filter((w) => w).join(' and ');
    console.log(
      `  a backlog of ${BACKLOG} settlements (every third in three parts)${what ? ` with ${what}` : ''}, posted back to back with ${LATENCY_MS} ms per call:\n` +
        `    ${run.documents} documents, ${run.journals} journals, ${run.attachments} attachments; ${run.calls - run.refusedForRate} calls counted by Xero (${((run.calls - run.refusedForRate) / perDay * 100).toFixed(0)}% of the day's ` +
        `${perDay.toLocaleString('en-US')}; X-DayLimit-Remaining ${run.dayRemaining} after), at most ${run.peakPerMinute} in one minute; ` +
        `${run.refusedForRate} minute-limit answers (429) waited out; ${run.minutes.toFixed(1)} minutes in all`,
    );
  }
}
