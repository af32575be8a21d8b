/**
 * The local workbench: the product without a Google account. One in-memory Google world (the
 * fakes) with a spreadsheet, the built dist/Code.js run per call in it, a Xero sandbox that
 * UrlFetchApp reaches, and an HTTP server on localhost serving the real dist/Sidebar.html beside a
 * live view of the workbook's tabs.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { createGoogleFakes, type GoogleWorld } from '../../test/fakes/google';
import { createXeroSandbox, DEFAULT_APP, DEFAULT_USER, seedOrganisations, TENANT_IDS, type XeroSandbox } from '../../test/fakes/xero';
import { SCRIPT_PROPERTY } from '../xero/config';
import { AppsScriptRuntime, type CallAnswer } from './apps-script-runtime';
import { demoSettlement } from './demo-settlement';
import { hostPage, sidebarPage } from './host-page';
import { personEdits } from './person-edit';
import { snapshotWorkbook } from './workbook-view';
import { localiseXeroUrls, serveXero, type PageResponse } from './xero-pages';

/** How to start a workbench. */
export interface WorkbenchOptions {
  /** The repository root: dist/ and the page scripts are read from there. */
  root: string;
  /** 0 picks a free port (tests); the default is 8080. */
  port?: number;
  host?: string;
  /** Where the server's warnings and errors go (as Apps Script's executions list shows them); none by default. */
  log?: (line: string) => void;
}

/** A running workbench. Tests reach the world and the sandbox directly (e.g. to arm Xero faults). */
export interface Workbench {
  url: string;
  world: GoogleWorld;
  sandbox: XeroSandbox;
  /** The Google user the sidebar runs as (also the sandbox's Xero user). */
  user: string;
  /** Runs a `google.script.run` target as another collaborator of the spreadsheet (tests: what someone else did). */
  callAs(user: string, name: string, request: unknown): CallAnswer;
  close(): Promise<void>;
}

const SCRIPT_ID = 'workbench-script-id';
const REDIRECT_URI = `https://script.google.com/macros/d/${SCRIPT_ID}/usercallback`;
// The largest request the sidebar sends is a chunk of 5,000 lines.
const MAX_BODY = 20 * 1024 * 1024;

async function bundlePageScript(root: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'src/workbench/page', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RangeError('Request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: PageResponse): void {
  response.writeHead(answer.status, { 'cache-control': 'no-store', ...answer.headers }).end(answer.body);
}

const text = (status: number, body: string): PageResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body });
const json = (value: unknown): PageResponse => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) });
const html = (body: string): PageResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

/** The Google world and Xero sandbox a workbench starts with: the US demo organisation first. */
function createWorlds(): { world: GoogleWorld; sandbox: XeroSandbox } {
  const world = createGoogleFakes({ scriptId: SCRIPT_ID, spreadsheetName: 'SettleSheet demo', startTime: Date.now() });
  const seeds = seedOrganisations();
  // The consent page ticks the first organisation: the US one matches the demo file and the shipped Accounts tab.
  const organisations = [...seeds.filter((o) => o.tenantId === TENANT_IDS.us), ...seeds.filter((o) => o.tenantId !== TENANT_IDS.us)];
  const sandbox = createXeroSandbox({ apps: [{ ...DEFAULT_APP, redirectUris: [REDIRECT_URI] }], organisations, seed: `workbench-${Date.now()}` });
  world.urlFetch = (request) => sandbox.handle(request);
  // The deployer's one-time step, done: the sandbox's app is the script's Xero app.
  world.run(DEFAULT_USER.email, (g) => {
    g.PropertiesService.getScriptProperties().setProperties({ [SCRIPT_PROPERTY.clientId]: DEFAULT_APP.clientId, [SCRIPT_PROPERTY.clientSecret]: DEFAULT_APP.clientSecret });
  });
  return { world, sandbox };
}

/** Starts the workbench; the dist/ build must exist. */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const { root } = options;
  const [code, sidebarHtml, shim, hostScript] = await Promise.all([
    readFile(path.join(root, 'dist/Code.js'), 'utf8'),
    readFile(path.join(root, 'dist/Sidebar.html'), 'utf8'),
    bundlePageScript(root, 'script-run-shim.ts'),
    bundlePageScript(root, 'host.ts'),
  ]);
  const { world, sandbox } = createWorlds();
  const user = DEFAULT_USER.email;
  world.htmlFiles = { Sidebar: sidebarHtml };
  const runtime = new AppsScriptRuntime(world, code, user);
  const demo = demoSettlement();
  const sidebar = sidebarPage(sidebarHtml, shim, runtime.functionNames);
  let origin = '';
  let logged = 0;
  const organisation = sandbox.organisations()[0]?.name ?? 'the sandbox';
  const host = hostPage({ demoFileName: demo.fileName, organisation, user }, hostScript);

  /** Prints what the server logged (warnings and errors) since the last call, as Apps Script's executions list would. */
  const echoLogs = () => {
    const logs = world.inspect.logs();
    for (const line of logs.slice(logged)) if (line.level === 'warn' || line.level === 'error') options.log?.(`[Code.js ${line.level}] ${line.message}`);
    logged = logs.length;
  };

  async function route(request: IncomingMessage): Promise<PageResponse> {
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    // Pages on other sites must not drive the local spreadsheet: JSON posts only from this origin.
    const sameOrigin = !request.headers.origin || request.headers.origin === origin;
    if (method === 'GET' && url.pathname === '/') return html(host);
    if (method === 'GET' && url.pathname === '/sidebar') return html(sidebar);
    if (method === 'GET' && url.pathname === '/demo-settlement.txt') {
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `attachment; filename="${demo.fileName}"` }, body: demo.text };
    }
    if (method === 'GET' && url.pathname === '/api/workbook') {
      if (url.searchParams.has('activeOnly')) return json({ activeCell: world.inspect.activeRange() });
      const from = Number(url.searchParams.get('from'));
      return json(snapshotWorkbook(world, { ...(url.searchParams.get('sheet') ? { sheet: url.searchParams.get('sheet')! } : {}), ...(from > 0 ? { from } : {}) }));
    }
    if (method === 'POST' && (url.pathname === '/api/run' || url.pathname === '/api/cell')) {
      if (!sameOrigin || !String(request.headers['content-type']).startsWith('application/json')) return text(403, 'Only the workbench page may call this.');
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      if (url.pathname === '/api/cell') {
        const edited = personEdits(world, runtime, user, { sheet: String(body.sheet), row: Number(body.row), column: Number(body.column), value: String(body.value ?? '') });
        if (edited.triggerError) options.log?.(`[Code.js onEdit] ${edited.triggerError}`);
        echoLogs();
        return json({ ok: true, toasts: edited.toasts });
      }
      const answer = runtime.call(String(body.name), JSON.stringify(Array.isArray(body.args) ? body.args : []));
      echoLogs();
      return json(localiseXeroUrls(answer, origin));
    }
    if (method === 'GET' && url.pathname === '/usercallback') {
      try {
        const { functionName, event } = world.userCallback(Object.fromEntries(url.searchParams));
        const page = runtime.callback(functionName, event);
        echoLogs();
        return html(page);
      } catch (error) {
        return text(400, error instanceof Error ? error.message : String(error));
      }
    }
    if (url.pathname === '/xero' || url.pathname.startsWith('/xero/')) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string' && name !== 'host') headers[name] = value;
      const body = method === 'POST' ? await readBody(request) : '';
      return serveXero(sandbox, { origin, redirectUri: REDIRECT_URI }, { method, path: url.pathname, query: url.search.slice(1), headers, body });
    }
    return text(404, 'Not found');
  }

  const server = createServer((request, response) => {
    route(request).then(
      (answer) => send(response, answer),
      (error: unknown) => send(response, text(500, `Workbench error: ${error instanceof Error ? error.message : String(error)}`)),
    );
  });
  const hostName = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, hostName, () => resolve());
  });
  origin = `http://${hostName}:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    world,
    sandbox,
    user,
    callAs: (other, name, request) => runtime.call(name, JSON.stringify([request]), { user: other }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
