// Random interleavings of what two people do in one workbook (issue 9's done-when), on the built
// bundle: imports, re-issued files, imports left half-way and taken over or cancelled, Mapping
// edits, settings changes, moves of the spreadsheet to another organisation, previews, posts
// (some with the fingerprint of an older preview), void-and-re-posts and removals, some run in the
// middle of another person's call (between two of its Sheets calls) and some with Google failing
// one call. After every step the workbook must agree with itself and with Xero: every record's
// Transactions rows, aggregate (per line type, with the same categories), units and Settlements
// row, no row belonging to nobody, no line type listed twice in Mapping, no settlement lost, every
// settlement previewable, at most one open document per settlement part in each organisation, and
// exactly the documents each posted record names (test/support/workbook-invariants.ts); a post
// that went through with an older preview's fingerprint posted exactly what that preview showed.
// And a run makes progress: when a post was pressed on a preview that could post, one went through.
//
// Seeded and bounded for `npm test` (10 runs); SETTLESHEET_INTERLEAVINGS=<runs> runs more (300 runs
// took about four minutes here), SETTLESHEET_INTERLEAVINGS_SAY=1 prints each step and its answer.
import fc from 'fast-check';
import { importPayload } from '../../../src/api/import-payload';
import type { BeginImportResult, Envelope, PostResultDto, PreviewResult, SettlementListItem } from '../../../src/api/types';
import { isSheetsDataCall } from '../../fakes/google/cost';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleSession, connect, mapInSheet, saveApp, useBuiltBundle, type BundleSession } from '../../support/bundle-session';
import { between, failCall } from '../../support/interleave';
import { settlementOf } from '../../support/settlements';
import { workbookProblems } from '../../support/workbook-invariants';
import { BOOKKEEPER, BOOKKEEPER_XERO, MONTH_SPLIT, SELLER, US } from '../../support/xero-apps-script';
import { DEFAULT_USER } from '../../fakes/xero';
import { seedOrganisations } from '../../fakes/xero/seed';

const code = useBuiltBundle();
const RUNS = Number(process.env.SETTLESHEET_INTERLEAVINGS ?? 10);
jest.setTimeout(Math.max(120_000, RUNS * 30_000));

const PEOPLE = [SELLER, BOOKKEEPER] as const;
/** A second organisation just like the first (same base currency and chart), to move the spreadsheet to. */
const TWIN = 'c4e1a9d3-7b62-4f15-8e2a-9d3b5f7c1e99';
const TENANTS = [US, TWIN] as const;
const A = '31000000001';
const B = '31000000002';
const IDS = [A, B] as const;

/** Each settlement's files: the first as imported, then as Amazon re-issued it. */
const LINES: Record<string, (readonly LineSpec[])[]> = {
  // Spanning July and August (two documents with the month carry); the re-issue adds a storage fee.
  [A]: [MONTH_SPLIT.slice(0, 4), MONTH_SPLIT],
  [B]: [
    [
      ['Order', 'ItemPrice', 'Principal', '2025-08-10', '80.00'],
      ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-10', '-4.10'],
      ['Refund', 'ItemPrice', 'Principal', '2025-08-12', '-20.00'],
    ],
    [
      ['Order', 'ItemPrice', 'Principal', '2025-08-10', '80.00'],
      ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-10', '-4.10'],
    ],
  ],
};
const HEADERS = {
  [A]: { settlementId: A, start: '2025-07-25T00:00:00Z', end: '2025-08-08T00:00:00Z', depositDate: '2025-08-10T00:00:00Z' },
  [B]: { settlementId: B, start: '2025-08-08T00:00:00Z', end: '2025-08-22T00:00:00Z', depositDate: '2025-08-24T00:00:00Z' },
};
const fileOf = (id: string, version: number) => settlementOf(LINES[id]![version]!, HEADERS[id as keyof typeof HEADERS]);

/** One thing one person does. */
type Step =
  | { kind: 'import'; user: number; id: number; version: number }
  | { kind: 'leave-import'; user: number; id: number; version: number }
  | { kind: 'take-over'; user: number; id: number; version: number }
  | { kind: 'cancel-left'; user: number }
  | { kind: 'map'; user: number; category: number }
  | { kind: 'preview'; user: number; id: number }
  | { kind: 'post'; user: number; id: number }
  | { kind: 'stale-post'; user: number; id: number }
  | { kind: 'settings'; user: number; choice: number }
  | { kind: 'move'; user: number }
  | { kind: 'void-and-repost'; user: number; id: number }
  | { kind: 'remove'; user: number; id: number };

/** A step, alone, in the middle of another person's step, or with one of its Sheets calls failing. */
type Move = { step: Step; during?: { step: Step; nth: number }; fault?: number };

const user = fc.integer({ min: 0, max: 1 });
const id = fc.integer({ min: 0, max: 1 });
const version = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('import' as const), user, id, version }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave-import' as const), user, id, version }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('take-over' as const), user, id, version }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel-left' as const), user }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('map' as const), user, category: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('preview' as const), user, id }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('post' as const), user, id }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stale-post' as const), user, id }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), user, choice: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), user }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void-and-repost' as const), user, id }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), user, id }) },
);
const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ step }) },
  { weight: 3, arbitrary: fc.record({ step, during: fc.record({ step, nth: fc.integer({ min: 1, max: 12 }) }) }) },
  { weight: 2, arbitrary: fc.record({ step, fault: fc.integer({ min: 1, max: 12 }) }) },
);

/** What a step answered: words, and whether it went through. */
interface Said {
  ok: boolean;
  text: string;
}

/** What a person last saw in a preview of a settlement: its fingerprint and the documents it planned. */
interface Seen {
  fingerprint: string;
  plan: string[];
}

const SETTINGS = [
  { split: 'carry', documentStatus: 'DRAFT' },
  { split: 'carry', documentStatus: 'AUTHORISED' },
  { split: 'off', documentStatus: 'DRAFT' },
  { split: 'off', documentStatus: 'AUTHORISED' },
] as const;

/** Runs steps against one workbook, remembering which settlements must be there. */
class Workbench {
  readonly expected = new Set<string>();
  /** Settlements whose import or removal failed half-way: there, or not, but whole either way. */
  readonly unsure = new Set<string>();
  /** Each person's last preview of each settlement (`who id`). */
  readonly seen = new Map<string, Seen>();
  /** Posts pressed on a fresh preview that could post, alone and with Google failing nothing; and those that went through. */
  readonly progress = { attempted: 0, succeeded: 0 };
  /** Problems a step itself found (a stale post that sent something else than its preview showed). */
  readonly found: string[] = [];

  constructor(readonly s: BundleSession) {}

  private call<T>(who: string, name: string, request: unknown): { ok: true; value: T } | { ok: false; text: string } {
    try {
      const envelope = this.s.bundle.call<Envelope<T>>(who, name, request);
      return envelope.ok ? envelope : { ok: false, text: envelope.message };
    } catch (e) {
      return { ok: false, text: (e as Error).message };
    }
  }

  /** A preview, remembered as what this person saw. */
  private preview(who: string, settlementId: string): { ok: true; value: PreviewResult } | { ok: false; text: string } {
    const seen = this.call<PreviewResult>(who, 'previewSettlement', { settlementId });
    if (seen.ok) {
      // Where the preview's documents would go: the organisation the spreadsheet is bound to now.
      const bound = (JSON.parse(this.s.x.world.inspect.properties('document')['xero.organisation'] ?? '{}') as { tenantId?: string }).tenantId;
      this.seen.set(`${who} ${settlementId}`, { fingerprint: seen.value.fingerprint ?? '', plan: seen.value.plan.map((p) => `${bound} ${p.invoiceNumber} ${p.status} ${p.total}`).sort() });
    }
    return seen;
  }

  /** The documents Xero holds open for a settlement, in any organisation, as a preview's plan reads. */
  private openDocuments(settlementId: string): string[] {
    return TENANTS.flatMap((t) =>
      this.s.x.sandbox
        .documents(t)
        .filter((d) => d.status !== 'VOIDED' && d.status !== 'DELETED' && d.invoiceNumber.startsWith(`AMZ-${settlementId}`))
        .map((d) => `${t} ${d.invoiceNumber} ${d.status} ${d.total}`),
    ).sort();
  }

  /**
   * Runs one step; `faulted`: Google may have failed one of its calls; `alone`: nobody else's step
   * ran in the middle of it and nothing failed (so a post on a preview that could post must go through).
   */
  run(step: Step, faulted: boolean, alone = false): Said {
    const who = PEOPLE[step.user]!;
    switch (step.kind) {
      case 'import':
        return this.importFile(who, IDS[step.id]!, step.version, 'all');
      case 'leave-import':
        return this.importFile(who, IDS[step.id]!, step.version, 'leave');
      case 'take-over':
        return this.importFile(who, IDS[step.id]!, step.version, 'take-over');
      case 'cancel-left': {
        const state = JSON.parse(this.s.x.world.inspect.properties('document')['settlesheet.import'] ?? 'null') as { importId: string; request: { header: { settlementId: string } } } | null;
        if (!state) return { ok: true, text: 'nothing to cancel' };
        const done = this.call<{ cancelled: boolean; imported?: SettlementListItem }>(who, 'cancelImport', { importId: state.importId });
        if (done.ok && done.value.imported) this.expected.add(done.value.imported.settlementId);
        return done.ok ? { ok: true, text: JSON.stringify(done.value) } : { ok: false, text: done.text };
      }
      case 'map':
        try {
          mapInSheet(this.s, 'Commission', ['Seller fees', 'FBA fees'][step.category]!);
          return { ok: true, text: 'mapped' };
        } catch (e) {
          return { ok: false, text: (e as Error).message };
        }
      case 'preview': {
        const seen = this.preview(who, IDS[step.id]!);
        return seen.ok ? { ok: true, text: 'previewed' } : { ok: false, text: seen.text };
      }
      case 'post':
      case 'void-and-repost': {
        const settlementId = IDS[step.id]!;
        const seen = this.preview(who, settlementId);
        if (!seen.ok) return { ok: false, text: seen.text };
        const extra = step.kind === 'post' ? {} : { seenRevision: seen.value.revision };
        const counts = step.kind === 'post' && alone && seen.value.canPost;
        if (counts) this.progress.attempted++;
        const posted = this.call<PostResultDto>(who, 'postSettlement', { settlementId, mode: step.kind, fingerprint: seen.value.fingerprint, ...extra });
        if (counts && posted.ok && (posted.value.outcome === 'posted' || posted.value.outcome === 'already-posted')) this.progress.succeeded++;
        return posted.ok ? { ok: true, text: `${posted.value.outcome}: ${posted.value.message}` } : { ok: false, text: posted.text };
      }
      case 'stale-post': {
        // Post pressed on the preview this person saw last, whatever happened since.
        const settlementId = IDS[step.id]!;
        const seen = this.seen.get(`${who} ${settlementId}`);
        if (!seen) return { ok: true, text: 'no preview seen yet' };
        const posted = this.call<PostResultDto>(who, 'postSettlement', { settlementId, mode: 'post', fingerprint: seen.fingerprint });
        if (posted.ok && posted.value.outcome === 'posted' && alone) {
          const sent = this.openDocuments(settlementId);
          if (JSON.stringify(sent) !== JSON.stringify(seen.plan)) this.found.push(`a post with an older preview's fingerprint sent ${sent.join(', ')}; that preview showed ${seen.plan.join(', ')}`);
        }
        return posted.ok ? { ok: true, text: `${posted.value.outcome}: ${posted.value.message}` } : { ok: false, text: posted.text };
      }
      case 'settings': {
        const saved = this.call(who, 'saveSettings', { ...SETTINGS[step.choice]!, contactName: '', template: '' });
        return saved.ok ? { ok: true, text: 'settings saved' } : { ok: false, text: saved.text };
      }
      case 'move': {
        const status = this.call<{ organisation?: { tenantId: string } }>(who, 'getConnectionStatus', {});
        if (!status.ok || !status.value.organisation) return { ok: false, text: status.ok ? 'not bound' : status.text };
        const from = status.value.organisation.tenantId;
        const to = TENANTS.find((t) => t !== from)!;
        const moved = this.call(who, 'selectXeroOrganisation', { tenantId: to, replacing: from });
        return moved.ok ? { ok: true, text: `moved to ${to === US ? 'US' : 'twin'}` } : { ok: false, text: moved.text };
      }
      case 'remove': {
        const settlementId = IDS[step.id]!;
        const removed = this.call<{ removed: boolean }>(who, 'removeSettlement', { settlementId });
        if (removed.ok) this.expected.delete(settlementId);
        else if (faulted) this.unsure.add(settlementId);
        return removed.ok ? { ok: true, text: 'removed' } : { ok: false, text: removed.text };
      }
    }
  }

  private importFile(who: string, settlementId: string, version: number, how: 'all' | 'leave' | 'take-over'): Said {
    const payload = importPayload(fileOf(settlementId, version));
    let takeOver: string | undefined;
    if (how === 'take-over') {
      const state = JSON.parse(this.s.x.world.inspect.properties('document')['settlesheet.import'] ?? 'null') as { importId: string } | null;
      takeOver = state?.importId;
    }
    const begun = this.call<BeginImportResult>(who, 'beginImport', { ...payload.begin, confirmReissue: true, ...(takeOver ? { takeOver } : {}) });
    if (!begun.ok) return { ok: false, text: begun.text };
    if (begun.value.status === 'unchanged') {
      this.expected.add(settlementId);
      return { ok: true, text: 'unchanged' };
    }
    if (begun.value.status !== 'ready') return { ok: true, text: begun.value.status };
    const { importId } = begun.value;
    const from = begun.value.received ?? 0;
    const lines = how === 'leave' ? payload.lines.slice(from, from + 1) : payload.lines.slice(from);
    if (lines.length) {
      const sent = this.call(who, 'appendImportLines', { importId, offset: from, lines });
      if (!sent.ok) return { ok: false, text: sent.text };
    }
    if (how === 'leave') return { ok: true, text: 'left half-way' };
    const finished = this.call<SettlementListItem>(who, 'finishImport', { importId, aggregate: payload.aggregate, units: payload.units });
    if (finished.ok) {
      this.expected.add(settlementId);
      this.unsure.delete(settlementId);
      return { ok: true, text: 'imported' };
    }
    // As the sidebar does: let the import go, or learn that it went in after all.
    const cancelled = this.call<{ cancelled: boolean; imported?: SettlementListItem }>(who, 'cancelImport', { importId });
    if (/is imported/.test(finished.text) || (cancelled.ok && cancelled.value.imported)) this.expected.add(settlementId);
    return { ok: false, text: finished.text };
  }

  /** Every way the workbook could disagree with itself or with Xero, after a step. */
  problems(): string[] {
    // Listing is what anyone's sidebar does next: it finishes any work Google interrupted.
    const listed = this.call<SettlementListItem[]>(SELLER, 'listSettlements', {});
    const problems = [...this.found.splice(0), ...TENANTS.flatMap((t) => workbookProblems(this.s.x.world, this.s.x.sandbox, t))];
    if (!listed.ok) return [...problems, `listing failed: ${listed.text}`];
    const ids = new Set(listed.value.map((l) => l.settlementId));
    for (const id of this.expected) if (!ids.has(id) && !this.unsure.has(id)) problems.push(`settlement ${id} was imported and is lost`);
    for (const id of ids) if (!this.expected.has(id) && !this.unsure.has(id)) problems.push(`settlement ${id} is listed but was never imported`);
    for (const id of ids) {
      const seen = this.call<PreviewResult>(SELLER, 'previewSettlement', { settlementId: id });
      if (!seen.ok) problems.push(`settlement ${id} cannot be previewed: ${seen.text}`);
    }
    // What is listed now is known again.
    for (const id of this.unsure) {
      if (ids.has(id)) this.expected.add(id);
      else this.expected.delete(id);
    }
    this.unsure.clear();
    return [...problems, ...TENANTS.flatMap((t) => workbookProblems(this.s.x.world, this.s.x.sandbox, t))];
  }
}

/** Words of a failure SettleSheet did not expect (a bug), as opposed to a refusal in words. */
const UNEXPECTED = /Something went wrong in SettleSheet/;

describe('two people, random interleavings', () => {
  it('leave records, aggregates, units, Transactions and Xero agreeing after every step', () => {
    fc.assert(
      fc.property(fc.array(move, { minLength: 4, maxLength: 10 }), (moves) => {
        const us = seedOrganisations().find((o) => o.tenantId === US)!;
        const twin = { ...us, tenantId: TWIN, profile: { ...us.profile, Name: 'Harbor Lane Outlet LLC', ShortCode: '!tW1n' } };
        const s = bundleSession(code(), { xero: { organisations: [...seedOrganisations(), twin], users: [{ ...DEFAULT_USER, tenantIds: [...TENANTS] }, { ...BOOKKEEPER_XERO, tenantIds: [...TENANTS] }] } });
        saveApp(s);
        connect(s, SELLER, [...TENANTS]);
        s.run(SELLER, 'selectXeroOrganisation', { tenantId: US });
        connect(s, BOOKKEEPER, [...TENANTS]);
        const bench = new Workbench(s);
        // Both settlements imported to start with, so most steps act on something.
        for (const id of IDS) bench.run({ kind: 'import', user: 0, id: IDS.indexOf(id), version: 0 }, false);
        // And previewed by both, so a post on an older preview has one to press on.
        for (const [user] of PEOPLE.entries()) for (const [id] of IDS.entries()) bench.run({ kind: 'preview', user, id }, false);
        const story: string[] = [];
        for (const m of moves) {
          let nested: Said | undefined;
          const stopDuring = m.during
            ? between(s.x.world, { name: isSheetsDataCall, user: PEOPLE[m.step.user], nth: m.during.nth }, () => {
                nested = bench.run({ ...m.during!.step, user: 1 - m.step.user }, false);
              })
            : undefined;
          const stopFault = m.fault ? failCall(s.x.world, { name: isSheetsDataCall, user: PEOPLE[m.step.user], nth: m.fault }) : undefined;
          const said = bench.run(m.step, m.fault !== undefined, !m.fault && !m.during);
          stopDuring?.();
          stopFault?.();
          story.push(`${JSON.stringify(m)} → ${said.text.slice(0, 160)}${nested ? ` | meanwhile → ${nested.text.slice(0, 120)}` : ''}`);
          // A refusal is words; a failure SettleSheet did not expect is a bug, unless Google failed a call.
          if (!m.fault && UNEXPECTED.test(said.text)) throw new Error(`Unexpected failure:\n${story.join('\n')}`);
          if (nested && UNEXPECTED.test(nested.text)) throw new Error(`Unexpected failure meanwhile:\n${story.join('\n')}`);
          if (process.env.SETTLESHEET_INTERLEAVINGS_SAY) console.log(story.at(-1));
          const problems = bench.problems();
          if (problems.length) throw new Error(`${problems.join('\n')}\nafter:\n${story.join('\n')}`);
        }
        // Progress: refusing everything would keep the workbook whole; a post on a preview that could post goes through.
        for (const [id] of IDS.entries()) {
          story.push(`final post of ${IDS[id]} → ${bench.run({ kind: 'post', user: 0, id }, false, true).text.slice(0, 160)}`);
          const problems = bench.problems();
          if (problems.length) throw new Error(`${problems.join('\n')}\nafter:\n${story.join('\n')}`);
        }
        if (process.env.SETTLESHEET_INTERLEAVINGS_SAY) console.log(`posts pressed on a preview that could post: ${bench.progress.attempted}, went through: ${bench.progress.succeeded}`);
        if (bench.progress.attempted > 0 && bench.progress.succeeded === 0) throw new Error(`No post went through of ${bench.progress.attempted} pressed on a preview that could post:\n${story.join('\n')}`);
      }),
      { seed: 9009, numRuns: RUNS, endOnFailure: true },
    );
  });
});
