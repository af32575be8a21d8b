/**
 * Tracking categories: GET /TrackingCategories, and the tracking on a document line, checked the
 * way Xero checks it.
 *
 * - GET /TrackingCategories answers `{"TrackingCategories":[{Name, Status, TrackingCategoryID,
 *   Options:[{TrackingOptionID, Name, Status}]}]}` (the spec's example and TrackingCategory
 *   schema); ARCHIVED categories and options are left out unless `includeArchived=true`
 *   ("Categories and options with a status of ARCHIVED will be included in the response", the
 *   spec's includeArchived parameter); `where` filters as on other lists. Reading it needs
 *   accounting.settings(.read) (the spec's security).
 * - An organisation has at most two ACTIVE tracking categories, each with at most 100 active
 *   options (Xero's help as quoted by chalkline.com.au/glossary/tracking-categories and
 *   hamsterstack.com/how-to/xero/set-up-tracking-categories: "Maximum 2 active tracking
 *   categories", "up to 100 tracking options per category"); `addTrackingCategory` refuses a third.
 * - A line carries at most two tracking categories ("Any LineItem can have a maximum of 2
 *   TrackingCategory elements", Xero's Invoices docs), each named by Name and Option or by
 *   TrackingCategoryID and TrackingOptionID (LineItemTracking in the spec).
 *
 * ASSUMPTION (listed in the README): Xero refuses a line whose tracking category or option does
 * not exist, or is ARCHIVED, with a validation error in the sandbox's own words, and a category
 * given twice on one line. Integrators also report Xero silently dropping tracking it did not
 * match (XeroAPI/xero-node#516, calcinai/xero-php#533); SettleSheet checks every option against
 * GET /TrackingCategories before sending, so it sends nothing either behaviour would treat
 * differently. Names compare ignoring case, as account codes do, and Xero's spelling is echoed.
 */
import type { HttpResponse } from '../../../src/xero/http';
import { queryParseError } from './api-errors';
import { stableUuid } from './ids';
import type { LineTracking, OrganisationState, TrackingCategoryRecord } from './model';
import { parseWhere } from './where-filter';

/** A text field read from JSON (as line-items.ts reads them). */
function readText(raw: unknown): string | undefined {
  if (typeof raw === 'number') return String(raw);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** Xero's limit of active tracking categories per organisation. */
export const ACTIVE_CATEGORIES_MAX = 2;
/** Xero's limit of active options per category. */
export const ACTIVE_OPTIONS_MAX = 100;

/** A seeded tracking category with stable ids. */
export function trackingCategory(tenantId: string, name: string, options: readonly (string | [string, 'ARCHIVED'])[], status: TrackingCategoryRecord['Status'] = 'ACTIVE'): TrackingCategoryRecord {
  return {
    TrackingCategoryID: stableUuid(`${tenantId}:tracking:${name}`),
    Name: name,
    Status: status,
    Options: options.map((o) => {
      const [optionName, optionStatus] = typeof o === 'string' ? [o, 'ACTIVE' as const] : o;
      return { TrackingOptionID: stableUuid(`${tenantId}:tracking:${name}:${optionName}`), Name: optionName, Status: optionStatus };
    }),
  };
}

/** Adds an ACTIVE tracking category as a person would in Xero; throws where Xero would refuse it. */
export function addTrackingCategory(org: OrganisationState, name: string, options: readonly string[]): TrackingCategoryRecord {
  const active = org.trackingCategories.filter((c) => c.Status === 'ACTIVE');
  if (active.length >= ACTIVE_CATEGORIES_MAX) {
    throw new Error(`Xero allows ${ACTIVE_CATEGORIES_MAX} active tracking categories; ${org.profile.Name} has ${active.map((c) => c.Name).join(' and ')}. Archive one first.`);
  }
  if (org.trackingCategories.some((c) => c.Status !== 'DELETED' && c.Name.toLowerCase() === name.toLowerCase())) throw new Error(`A tracking category named ${name} exists.`);
  if (options.length > ACTIVE_OPTIONS_MAX) throw new Error(`Xero allows ${ACTIVE_OPTIONS_MAX} active options per tracking category.`);
  const category = trackingCategory(org.tenantId, name, options);
  org.trackingCategories.push(category);
  return category;
}

function render(category: TrackingCategoryRecord, includeArchived: boolean): Record<string, unknown> {
  return {
    Name: category.Name,
    Status: category.Status,
    TrackingCategoryID: category.TrackingCategoryID,
    Options: category.Options.filter((o) => o.Status === 'ACTIVE' || (includeArchived && o.Status === 'ARCHIVED')).map((o) => ({
      TrackingOptionID: o.TrackingOptionID,
      Name: o.Name,
      Status: o.Status,
    })),
  };
}

/** GET /TrackingCategories (includeArchived, where). */
export function listTrackingCategories(org: OrganisationState, url: URL, ok: (collection: Record<string, unknown>) => HttpResponse): HttpResponse {
  const includeArchived = (url.searchParams.get('includeArchived') ?? '').toLowerCase() === 'true';
  const shown = org.trackingCategories.filter((c) => c.Status === 'ACTIVE' || (includeArchived && c.Status === 'ARCHIVED')).map((c) => render(c, includeArchived));
  const where = url.searchParams.get('where');
  if (where === null) return ok({ TrackingCategories: shown });
  const filter = parseWhere(where);
  if (typeof filter !== 'function') return queryParseError(filter.problem);
  return ok({ TrackingCategories: shown.filter(filter) });
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** A line's tracking as Xero stores it, checked against the organisation's categories; `errors` says what Xero would refuse. */
export function readTracking(raw: unknown, org: OrganisationState, errors: string[]): LineTracking[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.push('Tracking must be a list of tracking categories.');
    return [];
  }
  if (raw.length > ACTIVE_CATEGORIES_MAX) errors.push(`A line item can have at most ${ACTIVE_CATEGORIES_MAX} tracking categories.`);
  const seen = new Set<string>();
  const tracking: LineTracking[] = [];
  for (const entry of raw.slice(0, ACTIVE_CATEGORIES_MAX) as Record<string, unknown>[]) {
    const categoryId = readText(entry?.['TrackingCategoryID']);
    const name = readText(entry?.['Name']);
    const category = org.trackingCategories.find((c) => c.Status !== 'DELETED' && (categoryId ? same(categoryId, c.TrackingCategoryID) : same(name, c.Name)));
    if (!category || category.Status !== 'ACTIVE') {
      errors.push(`The TrackingCategory '${name ?? categoryId ?? ''}' does not exist or has been archived.`);
      continue;
    }
    if (seen.has(category.TrackingCategoryID)) {
      errors.push(`The TrackingCategory '${category.Name}' is given more than once on a line item.`);
      continue;
    }
    seen.add(category.TrackingCategoryID);
    const optionId = readText(entry?.['TrackingOptionID']);
    const optionName = readText(entry?.['Option']);
    const option = category.Options.find((o) => o.Status !== 'DELETED' && (optionId ? same(optionId, o.TrackingOptionID) : same(optionName, o.Name)));
    if (!option || option.Status !== 'ACTIVE') {
      errors.push(`The TrackingOption '${optionName ?? optionId ?? ''}' does not exist or has been archived in TrackingCategory '${category.Name}'.`);
      continue;
    }
    tracking.push({ Name: category.Name, Option: option.Name, TrackingCategoryID: category.TrackingCategoryID, TrackingOptionID: option.TrackingOptionID });
  }
  return tracking;
}
