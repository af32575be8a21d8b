// Tokens live in the connecting person's USER properties and travel only to Xero. After a journey
// through every kind of outcome, no token, code or client secret is found in the spreadsheet's
// properties or cache, another person's properties, the logs, request URLs, or anything the
// server returned to the browser.
import { DEFAULT_USER } from '../../fakes/xero';
import { disconnectXero, selectXeroOrganisation, xeroAccountChoices, xeroConnectionStatus, xeroConnectUrl } from '../../../src/server/xero/entry-points';
import { postSettlementToXero, xeroPostedRecord } from '../../../src/server/xero/posting';
import { BOOKKEEPER, BOOKKEEPER_XERO, createXeroWorld, HEADERS, MONTH_SPLIT, NEGATIVE, POSITIVE, SELLER, settlementOf, US } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

const MINUTE = 60_000;

it('no token, code or secret leaks anywhere but the owner’s user properties and requests to Xero', () => {
  const x = createXeroWorld();
  const outputs: unknown[] = [];
  const as = <T>(user: string, fn: () => T): T => {
    const value = x.run(user, fn);
    outputs.push(value);
    return value;
  };
  const positive = settlementOf(POSITIVE, HEADERS.positive);
  const negative = settlementOf(NEGATIVE, HEADERS.negative);
  const split = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' });

  as(SELLER, () => xeroConnectUrl());
  x.setUpApp();
  outputs.push(x.connect(SELLER));
  as(SELLER, () => xeroConnectionStatus());
  as(SELLER, () => selectXeroOrganisation(US));
  as(SELLER, () => xeroAccountChoices(true));
  as(SELLER, () => postSettlementToXero({ summary: positive.summary, documents: positive.documents, mode: 'post' }));
  x.world.advanceClock(31 * MINUTE);
  as(SELLER, () => postSettlementToXero({ summary: negative.summary, documents: negative.documents, mode: 'post' }));
  as(SELLER, () => postSettlementToXero({ summary: positive.summary, documents: positive.documents, mode: 'void-and-repost', seenRevision: 1 }));
  outputs.push(x.connect(BOOKKEEPER));
  as(BOOKKEEPER, () => xeroConnectionStatus());
  as(BOOKKEEPER, () => postSettlementToXero({ summary: negative.summary, documents: negative.documents, mode: 'post' }));
  x.sandbox.faults.add({ match: { method: 'PUT' }, kind: { rateLimit: { retryAfter: 900 } } });
  as(BOOKKEEPER, () => postSettlementToXero({ summary: split.summary, documents: split.documents, mode: 'post' }));
  x.world.advanceClock(61 * 24 * 60 * MINUTE);
  as(SELLER, () => postSettlementToXero({ summary: split.summary, documents: split.documents, mode: 'post' }));
  outputs.push(x.connect(SELLER, { tenants: [US] }));
  as(SELLER, () => postSettlementToXero({ summary: split.summary, documents: split.documents, mode: 'post' }));
  as(SELLER, () => xeroPostedRecord(HEADERS.monthSplit.settlementId));
  as(BOOKKEEPER, () => disconnectXero());

  const verifiers = x.requests()
    .filter((r) => r.url === 'https://identity.xero.com/connect/token')
    .map((r) => new URLSearchParams(r.body).get('code_verifier'))
    .filter((v): v is string => v !== null);
  const secrets = [...x.secrets, ...verifiers];
  // Enough issued to make the scan mean something: 4 sign-ins, refreshes, id tokens, codes.
  expect(verifiers).toHaveLength(3);
  expect(secrets.length).toBeGreaterThan(15);

  const properties = (store: Parameters<typeof x.world.inspect.properties>[0]) => JSON.stringify(x.world.inspect.properties(store));
  const scriptProperties = x.world.inspect.properties('script');
  const { XERO_CLIENT_SECRET: clientSecret, ...restOfScript } = scriptProperties;
  expect(clientSecret).toBe(x.secrets.values().next().value);
  const shared = {
    documentProperties: properties('document'),
    scriptPropertiesBesidesTheSecret: JSON.stringify(restOfScript),
    documentCache: JSON.stringify([...x.world._state.caches.document.values()]),
    logs: JSON.stringify(x.world.inspect.logs()),
    requestUrls: JSON.stringify(x.requests().map((r) => r.url)),
    returnedToTheBrowser: JSON.stringify(outputs),
  };
  expect(x.world.inspect.logs().length).toBeGreaterThan(0);
  for (const secret of secrets) {
    for (const [where, text] of Object.entries(shared)) {
      if (text.includes(secret)) throw new Error(`A secret (${secret.slice(0, 6)}…) leaked into ${where}`);
    }
  }

  // Each person's tokens are in their own user properties only.
  const owner = (token: string) => x.sandbox.grants().find((g) => g.grantId === x.sandbox.grantOf(token))?.userId;
  const sellerStore = properties({ user: SELLER });
  const bookkeeperStore = properties({ user: BOOKKEEPER });
  for (const token of x.secrets) {
    if (owner(token) === DEFAULT_USER.userId) expect(bookkeeperStore).not.toContain(token);
    if (owner(token) === BOOKKEEPER_XERO.userId) expect(sellerStore).not.toContain(token);
  }
  expect(sellerStore).toContain('xero.tokens');

  // Tokens travel to Xero only: access tokens in the Authorization header, the rest in token bodies.
  for (const request of x.requests()) {
    const carried = secrets.filter((s) => JSON.stringify(request).includes(s));
    if (carried.length === 0) continue;
    expect(request.url).toMatch(/^https:\/\/(identity|api)\.xero\.com\//);
    const outsideAuthorization = JSON.stringify({ ...request, headers: { ...request.headers, authorization: '' } });
    if (!request.url.startsWith('https://identity.xero.com/connect/token')) expect(secrets.filter((s) => outsideAuthorization.includes(s))).toEqual([]);
  }
});
