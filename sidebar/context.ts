/**
 * What the sidebar's views share: the server caller, navigation between the list and a
 * settlement, the one notice area, and the Xero connection (its latest status, and connecting
 * from a view's own button).
 */
import type { ConnectionStatusDto } from '../src/api/types';
import type { Caller } from './server';

/** The services a view may use. */
export interface SidebarContext {
  call: Caller;
  /** Shows one settlement's detail; `news` (e.g. just imported) goes to the notice area. */
  openSettlement(settlementId: string, news?: HTMLElement): void;
  /** Back to the import panel and the list (the notice area is cleared). */
  showList(): void;
  /** Says what just happened, replacing whatever was said before (null clears). */
  notify(content: HTMLElement | null, options?: { focus?: boolean }): void;
  /** Something imported or posted: the list should be read again. */
  settlementsChanged(): void;
  /** The last connection status read, if any. */
  connection(): ConnectionStatusDto | undefined;
  /** The connection panel read a new status. */
  connectionChanged(status: ConnectionStatusDto): void;
  /** Starts connecting to Xero (opens the sign-in tab); call it inside a click. */
  connectXero(): void;
}
