/**
 * The client's calls for tracking categories (GET /TrackingCategories) and for attachments on
 * documents (GET /Invoices/{InvoiceID}/Attachments, PUT /Invoices/{InvoiceID}/Attachments/{FileName}),
 * over the client's own request helpers, so they answer and fail exactly like its other calls.
 */
import * as z from 'zod/mini';
import { failure, success, type XeroFailure, type XeroResult } from './errors';
import type { HttpRequest, HttpResponse } from './http';

const API_BASE = 'https://api.xero.com/api.xro/2.0';

const TrackingCategoriesSchema = z.object({
  TrackingCategories: z.array(
    z.object({
      TrackingCategoryID: z.optional(z.string()),
      Name: z.string(),
      Status: z.optional(z.string()),
      Options: z.optional(z.array(z.object({ TrackingOptionID: z.optional(z.string()), Name: z.string(), Status: z.optional(z.string()) }))),
    }),
  ),
});

/** A tracking category of the organisation, with its options, archived ones included. */
export interface XeroTrackingCategory {
  name: string;
  /** ACTIVE or ARCHIVED. */
  status: string;
  options: { name: string; status: string }[];
}

const AttachmentsSchema = z.object({
  Attachments: z.array(z.object({ AttachmentID: z.optional(z.string()), FileName: z.string(), ContentLength: z.optional(z.number()) })),
});

/** A file attached to a document in Xero. */
export interface XeroAttachment {
  attachmentId: string;
  fileName: string;
  bytes: number;
}

/** A file to attach: its name, type and bytes as Base64. */
export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The client helpers these calls run on. */
export interface AttachmentCallDeps {
  call(method: HttpRequest['method'], url: string, what: string, options?: { idempotencyKey?: string; file?: { base64: string; contentType: string } }): XeroResult<HttpResponse>;
  get<T>(path: string, schema: z.ZodMiniType<T>, what: string): XeroResult<T>;
  read<T>(schema: z.ZodMiniType<T>, response: HttpResponse, what: string): XeroResult<T>;
  unreadable(what: string): XeroFailure;
}

const attachment = (a: z.infer<typeof AttachmentsSchema>['Attachments'][number]): XeroAttachment => ({ attachmentId: a.AttachmentID ?? '', fileName: a.FileName, bytes: a.ContentLength ?? 0 });

/** The tracking and attachment calls of a client (see XeroClient). */
export function attachmentCalls({ call, get, read, unreadable }: AttachmentCallDeps) {
  return {
    trackingCategories(): XeroResult<XeroTrackingCategory[]> {
      // Archived ones too, so a check can say "archived" rather than "missing".
      const found = get('/TrackingCategories?includeArchived=true', TrackingCategoriesSchema, 'the tracking categories');
      if (!found.ok) return found;
      return success(
        found.value.TrackingCategories.map((c) => ({
          name: c.Name,
          status: c.Status ?? 'ACTIVE',
          options: (c.Options ?? []).map((o) => ({ name: o.Name, status: o.Status ?? 'ACTIVE' })),
        })),
      );
    },
    attachmentsOf(invoiceId: string): XeroResult<XeroAttachment[]> {
      const found = get(`/Invoices/${encodeURIComponent(invoiceId)}/Attachments`, AttachmentsSchema, 'the list of files attached to a posted document');
      return found.ok ? success(found.value.Attachments.map(attachment)) : found;
    },
    attach(invoiceId: string, file: AttachmentFile, idempotencyKey: string): XeroResult<XeroAttachment> {
      const what = `attaching ${file.fileName}`;
      const url = `${API_BASE}/Invoices/${encodeURIComponent(invoiceId)}/Attachments/${encodeURIComponent(file.fileName)}`;
      const response = call('PUT', url, what, { idempotencyKey, file: { base64: file.base64, contentType: file.mimeType } });
      if (!response.ok) return response;
      const parsed = read(AttachmentsSchema, response.value, what);
      if (!parsed.ok) return parsed;
      const [created] = parsed.value.Attachments;
      return created ? success(attachment(created)) : failure(unreadable(what));
    },
  };
}
