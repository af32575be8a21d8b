// What the Post confirmation says about cost of goods sold journals: added to the documents when
// both go, and the whole confirmation when only the journals go (the invoices are in Xero already).
import type { CogsPreviewDto, PreviewResult } from '../../../src/api/types';
import { cogsConfirmation, journalReplacementNote } from '../../../sidebar/views/cogs';

const journal = (key: string, total: string): CogsPreviewDto['journals'][number] => ({
  part: '2025-08', key, narration: `${key} Cost of goods sold`, date: '2025-08-08', status: 'DRAFT', total,
  lines: [
    { category: 'Cost of goods sold', accountCode: '310', accountName: 'Cost of Goods Sold', taxType: 'NONE', amount: total },
    { category: 'Inventory', accountCode: '630', accountName: 'Inventory', taxType: 'NONE', amount: `-${total}` },
  ],
});
const preview = (cogs: Partial<CogsPreviewDto>): PreviewResult =>
  ({
    settlement: { currency: 'USD' },
    cogs: { enabled: true, parts: [], journals: [journal('AMZ-1-COGS-R2', '12.30')], posted: [{ part: '2025-08', narration: 'AMZ-1-COGS Cost of goods sold', status: 'DRAFT', total: '9.00', url: 'https://go.xero.com/x' }], problems: [], notes: [], missing: [], changedSincePosting: false, onlyJournals: false, ...cogs },
  }) as unknown as PreviewResult;

describe('cogsConfirmation', () => {
  it('adds the journals to a confirmation of documents', () => {
    expect(cogsConfirmation(preview({}), { mode: 'post' })).toEqual({
      notes: ['With them, 1 cost of goods sold journal: Journal AMZ-1-COGS-R2, dated 8 Aug 2025: debit 310 Cost of Goods Sold, credit 630 Inventory, 12.30 USD, as a draft.'],
    });
  });

  it('is the whole confirmation when only journals go, and names what a re-post voids first', () => {
    const replaced = cogsConfirmation(preview({ onlyJournals: true, changedSincePosting: true }), { mode: 'void-and-repost', organisation: 'Harbor Lane Goods Inc' });
    expect(replaced.wording).toEqual({
      title: 'Create 1 cost of goods sold journal in Harbor Lane Goods Inc?',
      documents: ['Journal AMZ-1-COGS-R2, dated 8 Aug 2025: debit 310 Cost of Goods Sold, credit 630 Inventory, 12.30 USD, as a draft.'],
      notes: ['First, in Xero, the journal AMZ-1-COGS will be deleted (it is a draft), so no cost is counted twice.', 'The invoices are already in Xero as they are now, and stay as they are.'],
    });
  });

  it('says a posted journal is voided and a draft deleted, as the server does (posting-journals-void.ts)', () => {
    const posted = [
      { part: '2025-07', narration: 'AMZ-1-COGS-1 Cost of goods sold', status: 'POSTED', total: '4.00', url: 'https://go.xero.com/a' },
      { part: '2025-08', narration: 'AMZ-1-COGS-2 Cost of goods sold', status: 'DRAFT', total: '5.00', url: 'https://go.xero.com/b' },
    ];
    const replaced = cogsConfirmation(preview({ onlyJournals: true, changedSincePosting: true, posted }), { mode: 'void-and-repost' });
    expect(replaced.wording?.notes[0]).toBe('First, in Xero, the journal AMZ-1-COGS-1 will be voided (it is posted: Xero keeps it, marked void) and AMZ-1-COGS-2 will be deleted (it is a draft), so no cost is counted twice.');
    expect(journalReplacementNote(posted.map((j) => ({ ...j, status: 'POSTED' })))).toBe(
      'First, in Xero, the journals AMZ-1-COGS-1 and AMZ-1-COGS-2 will be voided (they are posted: Xero keeps them, marked void), so no cost is counted twice.',
    );
  });

  it('names the old journals when invoices and journals are replaced together', () => {
    const both = cogsConfirmation(preview({ changedSincePosting: true }), { mode: 'void-and-repost' });
    expect(both.wording).toBeUndefined();
    expect(both.notes).toEqual([
      'First, in Xero, the journal AMZ-1-COGS will be deleted (it is a draft), so no cost is counted twice.',
      'With them, 1 cost of goods sold journal: Journal AMZ-1-COGS-R2, dated 8 Aug 2025: debit 310 Cost of Goods Sold, credit 630 Inventory, 12.30 USD, as a draft.',
    ]);
    // Journals that did not change stay in Xero: nothing is said about replacing them.
    expect(cogsConfirmation(preview({}), { mode: 'void-and-repost' }).notes).toHaveLength(1);
  });

  it('says nothing when there is no journal to send', () => {
    expect(cogsConfirmation(preview({ journals: [] }), { mode: 'post' })).toEqual({ notes: [] });
    expect(cogsConfirmation(preview({ enabled: false }), { mode: 'post' })).toEqual({ notes: [] });
  });
});
