/**
 * A person's Xero connection and the spreadsheet's organisation: connecting (the authorize URL and
 * the callback), choosing the organisation the spreadsheet posts to, disconnecting, the status the
 * sidebar shows, and opening a client for the bound organisation.
 *
 * Tokens and the person's organisations live in USER properties; the binding (tenant id and name,
 * who bound it and when) lives in DOCUMENT properties, so every collaborator posts to the same
 * organisation and nobody can post a spreadsheet's settlements anywhere else.
 */
import { createXeroClient, type XeroClient, type XeroConnection } from './client';
import { readXeroApp, type XeroApp } from './config';
import type { XeroEnvironment } from './environment';
import { failure, notConnectedFailure, success, type XeroResult } from './errors';
import { finishSignIn, startSignIn } from './oauth';
import { createTokenSource, forgetTokens, readTokens, writeTokens } from './tokens';
import type { TimeBudget } from './transport';
import { parseJson } from './wire';

/** An organisation a person can choose. */
export interface OrganisationChoice {
  tenantId: string;
  name: string;
}

/** The organisation a spreadsheet posts to. */
export interface OrganisationBinding {
  tenantId: string;
  name: string;
  boundBy: string;
  /** ISO timestamp. */
  boundAt: string;
  /** The organisation it posted to before someone moved it here, if it was moved. */
  previous?: OrganisationChoice;
}

/** What the sidebar shows about Xero. Plain data: safe to return through google.script.run. */
export interface ConnectionStatus {
  /** The deployer has saved the Xero app's credentials. */
  configured: boolean;
  /** This person has a Xero connection. */
  connected: boolean;
  /** The Google user this status is for. */
  user: string;
  /** The organisation the spreadsheet posts to; absent until someone chooses it. */
  organisation?: OrganisationBinding;
  /** This person's organisations, for choosing or switching. */
  organisations: OrganisationChoice[];
  /** This person can post this spreadsheet's settlements now. */
  canPost: boolean;
  /** What to do next, in words. */
  message: string;
  /** Choosing another organisation waits for this confirmation: nothing changed yet. */
  confirmRebind?: { from: OrganisationChoice; to: OrganisationChoice; message: string };
}

/** The user property holding this person's organisations (with their connection ids). */
const ORGANISATIONS_PROPERTY = 'xero.organisations';
/** The document property holding the spreadsheet's organisation. */
const BINDING_PROPERTY = 'xero.organisation';

// Binding and storing tokens are quick: a lock held longer than this belongs to a long post.
const LOCK_WAIT_MS = 10_000;

function budgetOf(env: XeroEnvironment): TimeBudget {
  return { clock: env.clock, deadline: env.deadline };
}

function readConnections(env: XeroEnvironment): XeroConnection[] {
  const list = parseJson(env.user.get(ORGANISATIONS_PROPERTY) ?? '');
  return Array.isArray(list) ? (list as XeroConnection[]) : [];
}

/** The spreadsheet's organisation, or undefined (also when the execution has no spreadsheet). */
function readBinding(env: XeroEnvironment): OrganisationBinding | undefined {
  const binding = parseJson(env.document?.get(BINDING_PROPERTY) ?? '') as OrganisationBinding | undefined;
  return binding && typeof binding.tenantId === 'string' ? binding : undefined;
}

function app(env: XeroEnvironment): XeroResult<XeroApp> {
  const reading = readXeroApp(env.script, env.redirectUri);
  return reading.ok ? success(reading.app) : failure(reading.failure);
}

function clientFor(env: XeroEnvironment, xeroApp: XeroApp, organisation?: OrganisationChoice): XeroClient {
  const budget = budgetOf(env);
  const tokens = createTokenSource({ http: env.http, app: xeroApp, crypto: env.crypto, user: env.user, userLock: env.userLock, budget });
  return createXeroClient({ http: env.http, tokens, budget, ...(organisation ? { tenantId: organisation.tenantId, organisationName: organisation.name } : {}) });
}

/**
 * Binds the spreadsheet to an organisation (under the document lock, after reading the binding
 * again): only if unbound, or (`replacing`) only if it still posts to the organisation the person
 * confirmed moving away from. The answer: done, the lock stayed busy, or the binding it found.
 */
function bind(env: XeroEnvironment, organisation: OrganisationChoice, condition: 'unbound' | { replacing: string }): 'bound' | 'busy' | OrganisationBinding {
  const { document, documentLock } = env;
  if (!document || !documentLock) return 'busy';
  const locked = documentLock.run(LOCK_WAIT_MS, (): 'bound' | OrganisationBinding => {
    const current = readBinding(env);
    if (condition === 'unbound' ? current !== undefined : current?.tenantId !== condition.replacing) return current ?? 'bound';
    const binding: OrganisationBinding = {
      tenantId: organisation.tenantId,
      name: organisation.name,
      boundBy: env.userEmail,
      boundAt: new Date(env.clock.now()).toISOString(),
      ...(current && current.tenantId !== organisation.tenantId ? { previous: { tenantId: current.tenantId, name: current.name } } : {}),
    };
    document.set(BINDING_PROPERTY, JSON.stringify(binding));
    return 'bound';
  });
  return locked.ok ? locked.value : 'busy';
}

/**
 * Binds an unbound spreadsheet when this person's login has exactly one organisation: there is
 * nothing to choose. Google may run the OAuth callback without the spreadsheet, so the sidebar's
 * status check does it too.
 */
function bindIfObvious(env: XeroEnvironment, connections: readonly XeroConnection[]): void {
  const [only] = connections;
  if (connections.length === 1 && only && !readBinding(env)) bind(env, only, 'unbound');
}

/** Xero's authorize URL for this person (a new PKCE verifier and state each time). */
export function connectUrl(env: XeroEnvironment): XeroResult<{ url: string }> {
  const xeroApp = app(env);
  if (!xeroApp.ok) return xeroApp;
  return success({ url: startSignIn({ app: xeroApp.value, crypto: env.crypto, user: env.user, stateTokens: env.stateTokens, budget: budgetOf(env) }) });
}

/** What the OAuth callback page says. */
export interface CallbackOutcome {
  ok: boolean;
  title: string;
  message: string;
}

/**
 * Finishes connecting from the callback's parameters: exchanges the code, stores the tokens, reads
 * the person's organisations, and binds the spreadsheet when that is obvious.
 */
export function completeConnection(env: XeroEnvironment, parameter: Readonly<Record<string, string | undefined>>): CallbackOutcome {
  const problem = (message: string): CallbackOutcome => ({ ok: false, title: 'Xero was not connected', message });
  const xeroApp = app(env);
  if (!xeroApp.ok) return problem(xeroApp.failure.message);
  const budget = budgetOf(env);
  const tokens = finishSignIn({ app: xeroApp.value, crypto: env.crypto, user: env.user, stateTokens: env.stateTokens, http: env.http, budget }, parameter, env.userEmail);
  if (!tokens.ok) return problem(tokens.failure.message);
  const stored = env.userLock.run(LOCK_WAIT_MS, () => writeTokens(env.user, tokens.value));
  if (!stored.ok) return problem('Another SettleSheet window is renewing your Xero connection. Wait a moment, then press "Connect to Xero" again.');
  const connections = clientFor(env, xeroApp.value).connections();
  if (!connections.ok) return problem(`Signed in to Xero, but ${connections.failure.message}`);
  env.user.set(ORGANISATIONS_PROPERTY, JSON.stringify(connections.value));
  bindIfObvious(env, connections.value);

  const done = 'You can close this tab and go back to the spreadsheet.';
  const binding = readBinding(env);
  if (binding && connections.value.some((c) => c.tenantId === binding.tenantId)) {
    return { ok: true, title: `Connected to ${binding.name}`, message: `SettleSheet posts this spreadsheet's settlements to ${binding.name}. ${done}` };
  }
  if (binding) {
    return {
      ok: true,
      title: 'Connected to Xero',
      message:
        `This spreadsheet posts to ${binding.name}, which your Xero login cannot reach, so you cannot post from it. ` +
        `Ask someone with access to ${binding.name} to invite you in Xero, then connect again. ${done}`,
    };
  }
  if (connections.value.length === 0) {
    return problem('You signed in, but no Xero organisation was connected. Press "Connect to Xero" again and tick the organisation to post to.');
  }
  // Google may run this callback without the spreadsheet, so nothing could be bound: with one
  // organisation there is still nothing to choose (the sidebar binds it), so do not ask.
  const [only] = connections.value;
  if (connections.value.length === 1 && only) {
    return {
      ok: true,
      title: `Connected to ${only.name}`,
      message: `Your Xero login reaches ${only.name}. Go back to the spreadsheet: unless it already posts to another organisation, SettleSheet posts its settlements to ${only.name}. ${done}`,
    };
  }
  return {
    ok: true,
    title: 'Connected to Xero',
    message: `Your login reaches ${connections.value.length} organisations. Choose the one this spreadsheet posts to in the SettleSheet sidebar. ${done}`,
  };
}

/** The sidebar's view of the connection (binding an unbound spreadsheet when there is one choice). */
export function connectionStatus(env: XeroEnvironment): ConnectionStatus {
  const configured = readXeroApp(env.script, env.redirectUri).ok;
  const connected = readTokens(env.user) !== undefined;
  const connections = connected ? readConnections(env) : [];
  if (connected) bindIfObvious(env, connections);
  const binding = readBinding(env);
  const reachable = binding !== undefined && connections.some((c) => c.tenantId === binding.tenantId);
  const organisations = connections.map((c) => ({ tenantId: c.tenantId, name: c.name }));
  const message = !configured
    ? 'SettleSheet is not set up for Xero yet: whoever deployed it must set the Xero app\'s client id and secret in the Apps Script editor (Project Settings → Script properties: XERO_CLIENT_ID and XERO_CLIENT_SECRET).'
    : !connected
      ? 'Connect to Xero to post settlements.'
      : !binding
        ? 'Choose the Xero organisation this spreadsheet posts to.'
        : reachable
          ? `Posting to ${binding.name}.`
          : `This spreadsheet posts to ${binding.name}, which your Xero login cannot reach. Ask someone with access to invite you, then connect again.`;
  return {
    configured,
    connected,
    user: env.userEmail,
    ...(binding ? { organisation: binding } : {}),
    organisations,
    canPost: configured && connected && reachable,
    message,
  };
}

/**
 * Binds the spreadsheet to one of this person's organisations. Moving a bound spreadsheet to
 * another organisation changes where everyone posts: it waits for a confirmation naming both
 * (`replacing`: the organisation the person confirmed moving away from), and is refused if the
 * spreadsheet moved meanwhile.
 */
export function selectOrganisation(env: XeroEnvironment, tenantId: string, replacing?: string): XeroResult<ConnectionStatus> {
  const xeroApp = app(env);
  if (!xeroApp.ok) return xeroApp;
  if (!readTokens(env.user)) return failure(notConnectedFailure());
  // The live list, so an organisation disconnected in Xero since the sign-in cannot be chosen.
  const connections = clientFor(env, xeroApp.value).connections();
  if (!connections.ok) return connections;
  env.user.set(ORGANISATIONS_PROPERTY, JSON.stringify(connections.value));
  const chosen = connections.value.find((c) => c.tenantId === tenantId);
  if (!chosen) {
    return failure({ kind: 'no-organisation', message: 'Your Xero login is not connected to that organisation. Connect to Xero again and tick it, then choose it.' });
  }
  if (!env.document) return failure({ kind: 'no-organisation', message: 'Open the spreadsheet to choose its organisation.' });
  const current = readBinding(env);
  if (current?.tenantId === tenantId) return success(connectionStatus(env));
  if (current && replacing === undefined) {
    const from = { tenantId: current.tenantId, name: current.name };
    const to = { tenantId: chosen.tenantId, name: chosen.name };
    return success({
      ...connectionStatus(env),
      confirmRebind: {
        from,
        to,
        message:
          `This spreadsheet posts to ${from.name}. Move it to ${to.name}? Everyone who uses this spreadsheet will post to ${to.name} from now on; ` +
          `what was posted to ${from.name} stays there, and settlements posted there can be voided or re-posted only after moving back.`,
      },
    });
  }
  const bound = bind(env, chosen, current ? { replacing: replacing ?? current.tenantId } : 'unbound');
  if (bound === 'busy') return failure({ kind: 'busy', message: 'Someone is posting from this spreadsheet right now. Choose the organisation again in a moment.' });
  if (bound !== 'bound') {
    return failure({
      kind: 'no-organisation',
      message: `This spreadsheet now posts to ${bound.name} (${bound.boundBy} chose it meanwhile), not to the organisation you confirmed moving away from. Look at it again before switching.`,
    });
  }
  return success(connectionStatus(env));
}

/**
 * Disconnects this person: removes their login's connection to the spreadsheet's organisation in
 * Xero, then forgets their tokens and organisations. The spreadsheet's binding and posted records
 * stay: they belong to the spreadsheet, not to the person.
 */
export function disconnect(env: XeroEnvironment): ConnectionStatus {
  const xeroApp = app(env);
  const binding = readBinding(env);
  let note = '';
  if (xeroApp.ok && readTokens(env.user) && binding) {
    const client = clientFor(env, xeroApp.value);
    const connections = client.connections();
    const connection = connections.ok ? connections.value.find((c) => c.tenantId === binding.tenantId) : undefined;
    const removed = connection ? client.deleteConnection(connection.connectionId) : connections.ok ? success(undefined) : connections;
    if (!removed.ok && removed.failure.kind !== 'reconnect' && removed.failure.kind !== 'not-connected') {
      note = ` SettleSheet could not tell Xero (${removed.failure.message}); remove SettleSheet under Connected apps in Xero's settings if you want it gone there too.`;
    }
  }
  forgetTokens(env.user);
  env.user.delete(ORGANISATIONS_PROPERTY);
  const status = connectionStatus(env);
  return { ...status, message: `You are disconnected from Xero.${note} ${status.message}` };
}

/** A client for the spreadsheet's organisation, if this person can post to it. */
export function openXeroSession(env: XeroEnvironment): XeroResult<{ client: XeroClient; organisation: OrganisationBinding }> {
  const xeroApp = app(env);
  if (!xeroApp.ok) return xeroApp;
  if (!readTokens(env.user)) return failure(notConnectedFailure());
  const connections = readConnections(env);
  bindIfObvious(env, connections);
  const binding = readBinding(env);
  if (!binding) return failure({ kind: 'no-organisation', message: 'Choose the Xero organisation this spreadsheet posts to, in the sidebar.' });
  if (!connections.some((c) => c.tenantId === binding.tenantId)) {
    return failure({
      kind: 'no-organisation',
      message: `This spreadsheet posts to ${binding.name}, which your Xero login cannot reach, so SettleSheet will not post from it. Ask someone with access to ${binding.name} to invite you, then connect again.`,
    });
  }
  return success({ client: clientFor(env, xeroApp.value, binding), organisation: binding });
}
