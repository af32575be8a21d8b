/**
 * The Accounting API's own error bodies (as opposed to the gateway's 401/403 problems): the
 * ValidationException of a 400, unreadable post data, an unreadable `where`, and 404.
 */
import type { HttpResponse } from '../../../src/xero/http';
import { jsonResponse } from './wire';

/** 400 `{"ErrorNumber":10,"Type":"ValidationException",…,"Elements":[…]}` with the failing documents. */
export function validationException(elements: Record<string, unknown>[]): HttpResponse {
  return jsonResponse(400, {
    ErrorNumber: 10,
    Type: 'ValidationException',
    Message: 'A validation exception occurred',
    Elements: elements,
  });
}

/** 400 for a body that is not the JSON the endpoint expects (Xero's PostDataInvalidException). */
export function postDataInvalid(detail: string): HttpResponse {
  return jsonResponse(400, {
    ErrorNumber: 14,
    Type: 'PostDataInvalidException',
    Message: `JSON for post data was invalid: ${detail}`,
  });
}

/** 400 for a `where` clause that cannot be read (Xero's QueryParseException). */
export function queryParseError(detail: string): HttpResponse {
  return jsonResponse(400, { ErrorNumber: 16, Type: 'QueryParseException', Message: detail });
}

/** Xero's 404 for an unknown resource or document. */
export function notFound(what: string): HttpResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: `The resource you're looking for cannot be found (${what})`,
  };
}
