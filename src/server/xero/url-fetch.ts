/**
 * UrlFetchApp as the Xero modules' HttpPort. HTTP errors come back as responses
 * (`muteHttpExceptions`); redirects are never followed (`followRedirects: false`), so a bearer
 * token is only ever sent to the host it was meant for; header names are lower-cased.
 *
 * When `fetch` throws, Google either refused to send the request or got no answer. Only the second
 * is worth trying again (a NetworkError, which the transport retries): a refusal is a
 * `UrlFetchRefused` with words for the person, never retried.
 * - "Service invoked too many times for one day: urlfetch." (Google's quotas page: 20,000 calls a
 *   day on consumer accounts, 100,000 on Workspace) and "… in a short time …";
 * - "Request to <url> failed because the URL has not been whitelisted in the script manifest."
 *   (the manifest's urlFetchWhitelist);
 * - "You do not have permission to call UrlFetchApp.fetch…" or "Specified permissions are not
 *   sufficient to call UrlFetchApp.fetch…" (the script.external_request scope not granted);
 * - "Limit Exceeded: URLFetch URL Length." (a URL over 2 KB).
 * Anything else ("Address unavailable", "DNS error", a timeout) is a network failure.
 */
import { NetworkError, type HttpPort } from '../../xero/http';
import { UserFacingError } from '../api/envelope';

/** Google refused a UrlFetch call before it reached Xero; retrying now cannot help. */
export class UrlFetchRefused extends UserFacingError {
  override name = 'UrlFetchRefused';
}

/** What a UrlFetch exception means. */
export type FetchFailure = 'daily-quota' | 'rate' | 'not-allowed' | 'no-permission' | 'too-long' | 'network';

/** Classifies the message of an exception UrlFetchApp.fetch threw. */
export function classifyFetchFailure(message: string): FetchFailure {
  if (/Service invoked too many times for one day/i.test(message)) return 'daily-quota';
  if (/Service invoked too many times|Bandwidth quota exceeded/i.test(message)) return 'rate';
  if (/has not been whitelisted|not in the allowlist|does not match any of the prefixes/i.test(message)) return 'not-allowed';
  if (/(do not have permission|permissions are not sufficient) to call UrlFetchApp/i.test(message)) return 'no-permission';
  if (/URLFetch URL Length/i.test(message)) return 'too-long';
  return 'network';
}

function refusal(kind: Exclude<FetchFailure, 'network'>, url: string): UrlFetchRefused {
  const origin = /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? url;
  switch (kind) {
    case 'daily-quota':
      return new UrlFetchRefused(
        "Google's daily limit on SettleSheet's calls to Xero is used up for your Google account (20,000 calls a day on personal accounts, 100,000 on Workspace). Nothing more was sent to Xero; try again tomorrow, or let a colleague continue from their own account.",
      );
    case 'rate':
      return new UrlFetchRefused('Google is limiting how fast SettleSheet may call Xero right now. Nothing more was sent; wait a minute and try again.');
    case 'not-allowed':
      return new UrlFetchRefused(
        `SettleSheet's manifest does not allow calls to ${origin}. Whoever deployed SettleSheet must add "${origin}/" to urlFetchWhitelist in appsscript.json and deploy again.`,
      );
    case 'no-permission':
      return new UrlFetchRefused(
        'Google has not given SettleSheet permission to reach Xero (the "connect to an external service" permission). Reopen SettleSheet from the Extensions menu and accept the permissions it asks for.',
      );
    case 'too-long':
      return new UrlFetchRefused('A request to Xero was longer than Google allows (2 KB of address). Nothing was sent; tell SettleSheet\'s support.');
  }
}

/** UrlFetchApp as the HttpPort (see above). */
export const urlFetchHttp: HttpPort = (request) => {
  const { 'content-type': contentType, ...headers } = request.headers;
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers,
    muteHttpExceptions: true,
    followRedirects: false,
  };
  // A file goes as its bytes (UrlFetchApp takes "a string, a byte array, a blob, or a JavaScript object").
  if (request.body !== undefined) params.payload = request.bodyEncoding === 'base64' ? Utilities.base64Decode(request.body) : request.body;
  if (contentType !== undefined) params.contentType = contentType;
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(request.url, params);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kind = classifyFetchFailure(message);
    if (kind === 'network') throw new NetworkError(message);
    console.warn(`SettleSheet: UrlFetch refused (${kind}): ${message}`);
    throw refusal(kind, request.url);
  }
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getAllHeaders() as Record<string, string | string[]>)) {
    responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: response.getResponseCode(), headers: responseHeaders, body: response.getContentText() };
};
