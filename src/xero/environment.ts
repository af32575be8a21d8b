/**
 * What one execution offers the Xero modules: the ports, who is signed in, and how long there is.
 * The Apps Script edge builds it from Google's services; tests and the workbench build their own.
 */
import type { HttpPort } from './http';
import type { CachePort, Clock, Crypto, KeyValueStore, LockPort, StateTokenPort } from './ports';

/** The ports and facts of one execution. */
export interface XeroEnvironment {
  http: HttpPort;
  clock: Clock;
  crypto: Crypto;
  /** Script properties: the Xero app's credentials. */
  script: KeyValueStore;
  /** This user's properties: their tokens and their organisations. Never shared. */
  user: KeyValueStore;
  /** The spreadsheet's properties: its bound organisation and posted records. Absent without a spreadsheet. */
  document?: KeyValueStore;
  /** The spreadsheet's cache: reference data. Absent without a spreadsheet. */
  documentCache?: CachePort;
  userLock: LockPort;
  /** Absent without a spreadsheet. */
  documentLock?: LockPort;
  stateTokens: StateTokenPort;
  /** The OAuth redirect URI registered with the Xero app. */
  redirectUri: string;
  /** The Google user running this execution, as named in bindings and posted records. */
  userEmail: string;
  /** Epoch ms after which no new work starts (execution start + 5 minutes in Apps Script). */
  deadline: number;
}
