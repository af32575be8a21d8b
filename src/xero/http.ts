/**
 * The one door to HTTP. Apps Script's UrlFetchApp is synchronous, so the port is too: the
 * UrlFetchApp adapter implements it in Apps Script, the local Xero sandbox implements it in tests
 * and in the workbench.
 */

/** An HTTP request as the Xero client sends it. Header names are lower case. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** Already encoded (JSON or form-urlencoded); absent for GET and DELETE. */
  body?: string;
  /** `base64`: `body` is the Base64 of the bytes to send (an attachment's file), not text. */
  bodyEncoding?: 'base64';
}

/** An HTTP response. Header names are lower case. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends one request and returns the response; throws only when no response arrived at all. */
export type HttpPort = (request: HttpRequest) => HttpResponse;

/** Thrown by an HttpPort when the request got no response (DNS, timeout, connection reset). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}
