/**
 * The sidebar's screens: the Xero panel on top, the one notice area, then either the list screen
 * (Import, Settlements, Settings) or one settlement's detail. The list screen is kept while a
 * detail is open, so an import in progress or a chosen file survives a look at a settlement.
 * Moving between screens clears the notice area: what was said belongs to the screen it was said on.
 */
import type { ConnectionStatusDto } from '../src/api/types';
import type { SidebarContext } from './context';
import { h, replace } from './dom';
import type { Caller } from './server';
import { connectionPanel } from './views/connection';
import { detailView, type DetailView } from './views/detail';
import { importPanel } from './views/import';
import { noticeArea } from './views/notice';
import { settingsPanel } from './views/settings';
import { settlementsPanel } from './views/settlements';

/** Builds the sidebar into `root` and starts reading from the server. */
export function startSidebar(root: HTMLElement, call: Caller): void {
  let status: ConnectionStatusDto | undefined;
  let openId: string | undefined;
  let openDetail: DetailView | undefined;
  const detailSlot = h('div', { class: 'detail-slot' });
  const listScreen = h('div', { class: 'list-screen' });
  const notices = noticeArea();

  const ctx: SidebarContext = {
    call,
    openSettlement(settlementId, news) {
      openId = settlementId;
      notices.show(news ?? null);
      listScreen.hidden = true;
      openDetail = detailView(ctx, settlementId);
      replace(detailSlot, openDetail.element);
      detailSlot.hidden = false;
    },
    showList() {
      notices.show(null);
      detailSlot.hidden = true;
      replace(detailSlot);
      openDetail = undefined;
      listScreen.hidden = false;
      void settlements.refresh().then(() => openId && settlements.focus(openId));
    },
    notify: (content, options) => notices.show(content, options),
    settlementsChanged() {
      void settlements.refresh();
    },
    connection: () => status,
    connectionChanged(next) {
      const before = status;
      status = next;
      // What can be posted, and the account names, depend on the connection: recompute an open detail.
      if (before && (before.canPost !== next.canPost || before.organisation?.tenantId !== next.organisation?.tenantId)) void openDetail?.reload();
    },
    connectXero: () => connection.connect(),
  };

  const connection = connectionPanel(ctx);
  const settlements = settlementsPanel(ctx);
  replace(listScreen, importPanel(ctx), settlements.element, settingsPanel(ctx));
  detailSlot.hidden = true;
  // Google's sidebar title bar already shows the name: the heading is for screen readers only.
  replace(root, h('h1', { class: 'visually-hidden' }, 'SettleSheet'), connection.element, notices.element, listScreen, detailSlot);
  void connection.refresh();
  void settlements.refresh();
}
