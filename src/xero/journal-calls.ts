/**
 * The client's calls for cost of goods sold journals (GET, PUT and POST /ManualJournals), over the
 * client's own request helpers, so they answer and fail exactly like its other calls.
 */
import * as z from 'zod/mini';
import type { XeroManualJournal } from '../core/cogs/journal';
import { failure, success, type XeroFailure, type XeroResult, type XeroValidationProblem } from './errors';
import type { HttpRequest, HttpResponse } from './http';
import { parseJson, xeroDay } from './wire';

const API_BASE = 'https://api.xero.com/api.xro/2.0';

const JournalStateSchema = z.object({
  ManualJournalID: z.optional(z.string()),
  Narration: z.optional(z.nullable(z.string())),
  Status: z.optional(z.string()),
  Date: z.optional(z.nullable(z.string())),
  StatusAttributeString: z.optional(z.string()),
  JournalLines: z.optional(
    z.array(
      z.object({
        LineAmount: z.optional(z.number()),
        AccountCode: z.optional(z.nullable(z.string())),
        TaxType: z.optional(z.nullable(z.string())),
        Description: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
});
const JournalsSchema = z.object({ ManualJournals: z.array(JournalStateSchema) });

/** A manual journal as Xero holds it, in the fields posting compares, records and sends back. */
export interface XeroJournalState {
  manualJournalId: string;
  narration: string;
  status: string;
  /** `YYYY-MM-DD`, when Xero gave it. */
  date?: string;
  /** Its lines, when Xero sent them (lists with `page`, single gets, creates). */
  lines?: { lineAmount: number; accountCode: string; taxType?: string; description?: string }[];
}

/** What Xero did with one journal of a create call, in the order they were sent. */
export type CreatedJournal =
  | { ok: true; journal: XeroJournalState }
  | { ok: false; narration: string; problems: XeroValidationProblem[] };

function journalState(raw: z.infer<typeof JournalStateSchema>): XeroJournalState {
  const date = xeroDay(raw.Date);
  return {
    manualJournalId: raw.ManualJournalID ?? '',
    narration: raw.Narration ?? '',
    status: raw.Status ?? '',
    ...(date ? { date } : {}),
    ...(raw.JournalLines
      ? {
          lines: raw.JournalLines.map((l) => ({
            lineAmount: l.LineAmount ?? 0,
            accountCode: l.AccountCode ?? '',
            ...(l.TaxType ? { taxType: l.TaxType } : {}),
            ...(l.Description ? { description: l.Description } : {}),
          })),
        }
      : {}),
  };
}

/**
 * A `where` clause matching any of these narrations exactly. Narration equals is the filter Xero
 * optimises for manual journals (its Manual Journals page); quotes and backslashes are escaped.
 */
function narrationFilter(narrations: readonly string[]): string {
  return narrations.map((n) => `Narration=="${n.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(' OR ');
}

// UrlFetchApp refuses URLs over 2 KB (DOMAIN.md §3): a long list of narrations is asked in parts.
const MAX_WHERE_CHARS = 1500;

/** The client helpers the journal calls run on. */
export interface JournalCallDeps {
  call(method: HttpRequest['method'], url: string, what: string, options?: { body?: unknown; idempotencyKey?: string }): XeroResult<HttpResponse>;
  get<T>(path: string, schema: z.ZodMiniType<T>, what: string): XeroResult<T>;
  read<T>(schema: z.ZodMiniType<T>, response: HttpResponse, what: string): XeroResult<T>;
  unreadable(what: string): XeroFailure;
}

/** The journal calls of a client (see XeroClient). */
export function journalCalls({ call, get, read, unreadable }: JournalCallDeps) {
  return {
    journalsByNarration(narrations: readonly string[]): XeroResult<XeroJournalState[]> {
      const what = 'the lookup of the cost of goods sold journals';
      const found: XeroJournalState[] = [];
      let batch: string[] = [];
      const ask = (list: string[]) => {
        // `page` makes Xero include each journal's lines, which voiding sends back.
        const got = get(`/ManualJournals?where=${encodeURIComponent(narrationFilter(list))}&page=1`, JournalsSchema, what);
        if (got.ok) found.push(...got.value.ManualJournals.map(journalState));
        return got;
      };
      for (const narration of narrations) {
        if (batch.length > 0 && encodeURIComponent(narrationFilter([...batch, narration])).length > MAX_WHERE_CHARS) {
          const got = ask(batch);
          if (!got.ok) return got;
          batch = [];
        }
        batch.push(narration);
      }
      if (batch.length > 0) {
        const got = ask(batch);
        if (!got.ok) return got;
      }
      return success(found);
    },
    createJournals(toCreate: readonly XeroManualJournal[], idempotencyKey: string): XeroResult<CreatedJournal[]> {
      const what = `creating the cost of goods sold journal${toCreate.length === 1 ? '' : 's'}`;
      const response = call('PUT', `${API_BASE}/ManualJournals?summarizeErrors=false`, what, { body: { ManualJournals: toCreate }, idempotencyKey });
      if (!response.ok) return response;
      const raw = parseJson(response.value.body) as { ManualJournals?: unknown[] } | undefined;
      const parsed = JournalsSchema.safeParse(raw);
      if (!parsed.success || parsed.data.ManualJournals.length !== toCreate.length) return failure(unreadable(what));
      return success(
        parsed.data.ManualJournals.map((journal, i): CreatedJournal => {
          const sent = toCreate[i]!.Narration;
          if (journal.StatusAttributeString === 'ERROR' || !journal.ManualJournalID || /^0{8}-/.test(journal.ManualJournalID)) {
            const element = raw!.ManualJournals![i] as { ValidationErrors?: { Message?: string }[] } | undefined;
            const problems = (element?.ValidationErrors ?? []).flatMap((e) => (e.Message ? [{ message: e.Message }] : []));
            return { ok: false, narration: sent, problems: problems.length > 0 ? problems : [{ message: 'Xero did not create it and gave no reason.' }] };
          }
          return { ok: true, journal: journalState(journal) };
        }),
      );
    },
    setJournalStatus(journal: XeroJournalState, status: 'VOIDED' | 'DELETED', idempotencyKey: string): XeroResult<XeroJournalState> {
      const what = `${status === 'VOIDED' ? 'voiding' : 'deleting'} a posted cost of goods sold journal`;
      // Xero's Manual Journals page makes Narration and the lines mandatory on POST: the journal
      // goes back as Xero holds it, with only its status changed.
      const body = {
        ManualJournals: [
          {
            ManualJournalID: journal.manualJournalId,
            Narration: journal.narration,
            ...(journal.date ? { Date: journal.date } : {}),
            Status: status,
            JournalLines: (journal.lines ?? []).map((l) => ({
              LineAmount: l.lineAmount,
              AccountCode: l.accountCode,
              ...(l.taxType ? { TaxType: l.taxType } : {}),
              ...(l.description ? { Description: l.description } : {}),
            })),
          },
        ],
      };
      const response = call('POST', `${API_BASE}/ManualJournals/${encodeURIComponent(journal.manualJournalId)}`, what, { body, idempotencyKey });
      if (!response.ok) return response;
      const parsed = read(JournalsSchema, response.value, what);
      if (!parsed.ok) return parsed;
      const [changed] = parsed.value.ManualJournals;
      return changed ? success(journalState(changed)) : failure(unreadable(what));
    },
  };
}
