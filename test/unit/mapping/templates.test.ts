// The regional templates (issue 11 §2): complete, unambiguous, chosen by the main marketplace,
// and made of codes the matching Xero organisation has.
import {
  CATEGORIES, createMatcher, defaultRules, findTemplate, TEMPLATES, templateAccounts, templateForMarketplaces,
  type RegionalTemplate,
} from '../../../src/core/mapping';
import { TEMPLATE_NOTES } from '../../../src/core/mapping/templates/notes';
import { regionalOrganisations, seedOrganisations, type OrganisationSeed } from '../../fakes/xero';

const CLASS_FLAG = { ASSET: 'CanApplyToAssets', EQUITY: 'CanApplyToEquity', EXPENSE: 'CanApplyToExpenses', LIABILITY: 'CanApplyToLiabilities', REVENUE: 'CanApplyToRevenue' } as const;

/** The sandbox organisation a template is written for: same edition and country. */
function organisationOf(template: RegionalTemplate): OrganisationSeed {
  return [...seedOrganisations(), ...regionalOrganisations()].find((o) => o.profile.CountryCode === template.country)!;
}

describe('the regional templates', () => {
  it('ship the regions the issue names, each id once', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['us', 'ca-gst', 'ca', 'uk-vat', 'uk', 'eu-vat', 'au-gst', 'au', 'nz-gst', 'jp']);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: every category has exactly one account, on every date and marketplace', (_id, template) => {
    const matcher = createMatcher({ rules: [], accounts: templateAccounts(template.id) });
    const used = new Set([...CATEGORIES.map((c) => c.name), ...defaultRules().map((r) => r.category)]);
    for (const category of used) {
      for (const date of ['2024-07-31', '2024-08-01', '2026-01-15']) {
        for (const marketplace of ['', 'Amazon.com', 'Amazon.co.uk', 'Amazon.de', 'Amazon.ca']) {
          expect([category, date, marketplace, matcher.accountFor(category, marketplace, date).kind]).toEqual([category, date, marketplace, 'found']);
        }
      }
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: its codes are active accounts and tax rates of its Xero edition, allowed together', (_id, template) => {
    const org = organisationOf(template);
    expect(org.profile.Version).toBe(template.edition);
    for (const row of templateAccounts(template.id)) {
      const account = org.accounts.find((a) => a.Code === row.accountCode);
      const rate = org.taxRates.find((r) => r.TaxType === row.taxType);
      expect([row.category, row.accountCode, account?.Status, row.taxType, rate?.Status]).toEqual([row.category, row.accountCode, 'ACTIVE', row.taxType, 'ACTIVE']);
      expect([row.category, row.taxType, rate![CLASS_FLAG[account!.Class]]]).toEqual([row.category, row.taxType, true]);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: explains its treatment of tax, with sources', (_id, template) => {
    const notes = TEMPLATE_NOTES[template.id] ?? [];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.join(' ')).toMatch(/help\.|support\.|sellercentral|spec/);
  });

  it('follows the main marketplace when none is named', () => {
    expect(templateForMarketplaces(['Amazon.co.uk', 'Amazon.de']).id).toBe('uk-vat');
    expect(templateForMarketplaces(['Non-Amazon CA', 'Amazon.ca']).id).toBe('ca-gst');
    expect(templateForMarketplaces(['Amazon.de']).id).toBe('eu-vat');
    expect(templateForMarketplaces(['Amazon.com.au']).id).toBe('au-gst');
    expect(templateForMarketplaces(['Amazon.co.jp']).id).toBe('jp');
    expect(templateForMarketplaces(['amazon.com']).id).toBe('us');
    expect(templateForMarketplaces(['Amazon.sg']).id).toBe('us');
    expect(templateForMarketplaces([]).id).toBe('us');
  });

  it('falls back on the currency when a settlement names no marketplace (account-level lines only), then on the US template', () => {
    expect(['CAD', 'GBP', 'AUD', 'EUR', 'JPY', 'USD', 'SGD'].map((c) => templateForMarketplaces([], c).id)).toEqual(['ca-gst', 'uk-vat', 'au-gst', 'eu-vat', 'jp', 'us', 'us']);
    // The marketplace still decides when there is one.
    expect(templateForMarketplaces(['Amazon.de'], 'GBP').id).toBe('eu-vat');
  });

  it('dates the UK fee VAT change: reverse charge to 31 July 2024, 20% from 1 August 2024', () => {
    const matcher = createMatcher({ rules: [], accounts: templateAccounts('uk-vat') });
    const tax = (category: string, marketplace: string, date: string) => {
      const answer = matcher.accountFor(category, marketplace, date);
      return answer.kind === 'found' ? answer.account.taxType : answer.kind;
    };
    expect(tax('Seller fees', 'Amazon.co.uk', '2024-07-31')).toBe('REVERSECHARGES');
    expect(tax('Seller fees', 'Amazon.co.uk', '2024-08-01')).toBe('INPUT2');
    expect(tax('FBA fees', 'Amazon.de', '2024-07-31')).toBe('REVERSECHARGES');
    expect(tax('FBA fees', 'Amazon.de', '2024-08-01')).toBe('ZERORATEDINPUT');
    expect(tax('Advertising', 'Amazon.co.uk', '2025-01-01')).toBe('INPUT2');
    expect(tax('Advertising', 'Amazon.fr', '2025-01-01')).toBe('REVERSECHARGES');
    expect(findTemplate('AU-GST')!.rows.find(([c]) => c === 'Seller fees')![2]).toBe('EXEMPTEXPENSES');
  });
});
