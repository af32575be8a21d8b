/**
 * The status Xero gives a settlement's posted documents now. The spreadsheet records each
 * document's status when it was posted, but an accountant approves drafts in Xero afterwards; the
 * Void and re-post confirmation asks here first, so it says truly which documents will be voided
 * (approved) and which deleted (drafts, awaiting approval). One call to Xero, only when asked.
 */
import { openXeroSession } from '../../xero/connection';
import { readPosted } from '../posted';
import { appsScriptEnvironment } from '../xero/environment';
import { UserFacingError } from './envelope';

/** The posted documents' statuses in Xero now, by number. */
export function documentsInXero(request: { settlementId: string }): { documents: { invoiceNumber: string; status: string }[] } {
  const posted = readPosted(request.settlementId).documents;
  if (posted.length === 0) return { documents: [] };
  const session = openXeroSession(appsScriptEnvironment());
  if (!session.ok) throw new UserFacingError(session.failure.message);
  const found = session.value.client.invoicesById(posted.map((d) => d.invoiceId));
  if (!found.ok) throw new UserFacingError(found.failure.message);
  return { documents: found.value.map((d) => ({ invoiceNumber: d.invoiceNumber, status: d.status })) };
}
