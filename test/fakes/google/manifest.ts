/**
 * The script's manifest as the fakes enforce it: its OAuth scopes (every faked method checks the
 * scopes Google's reference says it needs) and its UrlFetch allow-list. By default a world runs
 * under the project's own appsscript.json, the file `clasp push` uploads, so a scope the product
 * forgot to ask for fails in every test exactly as it would in Apps Script.
 */
import projectManifest from '../../../appsscript.json';

/** The fields of appsscript.json the fakes read. */
export interface Manifest {
  /** Explicit scopes; absent means Apps Script detects them from the code (nothing is refused). */
  oauthScopes?: readonly string[];
  /** HTTPS URL prefixes UrlFetch may reach; absent means any URL. */
  urlFetchWhitelist?: readonly string[];
  timeZone?: string;
}

/** The project's appsscript.json. */
export const PROJECT_MANIFEST: Manifest = projectManifest;
