/**
 * The Xero connection panel: status (organisation, who chose it), connect, choose or switch the
 * organisation (a switch is confirmed naming both: everyone posts there afterwards), refresh the
 * accounts lists, disconnect. Connecting happens in a new tab; the panel checks back until it is
 * done. What an action did is said in the sidebar's one notice area, including a move to another
 * organisation someone else made since this person last looked. The Xero app's credentials are
 * never asked for here: the deployer sets them in the Apps Script editor (see the README).
 */
import type { ConnectionStatusDto } from '../../src/api/types';
import type { SidebarContext } from '../context';
import { externalLink, h, replace, safeUrl, uid } from '../dom';
import { count, dateTime } from '../format';
import { messageOf, ServerError } from '../server';
import { notice, working } from './notice';

// Signing in at Xero takes a person a minute or two; the state token allows ten.
const POLL_MS = 3000;
const POLL_FOR_MS = 10 * 60 * 1000;

/** The panel, a way to read the status again, and to start connecting from elsewhere. */
export interface ConnectionPanel {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Opens Xero's sign-in in a new tab; call it inside a click (a later tab is a blocked popup). */
  connect(): void;
}

/** What the person reads once a connection is made: where it posts and what was read from Xero. */
function connectedWords(status: ConnectionStatusDto): string {
  if (!status.organisation) return 'Connected to Xero. Choose the organisation this spreadsheet posts to.';
  const lists = status.listsLoaded
    ? ` Its ${count(status.listsLoaded.accounts, 'account')} and ${count(status.listsLoaded.taxRates, 'tax rate')} are in the Accounts tab's dropdowns.`
    : '';
  return `Connected: this spreadsheet posts to ${status.organisation.name}.${lists}`;
}

/** Builds the connection panel and starts reading the status. */
export function connectionPanel(ctx: SidebarContext): ConnectionPanel {
  const headingId = uid('xero');
  const body = h('div', { class: 'panel-body' });
  const element = h('section', { class: 'block connection', 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Xero'), body);
  const say = (content: HTMLElement | null) => ctx.notify(content);
  let pollUntil = 0;
  let pollTimer: number | undefined;
  let connecting = false;

  const show = (status: ConnectionStatusDto) => {
    ctx.connectionChanged(status);
    replace(body, ...statusView(status));
    const moved = status.organisationChanged;
    if (moved) {
      say(notice('warning', `${moved.by} moved this spreadsheet from ${moved.from.name} to ${moved.to.name} on ${dateTime(moved.at, status.timeZone)}: settlements are now posted to ${moved.to.name}.`));
    }
  };

  async function refresh(): Promise<void> {
    try {
      const status = await ctx.call('getConnectionStatus', {});
      show(status);
      if (status.connected && pollUntil > 0) {
        pollUntil = 0;
        say(notice('success', connectedWords(status)));
      }
    } catch (error) {
      replace(body, notice('error', messageOf(error)), h('button', { type: 'button', onclick: () => void refresh() }, 'Try again'));
    }
  }

  function keepChecking(): void {
    pollUntil = Date.now() + POLL_FOR_MS;
    const tick = () => {
      if (Date.now() > pollUntil) return;
      void refresh().then(() => {
        if (pollUntil > 0) pollTimer = window.setTimeout(tick, POLL_MS);
      });
    };
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(tick, POLL_MS);
  }

  async function act<T>(button: HTMLButtonElement, work: () => Promise<T>, done: (value: T) => void): Promise<void> {
    button.disabled = true;
    try {
      done(await work());
    } catch (error) {
      say(notice('error', messageOf(error)));
    } finally {
      button.disabled = false;
    }
  }

  function connect(): void {
    if (connecting) return;
    // Open the tab inside the click, before the server answers: a tab opened later is a blocked popup.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    connecting = true;
    element.querySelectorAll<HTMLButtonElement>('button.connect').forEach((b) => (b.disabled = true));
    void (async () => {
      try {
        const href = safeUrl((await ctx.call('getXeroConnectUrl', {})).url);
        if (!href) throw new ServerError('The server sent a sign-in address the sidebar will not open. Reload the sidebar and try again.', 'server');
        if (tab) {
          tab.location.href = href;
          say(notice('info', 'Finish signing in to Xero in the new tab. The sidebar updates by itself when you are done.'));
        } else {
          say(notice('info', 'Your browser blocked the new tab: ', externalLink(href, 'open the Xero sign-in'), ' instead.'));
        }
        keepChecking();
      } catch (error) {
        tab?.close();
        say(notice('error', messageOf(error)));
      } finally {
        connecting = false;
        element.querySelectorAll<HTMLButtonElement>('button.connect').forEach((b) => (b.disabled = false));
      }
    })();
  }

  function statusView(status: ConnectionStatusDto): HTMLElement[] {
    const parts: HTMLElement[] = [];
    const org = status.organisation;
    if (org) {
      parts.push(
        h('p', { class: 'org' }, 'Posts to ', h('strong', {}, org.name)),
        h('p', { class: 'gray small' }, `Chosen by ${org.boundBy} on ${dateTime(org.boundAt, status.timeZone)}`),
      );
    }
    // The state in plain text; notices are kept for what just happened.
    if (!status.canPost && status.message) parts.push(h('p', { class: status.configured ? 'small' : 'small warning-text' }, status.message));
    else if (status.connected) parts.push(h('p', { class: 'gray small' }, `Signed in to Xero as ${status.user}.`));
    if (!status.configured) parts.push(h('p', { class: 'gray small' }, 'The Xero app is set up once by whoever deployed SettleSheet (the README says how); it is never asked for here.'));
    else if (!status.connected) {
      parts.push(h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'action connect', onclick: () => connect() }, 'Connect to Xero')));
    } else {
      const chooser = organisationChooser(status);
      if (chooser) parts.push(chooser);
      const refreshButton: HTMLButtonElement = h('button', {
        type: 'button',
        onclick: () =>
          void act(refreshButton, () => ctx.call('refreshXeroAccounts', {}), (r) =>
            say(notice('success', `Read ${count(r.accounts, 'account')} and ${count(r.taxRates, 'tax rate')} from Xero into the Accounts tab's lists.`)),
          ),
      }, 'Refresh accounts');
      const disconnect: HTMLButtonElement = h('button', {
        type: 'button',
        onclick: () => void act(disconnect, () => ctx.call('disconnectXero', {}), (s) => { show(s); say(notice('info', 'Disconnected from Xero. What was posted stays recorded in this spreadsheet.')); }),
      }, 'Disconnect');
      if (status.organisation) parts.push(h('div', { class: 'buttons' }, refreshButton, disconnect));
      else parts.push(h('div', { class: 'buttons' }, disconnect));
    }
    return parts;
  }

  function organisationChooser(status: ConnectionStatusDto): HTMLElement | null {
    const others = status.organisations.filter((o) => o.tenantId !== status.organisation?.tenantId);
    if (others.length === 0) return null;
    const selectId = uid('org');
    const select = h('select', { id: selectId }, ...others.map((o) => h('option', { value: o.tenantId }, o.name)));
    const chooser = h('div', { class: 'form-group' });
    const chosen = (s: ConnectionStatusDto) => {
      if (s.confirmRebind) return confirmMove(s.confirmRebind, chooser);
      show(s);
      say(s.organisation ? notice('success', connectedWords(s)) : null);
    };
    const use: HTMLButtonElement = h('button', {
      type: 'button',
      class: status.organisation ? '' : 'action',
      onclick: () => void act(use, () => ctx.call('selectXeroOrganisation', { tenantId: select.value }), chosen),
    }, status.organisation ? 'Switch' : 'Use this organisation');
    replace(chooser, h('label', { for: selectId }, status.organisation ? 'Switch this spreadsheet to' : 'Organisation this spreadsheet posts to'), h('div', { class: 'inline-row' }, select, use));
    return chooser;
  }

  /** Asks before moving the spreadsheet to another organisation: everyone posts there afterwards. */
  function confirmMove(move: NonNullable<ConnectionStatusDto['confirmRebind']>, chooser: HTMLElement): void {
    const titleId = uid('move');
    const title = h('h3', { id: titleId, tabindex: '-1' }, `Move this spreadsheet to ${move.to.name}?`);
    const yes: HTMLButtonElement = h('button', {
      type: 'button',
      class: 'action',
      onclick: () =>
        void act(yes, () => ctx.call('selectXeroOrganisation', { tenantId: move.to.tenantId, replacing: move.from.tenantId }), (s) => {
          show(s);
          say(notice('success', `This spreadsheet now posts to ${move.to.name} (it posted to ${move.from.name}). The Log says who moved it and when.`));
        }),
    }, `Move to ${move.to.name}`);
    replace(
      chooser,
      h('div', { class: 'confirmation', role: 'group', 'aria-labelledby': titleId }, title, h('p', { class: 'small' }, move.message), h('div', { class: 'buttons' }, yes, h('button', { type: 'button', onclick: () => void refresh() }, `Keep ${move.from.name}`))),
    );
    queueMicrotask(() => title.focus());
  }

  replace(body, working('Checking the Xero connection…'));
  // Coming back from the Xero tab is the moment the status most likely changed.
  window.addEventListener('focus', () => {
    if (pollUntil > 0) void refresh();
  });
  return { element, refresh, connect };
}
