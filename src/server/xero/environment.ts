/**
 * The XeroEnvironment of one Apps Script execution. Google may run the OAuth callback without the
 * spreadsheet; then the document's properties, lock and cache are absent and the binding waits for
 * the sidebar.
 */
import type { XeroEnvironment } from '../../xero/environment';
import { EXECUTION_BUDGET_MS } from '../../xero/transport';
import { appsScriptClock, appsScriptCrypto, cachePort, lockPort, propertiesStore, stateTokenPort, urlFetchHttp } from './ports';

/** The Apps Script redirect URI a Xero app must register for this script. */
export function appsScriptRedirectUri(): string {
  return `https://script.google.com/macros/d/${ScriptApp.getScriptId()}/usercallback`;
}

/** The environment of this execution; its deadline is five minutes from now (Apps Script stops at six). */
export function appsScriptEnvironment(): XeroEnvironment {
  const deadline = Date.now() + EXECUTION_BUDGET_MS;
  const documentProperties = PropertiesService.getDocumentProperties();
  const documentLock = LockService.getDocumentLock();
  const documentCache = CacheService.getDocumentCache();
  return {
    http: urlFetchHttp,
    clock: appsScriptClock,
    crypto: appsScriptCrypto,
    script: propertiesStore(PropertiesService.getScriptProperties()),
    user: propertiesStore(PropertiesService.getUserProperties()),
    ...(documentProperties ? { document: propertiesStore(documentProperties) } : {}),
    ...(documentCache ? { documentCache: cachePort(documentCache) } : {}),
    userLock: lockPort(LockService.getUserLock()),
    ...(documentLock ? { documentLock: lockPort(documentLock) } : {}),
    stateTokens: stateTokenPort,
    redirectUri: appsScriptRedirectUri(),
    userEmail: Session.getActiveUser().getEmail() || 'an unnamed Google user',
    deadline,
  };
}
