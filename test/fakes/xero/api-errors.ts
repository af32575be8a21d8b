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

/**
 * The items of a PUT/POST body: `{"<collection>":[…]}`, or one item on its own; or the 400 for a
 * body that is not that JSON.
 */
export function itemsOfBody(body: string | undefined, collection: string): unknown[] | HttpResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch (error) {
    return postDataInvalid((error as Error).message);
  }
  if (parsed === null || typeof parsed !== 'object') return postDataInvalid('expected an object');
  const items = (parsed as Record<string, unknown>)[collection];
  if (Array.isArray(items)) return items;
  return items === undefined ? [parsed] : postDataInvalid(`${collection} must be an array`);
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
