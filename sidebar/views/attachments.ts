/**
 * The files attached to a settlement's documents in Xero: each document's summary (and the
 * original settlement file, when attached), what failed and why, "Attach again" for what is
 * missing (a file already there is never attached twice), and attaching the original file, which
 * the person chooses again: it is checked here to be the file that was imported.
 */
import { importBegin } from '../../src/api/import-payload';
import type { PreviewResult } from '../../src/api/types';
import { parseSettlement } from '../../src/core/settlement';
import type { SidebarContext } from '../context';
import { h, uid } from '../dom';
import { messageOf } from '../server';
import { notice, working } from './notice';

/** Xero takes attachments of up to 10 MB. */
const LIMIT_BYTES = 10 * 1024 * 1024;

const STATE_WORDS = { attached: 'attached', sending: 'may not have arrived (it is looked up before it is sent again)', failed: 'not attached' } as const;

/** Base64 of bytes, a slice at a time (btoa takes a binary string). */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Why a chosen file cannot be attached as this settlement's original, or undefined when it can. */
export function originalFileProblem(bytes: Uint8Array, fileName: string, preview: PreviewResult): string | undefined {
  if (bytes.length > LIMIT_BYTES) return `${fileName} is larger than the 10 MB Xero takes as an attachment.`;
  const parsed = parseSettlement(bytes, fileName);
  if (!parsed.ok) return parsed.problems[0]!.message;
  if (parsed.settlement.header.settlementId !== preview.settlement.settlementId) {
    return `${fileName} is settlement ${parsed.settlement.header.settlementId}, not ${preview.settlement.settlementId}.`;
  }
  if (importBegin(parsed.settlement).contentHash !== preview.attachments?.contentHash) {
    return `${fileName} is not the file settlement ${preview.settlement.settlementId} was imported from (its lines differ). Choose that file.`;
  }
  return undefined;
}

/** The section, or nothing while nothing is in Xero. `changed` reloads the detail. */
export function attachmentsView(ctx: SidebarContext, preview: PreviewResult, changed: () => void): HTMLElement | null {
  const attachments = preview.attachments;
  if (!attachments || preview.settlement.documents.length === 0) return null;
  const headingId = uid('attachments');
  const section = h('section', { class: 'attachments', 'aria-labelledby': headingId }, h('h3', { id: headingId }, 'Files on the documents in Xero'));
  const connected = ctx.connection()?.canPost ?? false;
  section.append(
    attachments.files.length
      ? h('ul', { class: 'plain small' }, ...attachments.files.map((f) => h('li', {}, `${f.invoiceNumber}: ${f.fileName} — ${STATE_WORDS[f.state]}`, f.error && f.state !== 'attached' ? h('span', { class: 'gray' }, ` (${f.error})`) : null)))
      : h('p', { class: 'gray small' }, attachments.enabled ? 'Nothing attached yet.' : 'Summaries are not attached (Settings › Contacts and attachments).'),
  );
  const attachAgain = async (button: HTMLButtonElement) => {
    button.disabled = true;
    button.replaceWith(working('Attaching…'));
    try {
      const result = await ctx.call('postSettlement', { settlementId: preview.settlement.settlementId, mode: 'post' });
      ctx.notify(notice(result.outcome === 'posted' || result.outcome === 'already-posted' ? 'success' : 'error', result.message), { focus: true });
    } catch (error) {
      ctx.notify(notice('error', messageOf(error)), { focus: true });
    }
    changed();
  };
  if (attachments.missing.length && connected) {
    const button: HTMLButtonElement = h('button', { type: 'button', class: 'small-button', onclick: () => void attachAgain(button) }, 'Attach again');
    section.append(h('p', { class: 'small' }, `The summary is not on ${attachments.missing.join(', ')} yet.`), h('div', { class: 'buttons' }, button));
  }
  if (connected) {
    const inputId = uid('original');
    const input = h('input', { id: inputId, type: 'file', class: 'visually-hidden' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      input.value = '';
      void file.arrayBuffer().then(async (buffer) => {
        const bytes = new Uint8Array(buffer);
        const problem = originalFileProblem(bytes, file.name, preview);
        if (problem) return ctx.notify(notice('error', problem), { focus: true });
        ctx.notify(working(`Attaching ${file.name} to the documents in Xero…`));
        try {
          const result = await ctx.call('attachOriginalFile', { settlementId: preview.settlement.settlementId, fileName: file.name, base64: base64Of(bytes) });
          ctx.notify(notice(result.attached ? 'success' : 'error', result.message), { focus: true });
        } catch (error) {
          ctx.notify(notice('error', messageOf(error)), { focus: true });
        }
        changed();
      });
    });
    section.append(
      input,
      h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small-button', onclick: () => input.click() }, 'Attach the settlement file…')),
      h('p', { class: 'gray small' }, 'Choose the file you imported (up to 10 MB): it is checked against the import, then attached to each document.'),
    );
  }
  return section;
}
