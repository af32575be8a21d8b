/**
 * https://api.xero.com/connections: the organisations the signed-in user has connected to the app
 * (per xero-identity.yaml), and DELETE to disconnect one.
 */
import type { HttpRequest, HttpResponse } from '../../../src/xero/http';
import { checkBearer, connectionsOf, type Identity } from './identity';
import { identityTimestamp, jsonResponse } from './wire';

/** GET /connections (optionally `?authEventId=`) and DELETE /connections/{id}. */
export function handleConnections(identity: Identity, request: HttpRequest, url: URL, id: string | undefined): HttpResponse {
  const auth = checkBearer(identity, request);
  if (!auth.ok) return auth.response;
  const mine = connectionsOf(identity, auth.grant);
  if (id !== undefined) {
    if (request.method !== 'DELETE') return notFound();
    const connection = mine.find((c) => c.id === id);
    if (!connection) return notFound();
    identity.connections = identity.connections.filter((c) => c !== connection);
    return { status: 204, headers: {}, body: '' };
  }
  if (request.method !== 'GET') return notFound();
  const authEventId = url.searchParams.get('authEventId');
  const names = new Map(identity.organisations().map((org) => [org.tenantId, org.name]));
  return jsonResponse(
    200,
    mine
      .filter((c) => authEventId === null || c.authEventId === authEventId)
      .map((c) => ({
        id: c.id,
        authEventId: c.authEventId,
        tenantId: c.tenantId,
        tenantType: 'ORGANISATION',
        tenantName: names.get(c.tenantId) ?? '',
        createdDateUtc: identityTimestamp(c.createdAt),
        updatedDateUtc: identityTimestamp(c.updatedAt),
      })),
  );
}

function notFound(): HttpResponse {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Resource not found' };
}
