/**
 * The attachments of a settlement's documents as the sidebar shows them (what is attached, what
 * failed and why, what "Attach again" would send), and attaching the original settlement file
 * the person chose again in the sidebar.
 */
import type { AttachmentsDto } from '../../api/types';
import { summaryFileName } from '../../core/attachments/summary-csv';
import { attachOriginalFile as attachOriginal } from '../../xero/attach-original';
import { isOpen } from '../../xero/posted-records';
import { postedRecord } from '../posted';
import { appendLog } from '../workbook/log';
import { Workbook } from '../workbook/workbook';
import { appsScriptEnvironment } from '../xero/environment';
import { currentUser } from '../identity';
import { UserFacingError } from './envelope';
import type { Computed } from './compute';

/** The preview's `attachments`: the files on the documents Xero holds, and the summaries still to attach. */
export function attachmentsOf(c: Computed): AttachmentsDto {
  const record = postedRecord(c.record.settlementId);
  const open = (record?.documents ?? []).filter((d) => isOpen(d.status));
  const ids = new Set(open.map((d) => d.invoiceId));
  const files = (record?.attachments ?? [])
    .filter((a) => ids.has(a.invoiceId))
    .map(({ invoiceNumber, fileName, kind, state, error }) => ({ invoiceNumber, fileName, kind, state, ...(error && state !== 'attached' ? { error } : {}) }));
  const enabled = c.attachments !== undefined;
  const missing = enabled
    ? open.filter((d) => !files.some((f) => f.invoiceNumber === d.invoiceNumber && f.fileName === summaryFileName(d.invoiceNumber) && f.state === 'attached')).map((d) => d.invoiceNumber)
    : [];
  return { enabled, files, missing, contentHash: c.record.contentHash };
}

/** Attaches the original settlement file to the settlement's documents in Xero, and logs it. */
export function attachOriginalFile(request: { settlementId: string; fileName: string; base64: string }): { message: string; attached: boolean } {
  const outcome = attachOriginal(appsScriptEnvironment(), request.settlementId, request);
  if (outcome.kind === 'failed' && /post it first/.test(outcome.message)) throw new UserFacingError(outcome.message);
  appendLog(
    Workbook.active(),
    { what: 'Attach file', settlementId: request.settlementId, result: outcome.kind === 'failed' ? 'Failed' : 'OK', details: outcome.message },
    currentUser(),
  );
  return { message: outcome.message, attached: outcome.kind !== 'failed' };
}
