/**
 * Attaching the original settlement file to a settlement's documents in Xero, when the person asks
 * (the sidebar has them choose the file again and checks it is the one imported). Under the
 * document lock, like posting, and never twice (posting-attachments.ts).
 */
import type { XeroEnvironment } from './environment';
import { isOpen } from './posted-records';
import { attachFiles, type AttachmentOutcome } from './posting-attachments';
import { POST_LOCK_WAIT_MS } from './posting';
import { spreadsheetPostingDeps } from './spreadsheet';

/** The name the original file gets in Xero: one per settlement, on each of its documents. */
export function originalFileName(settlementId: string, given: string): string {
  const extension = /\.csv$/i.test(given) ? 'csv' : 'txt';
  return `Amazon-settlement-${settlementId.replace(/[^A-Za-z0-9]/g, '')}.${extension}`;
}

/** Attaches the file (its bytes as Base64) to every open document of the settlement; says what happened. */
export function attachOriginalFile(env: XeroEnvironment, settlementId: string, file: { fileName: string; base64: string }): AttachmentOutcome {
  const deps = spreadsheetPostingDeps(env);
  if (!deps.ok) return { kind: 'failed', message: deps.failure.message };
  const locked = deps.value.documentLock.run(POST_LOCK_WAIT_MS, () => {
    const record = deps.value.records.read(settlementId);
    const documents = (record?.documents ?? []).filter((d) => isOpen(d.status));
    if (!record || documents.length === 0) {
      return { kind: 'failed' as const, message: `Settlement ${settlementId} has no documents in Xero yet: post it first, then attach its file.` };
    }
    const name = originalFileName(settlementId, file.fileName);
    const mimeType = name.endsWith('.csv') ? 'text/csv' : 'text/plain';
    const wanted = documents.map((document) => ({ document, kind: 'original' as const, file: { fileName: name, mimeType, base64: file.base64 } }));
    const done = attachFiles(deps.value, record, wanted, () => new Date(deps.value.clock.now()).toISOString());
    return done.outcome.kind === 'already-attached'
      ? { kind: done.outcome.kind, message: `The settlement file is already attached to ${documents.map((d) => d.invoiceNumber).join(', ')}: nothing was sent.` }
      : done.outcome;
  });
  return locked.ok ? locked.value : { kind: 'failed', message: 'Someone else is posting from this spreadsheet right now. Try again in a minute.' };
}
