// Every value SettleSheet keeps in document properties fits Google's per-value limit (the fakes
// refuse a value over 8,000 bytes with Google's "Argument too large", as the measured limit is),
// on the BUILT add-on: the settings with a contact for each of many marketplaces, and the import
// in progress of a file naming many long marketplaces.
import type { SettingsDto } from '../../../src/api/types';
import { bundleSession, importSettlement, useBuiltBundle } from '../../support/bundle-session';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';
import { SELLER } from '../../support/xero-apps-script';

const code = useBuiltBundle();
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

describe('values kept in document properties', () => {
  it('keep settings with a Xero contact for each of 40 marketplaces, and read them back whole', () => {
    const s = bundleSession(code());
    const contacts = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Amazon.example-${i}.marketplace`, `Amazon Services Europe S.à r.l. — marketplace ${i} `.padEnd(240, '·')]));
    const settings: SettingsDto = { split: 'carry', documentStatus: 'DRAFT', contactName: '', template: '', contacts };
    s.run(SELLER, 'saveSettings', settings);
    expect(s.run<SettingsDto>(SELLER, 'getSettings').contacts).toEqual(contacts);
    for (const value of Object.values(s.x.world.inspect.properties('document'))) expect(utf8(value)).toBeLessThanOrEqual(8000);
  });

  it('keep the import of a file naming 30 long marketplaces: it imports, and nothing of it is left behind', () => {
    const s = bundleSession(code());
    const marketplaces = Array.from({ length: 30 }, (_, i) => `Marketplace ${i} `.padEnd(300, 'x'));
    const lines: DetailedLineSpec[] = marketplaces.map((m, i) => ({ spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', `${i + 1}.00`, m] }));
    const { finished } = importSettlement(s, settlementOf(lines));
    expect(finished).toMatchObject({ balanced: true, lines: 30 });
    expect(s.x.world.inspect.properties('document')['settlesheet.import']).toBeUndefined();
  });
});
