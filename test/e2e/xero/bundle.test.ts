// The built dist/Code.js, run the way Apps Script runs it: Google's /usercallback calls the
// top-level function the state token names, in a fresh script context per execution.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { intrinsicsOf } from '../../fakes/google';
import { CALLBACK_FUNCTION } from '../../../src/xero/oauth';
import { xeroConnectUrl, xeroConnectionStatus } from '../../../src/server/xero/entry-points';
import { createXeroWorld, SELLER, UK } from '../../support/xero-apps-script';

const root = path.join(__dirname, '../../..');

afterEach(() => jest.restoreAllMocks());

beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
});

it(`dist/Code.js declares ${CALLBACK_FUNCTION} at the top level, and Google's callback completes the connection through it`, () => {
  const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  const x = createXeroWorld();
  x.setUpApp();
  const started = x.run(SELLER, () => xeroConnectUrl());
  if (!started.ok) throw new Error(started.failure.message);
  const location = x.sandbox.consent(started.value.url, { tenants: [UK] });
  const { functionName, event } = x.world.userCallback(Object.fromEntries(new URL(location).searchParams));
  expect(functionName).toBe(CALLBACK_FUNCTION);

  // One execution of the bundle: its own realm, the fakes as its globals, time on the world's clock.
  const context = vm.createContext({});
  // Google's /usercallback runs without the spreadsheet: its properties, lock and cache are null.
  const globals = x.world.globalsFor({ user: SELLER, intrinsics: intrinsicsOf(context), withoutDocument: true });
  Object.assign(context, globals);
  (vm.runInContext('Date', context) as DateConstructor).now = () => x.world.now();
  vm.runInContext(code, context, { filename: 'Code.js' });
  const callback = (context as Record<string, unknown>)[functionName];
  expect(typeof callback).toBe('function');
  const page = (callback as (e: unknown) => { getContent(): string })(event).getContent();
  x.world.endExecution(globals);

  expect(page).toContain('Connected to Bramble &amp; Finch Trading Ltd');
  expect(x.run(SELLER, () => xeroConnectionStatus())).toMatchObject({ connected: true, canPost: true, organisation: { tenantId: UK } });
});
