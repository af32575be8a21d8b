/**
 * The regional templates SettleSheet ships, and which one a settlement's main marketplace
 * suggests. A template seeds the Accounts tab (a person can edit every row afterwards); the
 * Mapping rules are the same for every region.
 */
import type { CategoryAccount } from '../types';
import { CA, CA_GST, US } from './americas';
import { AU, AU_GST, JP, NZ_GST } from './asia-pacific';
import { EU_VAT, UK, UK_VAT } from './europe';
import { accountsOf, type RegionalTemplate } from './types';

export type { RegionalTemplate, RowScope, TemplateRow } from './types';

/** Every template, in the order lists show them. */
export const TEMPLATES: readonly RegionalTemplate[] = [US, CA_GST, CA, UK_VAT, UK, EU_VAT, AU_GST, AU, NZ_GST, JP];

/**
 * The Settings choice "keep my own Accounts rows": the person set the Accounts tab up themselves,
 * so no template is applied and none is suggested.
 */
export const OWN_ACCOUNTS = 'own';

/** The template used when nothing else says which. */
export const FALLBACK_TEMPLATE = US;

/** The template with this id (any case), or undefined. */
export function findTemplate(id: string): RegionalTemplate | undefined {
  const wanted = id.trim().toLowerCase();
  return TEMPLATES.find((t) => t.id === wanted);
}

/** The template a marketplace suggests (`Amazon.co.uk` → uk-vat), or undefined for one no template names. */
export function templateForMarketplace(marketplace: string): RegionalTemplate | undefined {
  const wanted = marketplace.trim().toLowerCase();
  return TEMPLATES.find((t) => t.marketplaces.some((m) => m.toLowerCase() === wanted));
}

// A settlement's currency is its marketplace's (Amazon pays each marketplace in its own currency).
const CURRENCY_TEMPLATES: Readonly<Record<string, RegionalTemplate>> = { CAD: CA_GST, GBP: UK_VAT, AUD: AU_GST, EUR: EU_VAT, JPY: JP };

/**
 * The template for a settlement's marketplaces (most lines first): its main Amazon marketplace
 * decides; a settlement of account-level lines only (no marketplace) falls back on its currency,
 * then on the US template.
 */
export function templateForMarketplaces(marketplaces: readonly string[], currency = ''): RegionalTemplate {
  for (const marketplace of marketplaces) {
    const template = templateForMarketplace(marketplace);
    if (template) return template;
  }
  return CURRENCY_TEMPLATES[currency.trim().toUpperCase()] ?? FALLBACK_TEMPLATE;
}

/** A template's Accounts rows (the US template's for an unknown id). */
export function templateAccounts(id: string): CategoryAccount[] {
  return accountsOf(findTemplate(id) ?? FALLBACK_TEMPLATE);
}
