/**
 * Attachments on invoices and bills: GET /Invoices/{InvoiceID}/Attachments lists them, PUT
 * /Invoices/{InvoiceID}/Attachments/{FileName} uploads one (the body is the file's bytes, its
 * Content-Type the file's type, `IncludeOnline` optional), POST to the same path updates the file
 * of that name. Both need the accounting.attachments scope (the spec's security), and the answer
 * is `{"Attachments":[{AttachmentID, FileName, Url, MimeType, ContentLength}]}` (the spec's
 * Attachments schema and examples).
 *
 * Limits and behaviour, with their sources:
 * - 10 attachments per document ("you can now attach up to 10 files per document", Xero's
 *   developer community announcement, community.xero.com/developer/discussion/3095073; the same
 *   figure in Linx's and Workato's Xero connector docs);
 * - at most 10 MB per file (Workato's Xero "Upload attachment" docs: "each attachment is limited
 *   to 10 MB"; Codat raised its Xero limit from 3 MB to 10 MB in April 2026, codatio/codat-docs#1802;
 *   Xero's 2013 announcement said 3 MB): a bigger body is refused;
 * - uploading (PUT) a name a document already has adds a second attachment of that name ("you can
 *   re-upload the same file as many times as you want … the filename is not a unique identifier",
 *   XeroAPI/Xero-NetStandard#52). Linx's connector docs say an upload of the same name overwrites;
 *   the sandbox follows the report of duplicates, the case a client must guard against.
 *
 * ASSUMPTION (listed in the README): the wording and status of the refusals (a 400
 * ValidationException for the 11th file, an empty body or a type Xero does not take; 413 for a
 * file over 10 MB); that a VOIDED or DELETED document takes no attachment; that POST replaces the
 * content of the same-named attachment (or adds one when there is none); the file types accepted
 * (the 2013 announcement's list plus those Codat lists for Xero).
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { notFound, validationException } from './api-errors';
import type { IdSource } from './ids';
import type { AttachmentRecord, InvoiceRecord } from './model';
import { jsonResponse } from './wire';

/** Files a document may carry. */
export const ATTACHMENTS_PER_DOCUMENT = 10;
/** The largest file Xero takes through the API, in bytes. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

// Xero's 2013 announcement's list, and Codat's list of Xero's types.
const TYPES = new Set([
  '7z', 'bmp', 'csv', 'doc', 'docx', 'eml', 'gif', 'jpeg', 'jpg', 'keynote', 'msg', 'numbers', 'odf', 'ods', 'odt',
  'pages', 'pdf', 'png', 'ppt', 'pptx', 'rar', 'rtf', 'tif', 'tiff', 'txt', 'xls', 'xlsx', 'zip',
]);

/** An attachment as Xero writes it, for a document of `resource` (Invoices). */
function render(resource: string, invoice: InvoiceRecord, a: AttachmentRecord): Record<string, unknown> {
  return {
    AttachmentID: a.AttachmentID,
    FileName: a.FileName,
    Url: `https://api.xero.com/api.xro/2.0/${resource}/${invoice.invoiceId}/Attachments/${encodeURIComponent(a.FileName)}`,
    MimeType: a.MimeType,
    ContentLength: a.content.length,
    IncludeOnline: a.IncludeOnline,
  };
}

/** The bytes of a request body: text as UTF-8, or Base64 decoded. */
export function bodyBytes(request: HttpRequest): Uint8Array {
  if (request.body === undefined) return new Uint8Array();
  return request.bodyEncoding === 'base64' ? new Uint8Array(Buffer.from(request.body, 'base64')) : new Uint8Array(Buffer.from(request.body, 'utf8'));
}

/** What the attachment handlers need. */
export interface AttachmentRequest {
  invoice: InvoiceRecord | undefined;
  request: HttpRequest;
  url: URL;
  ids: IdSource;
  now: number;
  ok(collection: Record<string, unknown>): HttpResponse;
}

/** GET /Invoices/{InvoiceID}/Attachments. */
export function listAttachments(r: AttachmentRequest): HttpResponse {
  if (!r.invoice) return notFound('no such invoice');
  const invoice = r.invoice;
  return r.ok({ Attachments: invoice.attachments.map((a) => render('Invoices', invoice, a)) });
}

/** PUT (add) or POST (replace the same-named file) /Invoices/{InvoiceID}/Attachments/{FileName}. */
export function uploadAttachment(r: AttachmentRequest, fileName: string, replace: boolean): HttpResponse {
  if (!r.invoice) return notFound('no such invoice');
  const invoice = r.invoice;
  const refuse = (message: string) => validationException([{ FileName: fileName, ValidationErrors: [{ Message: message }] }]);
  const content = bodyBytes(r.request);
  if (content.length > ATTACHMENT_MAX_BYTES) {
    return jsonResponse(413, { Title: 'Request Entity Too Large', Status: 413, Detail: `The file is ${content.length} bytes; Xero takes attachments of up to ${ATTACHMENT_MAX_BYTES} bytes (10 MB).` });
  }
  if (content.length === 0) return refuse('The file is empty.');
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension || !TYPES.has(extension)) return refuse(`Files of this type (${fileName}) cannot be attached.`);
  if (invoice.status === 'VOIDED' || invoice.status === 'DELETED') return refuse(`Invoice ${invoice.invoiceNumber} is ${invoice.status.toLowerCase()}: nothing can be attached to it.`);
  const existing = replace ? invoice.attachments.find((a) => a.FileName.toLowerCase() === fileName.toLowerCase()) : undefined;
  if (!existing && invoice.attachments.length >= ATTACHMENTS_PER_DOCUMENT) return refuse(`A document can have at most ${ATTACHMENTS_PER_DOCUMENT} attachments.`);
  const mimeType = (r.request.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
  const includeOnline = (r.url.searchParams.get('IncludeOnline') ?? '').toLowerCase() === 'true';
  const attachment: AttachmentRecord = existing
    ? Object.assign(existing, { MimeType: mimeType, content, at: r.now })
    : { AttachmentID: r.ids.uuid(), FileName: fileName, MimeType: mimeType, content, IncludeOnline: includeOnline, at: r.now };
  if (!existing) invoice.attachments.push(attachment);
  return r.ok({ Attachments: [render('Invoices', invoice, attachment)] });
}

/** A stored attachment as tests inspect it. */
export interface SandboxAttachment {
  attachmentId: string;
  fileName: string;
  mimeType: string;
  /** The file's text (UTF-8). */
  text: string;
  bytes: number;
}

/** The attachments of a document as a `SandboxAttachment` list. */
export function attachmentsView(invoice: InvoiceRecord): SandboxAttachment[] {
  return invoice.attachments.map((a) => ({ attachmentId: a.AttachmentID, fileName: a.FileName, mimeType: a.MimeType, text: Buffer.from(a.content).toString('utf8'), bytes: a.content.length }));
}
