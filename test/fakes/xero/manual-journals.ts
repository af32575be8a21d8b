/**
 * The ManualJournals endpoints: GET /ManualJournals (where, page), GET /ManualJournals/{id}, PUT
 * /ManualJournals (create; summarizeErrors), and POST /ManualJournals/{id} to change a status.
 *
 * Xero's Manual Journals page: GET without `page` leaves the journal lines out ("Up to 100 manual
 * journals will be returned per call, with journal lines shown for each, when the page parameter
 * is used"); the optimised `where` is `Narration=="…"`; the default order is UpdatedDateUTC ASC.
 * PUT only creates. Status changes: a DRAFT journal is POSTED or DELETED and a POSTED one VOIDED
 * (Xero Central, "Void, archive or delete multiple journals"; the status enum of the OpenAPI spec),
 * never one dated in a locked period (lock-dates.ts). summarizeErrors=false answers 200 with each
 * journal's StatusAttributeString, Warnings and ValidationErrors (Xero staff in
 * XeroAPI/Xero-Java#192); otherwise a 400 ValidationException names the failed journals while the
 * valid ones ARE created, as for invoices (invoices.ts).
 *
 * ASSUMPTION: a status change must send the journal as Xero holds it (Narration and its lines, as
 * the docs make them "mandatory for a PUT / POST request") with the new Status; any other change
 * is refused (the sandbox models status changes only); ARCHIVED journals cannot be changed by the API.
 */
import type { HttpResponse } from '../../../src/xero/http';
import { itemsOfBody, notFound, queryParseError, validationException } from './api-errors';
import { lockedForChange } from './lock-dates';
import type { InvoiceRequest } from './invoices';
import { validateJournal, type JournalCandidate } from './journal-validation';
import type { ManualJournalRecord, ManualJournalStatus } from './model';
import { dayToMs, fixed, msDate } from './wire';
import { parseWhere } from './where-filter';

/** A journal as tests inspect it: money as exact decimal strings. */
export interface SandboxJournal {
  manualJournalId: string;
  narration: string;
  date: string;
  status: ManualJournalStatus;
  lineAmountTypes: string;
  lines: { description?: string; accountCode?: string; taxType?: string; lineAmount: string }[];
}

/** The test's view of a stored journal. */
export function journalView(journal: ManualJournalRecord): SandboxJournal {
  return {
    manualJournalId: journal.manualJournalId,
    narration: journal.narration,
    date: journal.date,
    status: journal.status,
    lineAmountTypes: journal.lineAmountTypes,
    lines: journal.lines.map((l) => ({ description: l.description, accountCode: l.accountCode, taxType: l.taxType, lineAmount: l.lineAmount.toFixed(2) })),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A journal in Xero's JSON shape (field order from the spec's examples). */
export function renderJournal(journal: ManualJournalRecord, options: { lines: boolean; outcome?: { errors: string[]; warnings: string[] } }): Record<string, unknown> {
  const outcome = options.outcome;
  return {
    Date: msDate(dayToMs(journal.date)),
    Status: journal.status,
    LineAmountTypes: journal.lineAmountTypes,
    UpdatedDateUTC: msDate(journal.updatedAt),
    ManualJournalID: journal.manualJournalId,
    Narration: journal.narration,
    JournalLines: options.lines
      ? journal.lines.map((line) => ({
          Description: line.description,
          TaxType: line.taxType,
          TaxAmount: fixed(line.taxAmount, 2),
          LineAmount: fixed(line.lineAmount, 2),
          AccountCode: line.accountCode,
          AccountID: line.accountId,
          Tracking: line.tracking,
          IsBlank: false,
        }))
      : undefined,
    Url: journal.url,
    ShowOnCashBasisReports: journal.showOnCashBasisReports,
    HasAttachments: false,
    ...(outcome
      ? {
          StatusAttributeString: outcome.errors.length > 0 ? 'ERROR' : outcome.warnings.length > 0 ? 'WARNING' : 'OK',
          Warnings: outcome.warnings.map((Message) => ({ Message })),
          ValidationErrors: outcome.errors.map((Message) => ({ Message })),
        }
      : {}),
  };
}

function findJournal(req: InvoiceRequest, id: string): ManualJournalRecord | undefined {
  return GUID.test(id) ? req.org.manualJournals.find((j) => j.manualJournalId === id.toLowerCase()) : undefined;
}

/** GET /ManualJournals: every journal (lines only with `page`), filtered by `where`. */
export function listJournals(req: InvoiceRequest): HttpResponse {
  const where = req.url.searchParams.get('where');
  const filter = where === null ? undefined : parseWhere(where);
  if (filter !== undefined && typeof filter !== 'function') return queryParseError(filter.problem);
  const paged = req.url.searchParams.get('page') !== null;
  const ordered = [...req.org.manualJournals].sort((a, b) => a.updatedAt - b.updatedAt);
  const selected = ordered.filter((j) => !filter || filter(renderJournal(j, { lines: false })));
  if (!paged) return req.ok({ ManualJournals: selected.map((j) => renderJournal(j, { lines: false })) });
  const page = Math.max(1, Number.parseInt(req.url.searchParams.get('page') ?? '', 10) || 1);
  const pageSize = Math.min(1000, Math.max(1, Number.parseInt(req.url.searchParams.get('pageSize') ?? '', 10) || 100));
  return req.ok({
    pagination: { page, pageSize, pageCount: Math.ceil(selected.length / pageSize), itemCount: selected.length },
    ManualJournals: selected.slice((page - 1) * pageSize, page * pageSize).map((j) => renderJournal(j, { lines: true })),
  });
}

/** GET /ManualJournals/{ManualJournalID}. */
export function getJournal(req: InvoiceRequest, id: string): HttpResponse {
  const journal = findJournal(req, id);
  return journal ? req.ok({ ManualJournals: [renderJournal(journal, { lines: true })] }) : notFound(`no manual journal ${id}`);
}


/** PUT /ManualJournals: each journal succeeds or fails on its own. */
export function createJournals(req: InvoiceRequest): HttpResponse {
  const journals = itemsOfBody(req.body, 'ManualJournals');
  if (!Array.isArray(journals)) return journals;
  const summarize = (req.url.searchParams.get('summarizeErrors') ?? 'true').toLowerCase() !== 'false';
  const candidates: JournalCandidate[] = journals.map((raw) => validateJournal(raw, { org: req.org, ids: req.ids, now: req.now, role: req.role }));
  for (const c of candidates.filter((candidate) => candidate.errors.length === 0)) {
    c.record.manualJournalId = req.ids.uuid();
    req.org.manualJournals.push(c.record);
  }
  const render = (c: JournalCandidate) => renderJournal(c.record, { lines: true, outcome: { errors: c.errors, warnings: c.warnings } });
  const failed = candidates.filter((c) => c.errors.length > 0);
  if (summarize && failed.length > 0) return validationException(failed.map(render));
  return req.ok({ ManualJournals: (summarize ? candidates.filter((c) => c.errors.length === 0) : candidates).map(render) });
}

const NEXT_STATUSES: Readonly<Record<ManualJournalStatus, readonly ManualJournalStatus[]>> = {
  DRAFT: ['DRAFT', 'POSTED', 'DELETED'],
  POSTED: ['POSTED', 'VOIDED'],
  VOIDED: [],
  DELETED: [],
  ARCHIVED: [],
};

/** The fields of a line that a status change must send back unchanged. */
function lineFacts(lines: readonly { lineAmount: { toFixed(n: number): string }; accountCode?: string | undefined; taxType?: string | undefined }[]): string {
  return JSON.stringify(lines.map((l) => [l.lineAmount.toFixed(2), (l.accountCode ?? '').toLowerCase(), (l.taxType ?? '').toUpperCase()]));
}

/** POST /ManualJournals/{ManualJournalID} with the journal and its new Status. */
export function changeJournalStatus(req: InvoiceRequest, id: string): HttpResponse {
  const journal = findJournal(req, id);
  if (!journal) return notFound(`no manual journal ${id}`);
  const journals = itemsOfBody(req.body, 'ManualJournals');
  if (!Array.isArray(journals)) return journals;
  const change = (journals[0] ?? {}) as Record<string, unknown>;
  const render = (errors: string[]) => renderJournal(journal, { lines: true, outcome: { errors, warnings: [] } });
  const target = String(change['Status'] ?? '') as ManualJournalStatus;
  const sent = validateJournal({ ...change, Status: 'DRAFT', Date: change['Date'] ?? journal.date }, { org: req.org, ids: req.ids, now: req.now, role: 'adviser' }, journal);
  const same = sent.record.narration === journal.narration && lineFacts(sent.record.lines) === lineFacts(journal.lines);
  if (!same) {
    return validationException([
      render(['The Xero sandbox models only Status changes on POST /ManualJournals/{ManualJournalID}: send the journal as Xero holds it (Narration and JournalLines) with the new Status.']),
    ]);
  }
  if (!(NEXT_STATUSES[journal.status] ?? []).includes(target)) {
    return validationException([render([`The status '${target}' cannot be applied to the document`])]);
  }
  if (target === 'VOIDED' || target === 'DELETED') {
    const locked = lockedForChange(req.org.profile, journal.date, req.role);
    if (locked) return validationException([render([locked])]);
  }
  if (target === 'POSTED') {
    // Posting a draft checks it again against today's settings, as approving an invoice does.
    const again = validateJournal({ ...change, Date: journal.date, Status: 'POSTED' }, { org: req.org, ids: req.ids, now: req.now, role: req.role }, journal);
    if (again.errors.length > 0) return validationException([render(again.errors)]);
  }
  journal.status = target;
  journal.updatedAt = req.now;
  return req.ok({ ManualJournals: [render([])] });
}
