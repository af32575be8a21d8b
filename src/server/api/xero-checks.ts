/**
 * What the connected Xero organisation says about a settlement's documents before posting:
 * account codes and tax types that do not exist or are archived, a currency not enabled, the
 * account names to show, and whether it was posted already (and has changed since).
 */
import type { PartlyPostedDto } from '../../api/types';
import type { PlannedDocument } from '../../core/xero/documents';
import type { PlannedJournal } from '../../core/cogs/plan';
import { checkJournals } from '../../xero/journal-checks';
import { journalStanding, renumberJournals } from '../../xero/journal-plan';
import { documentsFingerprint, renumber } from '../../xero/posting-plan';
import { checkDocuments } from '../../xero/reference';
import { stillToCreate } from '../../xero/still-to-create';
import { statedTaxAboveRateNotes } from '../../xero/stated-rate-notes';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import { connectionStatus } from '../../xero/connection';
import { isOpen, type PostedRecord } from '../../xero/posted-records';
import { postedRecord } from '../posted';
import { appsScriptEnvironment } from '../xero/environment';
import { appsScriptCrypto } from '../xero/ports';
import { partlyPostedOf } from './partly-posted';
import type { Computed } from './compute';

/** The Xero side of a preview. */
export interface XeroChecks {
  problems: string[];
  warnings: string[];
  accountNames: ReadonlyMap<string, string>;
  /** The documents as the next post would send them (numbers carry the revision when re-posting). */
  documents: PlannedDocument[];
  changedSincePosting: boolean;
  /** Xero holds documents of this settlement that differ from what would be posted now. */
  documentsChanged: boolean;
  /** The posted record read for these checks, if any. */
  posted?: PostedRecord;
  alreadyPosted: boolean;
  /** The posted revision (0 when never posted). */
  revision: number;
  /** This person can post to the spreadsheet's organisation now. */
  connected: boolean;
  /** Set when Xero holds only part of the settlement. */
  partlyPosted?: PartlyPostedDto;
  /** The organisation's base currency, once its settings could be read. */
  baseCurrency?: string;
  /** The cost of goods sold journals as the next post would send them, and what stops them. */
  journals: { planned: PlannedJournal[]; problems: string[]; changed: boolean; documentsSettled: boolean };
}

/** What the spreadsheet's own records say about a computed settlement, without asking Xero. */
export interface Standing {
  record: PostedRecord | undefined;
  /** The documents as the next post would send them (numbers carry the revision when re-posting). */
  documents: PlannedDocument[];
  changedSincePosting: boolean;
  /** Xero holds documents of this settlement that differ from what would be posted now. */
  documentsChanged: boolean;
  alreadyPosted: boolean;
  revision: number;
  journals: XeroChecks['journals'];
}

/** The settlement's standing against its posted record (no Xero call). */
export function standingOf(c: Computed): Standing {
  const record = postedRecord(c.record.settlementId);
  const fingerprint = c.documents.length ? documentsFingerprint(c.documents, appsScriptCrypto) : '';
  const holds = record !== undefined && record.documents.some((d) => isOpen(d.status));
  // The journals have their own revision: a changed cost replaces them and keeps the documents.
  const journals = journalStanding(record, c.cogs.request, appsScriptCrypto);
  const alreadyPosted = holds && record.state === 'posted' && record.fingerprint === fingerprint && journals.settled;
  const documentsChanged = holds && record.fingerprint !== fingerprint;
  const changedSincePosting = documentsChanged || journals.changed;
  // A re-post moves to the next revision (its numbers end in -R2, -R3…), as the posting flow does.
  const revision = !record ? 1 : changedSincePosting ? record.revision + 1 : record.revision;
  return {
    record,
    documents: renumber(c.documents, revision),
    changedSincePosting,
    documentsChanged,
    alreadyPosted,
    revision: record?.revision ?? 0,
    journals: {
      planned: journals.changed ? renumberJournals(c.cogs.request?.journals ?? [], (record?.journalRevision ?? 1) + 1) : journals.planned,
      problems: [],
      changed: journals.changed,
      documentsSettled: holds && record.state === 'posted' && record.fingerprint === fingerprint,
    },
  };
}

/** Checks a computed settlement against its posted record and the connected organisation. */
export function xeroChecks(c: Computed, standing = standingOf(c)): XeroChecks {
  const { record, changedSincePosting } = standing;
  const checks: XeroChecks = {
    problems: [],
    warnings: [],
    accountNames: new Map(),
    documents: standing.documents,
    changedSincePosting,
    documentsChanged: standing.documentsChanged,
    ...(record ? { posted: record } : {}),
    alreadyPosted: standing.alreadyPosted,
    revision: standing.revision,
    connected: false,
    journals: { ...standing.journals, problems: [] },
  };
  const partly = (locks?: Parameters<typeof partlyPostedOf>[3]) => {
    const state = partlyPostedOf(record, changedSincePosting, checks.documents, locks);
    if (state) checks.partlyPosted = state;
  };
  const env = appsScriptEnvironment();
  const status = connectionStatus(env);
  // Not connected: the sidebar offers "Connect to Xero to post" in place of Post (and says the codes
  // are checked then); a warning repeating it would be a second voice saying the same thing.
  if (!status.canPost) {
    partly();
    return checks;
  }
  const tracked = c.documents.some((d) => d.invoice.LineItems.some((item) => item.Tracking !== undefined));
  const loaded = loadSpreadsheetReference(env, false, tracked);
  if (!loaded.ok) {
    checks.warnings.push(`Could not read ${status.organisation?.name ?? 'the organisation'}'s accounts from Xero: ${loaded.failure.message}`);
    partly();
    return checks;
  }
  const { reference } = loaded.value;
  partly(reference);
  checks.connected = true;
  checks.baseCurrency = reference.baseCurrency;
  checks.accountNames = new Map(reference.accounts.map((a) => [a.code, a.name]));
  // Finishing a partly posted settlement sends only what Xero does not hold: only that is checked.
  const toCreate = stillToCreate(c.documents, record, !standing.documentsChanged);
  if (c.documents.length) checks.problems.push(...checkDocuments(c.summary, c.documents, reference, toCreate));
  checks.warnings.push(...statedTaxAboveRateNotes(toCreate, reference));
  checks.journals.problems = checkJournals(c.summary, checks.journals.planned, reference);
  return checks;
}
