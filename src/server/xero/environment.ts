/**
 * The XeroEnvironment of one Apps Script execution. Google may run the OAuth callback without the
 * spreadsheet; then the document's properties, lock and cache are absent and the binding waits for
 * the sidebar.
 */
import type { XeroEnvironment } from '../../xero/environment';
import { EXECUTION_BUDGET_MS } from '../../xero/transport';
import { executionStart } from '../execution';
import { currentUser } from '../identity';
import { documentStore } from '../records/document-store';
import { cachePort } from '../storage/cache';
import { propertiesStore } from '../storage/properties';
import { appsScriptClock, appsScriptCrypto, lockPort, stateTokenPort } from './ports';
import { urlFetchHttp } from './url-fetch';

/** The Apps Script redirect URI a Xero app must register for this script. */
export function appsScriptRedirectUri(): string {
  return `https://script.google.com/macros/d/${ScriptApp.getScriptId()}/usercallback`;
}

/**
 * The environment of this execution; its deadline is five minutes after the execution began
 * (Apps Script stops it at six), however much of that the Sheets work before it used.
 */
export function appsScriptEnvironment(): XeroEnvironment {
  const deadline = executionStart() + EXECUTION_BUDGET_MS;
  const documentProperties = PropertiesService.getDocumentProperties();
  const documentLock = LockService.getDocumentLock();
  const documentCache = CacheService.getDocumentCache();
  return {
    http: urlFetchHttp,
    clock: appsScriptClock,
    crypto: appsScriptCrypto,
    script: propertiesStore(PropertiesService.getScriptProperties()),
    user: propertiesStore(PropertiesService.getUserProperties()),
    ...(documentProperties ? { document: documentStore(documentProperties) } : {}),
    ...(documentCache ? { documentCache: cachePort(documentCache) } : {}),
    userLock: lockPort(LockService.getUserLock()),
    ...(documentLock ? { documentLock: lockPort(documentLock) } : {}),
    stateTokens: stateTokenPort,
    redirectUri: appsScriptRedirectUri(),
    userEmail: currentUser(),
    deadline,
  };
}
