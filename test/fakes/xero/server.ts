/**
 * A small Node HTTP server around a sandbox, so a real browser can reach the consent page and a
 * person can watch what was posted. `http://127.0.0.1:PORT/<host>/<path>?query` is answered as
 * `https://<host>/<path>?query`; `/` is a read-only overview of the organisations and documents.
 * Redirects to Xero hosts are rewritten to stay on the server; a lost response (network fault)
 * resets the connection; a slow fault really waits.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from '../../../src/xero/http';
import { renderOverviewPage } from './overview-page';
import type { XeroSandbox } from './sandbox';

/** A running sandbox server. */
export interface XeroSandboxServer {
  /** `http://127.0.0.1:PORT`, the prefix to put before `/<host>/<path>`. */
  url: string;
  port: number;
  /** `https://host/path` → the URL to reach it through this server. */
  proxied(xeroUrl: string): string;
  close(): Promise<void>;
}

const XERO_URL = /^https:\/\/((?:login|identity|api)\.xero\.com)(\/[^\s]*)?$/i;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'host' && name !== 'connection') headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Starts the server on 127.0.0.1 (`port` 0 picks a free one). */
export function startXeroSandboxServer(options: { sandbox: XeroSandbox; port?: number; host?: string }): Promise<XeroSandboxServer> {
  const host = options.host ?? '127.0.0.1';
  let prefix = '';
  const proxied = (xeroUrl: string) => xeroUrl.replace(XERO_URL, (_, xeroHost: string, rest?: string) => `${prefix}/${xeroHost.toLowerCase()}${rest ?? '/'}`);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = /^\/((?:login|identity|api)\.xero\.com)(\/[^?]*)?(\?.*)?$/i.exec(req.url ?? '/');
    if (!target) {
      if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderOverviewPage(options.sandbox, prefix));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not a Xero URL: use /<host>/<path>, e.g. /api.xero.com/connections');
      }
      return;
    }
    if (!METHODS.has(req.method ?? '')) {
      res.writeHead(405, { allow: 'GET, POST, PUT, DELETE' }).end();
      return;
    }
    const body = await readBody(req);
    const request: HttpRequest = {
      method: req.method as HttpRequest['method'],
      url: `https://${target[1]!.toLowerCase()}${target[2] ?? '/'}${target[3] ?? ''}`,
      headers: headersOf(req),
      ...(body === '' && (req.method === 'GET' || req.method === 'DELETE') ? {} : { body }),
    };
    const outcome = options.sandbox.dispatch(request);
    if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
    if ('error' in outcome) {
      req.socket.destroy();
      return;
    }
    const headers = { ...outcome.response.headers };
    if (headers['location']) headers['location'] = proxied(headers['location']);
    res.writeHead(outcome.response.status, headers).end(outcome.response.body);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Sandbox error: ${(error as Error).message}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      prefix = `http://${host}:${port}`;
      resolve({
        url: prefix,
        port,
        proxied,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}
