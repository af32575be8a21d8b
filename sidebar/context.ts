/**
 * What the sidebar's views share: the server caller, navigation between the list and a
 * settlement, and the latest Xero connection status (the confirmation names the organisation).
 */
import type { ConnectionStatusDto } from '../src/api/types';
import type { Caller } from './server';

/** The services a view may use. */
export interface SidebarContext {
  call: Caller;
  /** Shows one settlement's detail, with a message on top when there is news (e.g. just imported). */
  openSettlement(settlementId: string, news?: HTMLElement): void;
  /** Back to the import panel and the list. */
  showList(): void;
  /** Something imported or posted: the list should be read again. */
  settlementsChanged(): void;
  /** The last connection status read, if any. */
  connection(): ConnectionStatusDto | undefined;
  /** The connection panel read a new status. */
  connectionChanged(status: ConnectionStatusDto): void;
}
