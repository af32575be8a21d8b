import { lockDateProblems, lockedForVoiding, lockOf } from '../../../src/xero/lock-dates';
import { HEADERS, MONTH_SPLIT, POSITIVE, settlementOf } from '../../support/xero-apps-script';

const ORG = 'Harbor Lane Goods Inc';

describe('lock dates', () => {
  it('lock a document dated ON or before them; the end of year lock is named first', () => {
    expect(lockOf('2025-07-31', { periodLockDate: '2025-07-31' })).toEqual({ kind: 'period', date: '2025-07-31' });
    expect(lockOf('2025-08-01', { periodLockDate: '2025-07-31' })).toBeUndefined();
    expect(lockOf('2024-12-31', { periodLockDate: '2025-03-31', endOfYearLockDate: '2024-12-31' })).toEqual({ kind: 'end of year', date: '2024-12-31' });
    expect(lockOf('2025-01-01', {})).toBeUndefined();
  });

  it('name the locked part of a month split, who can move the lock, and offer one document when its date is open', () => {
    const s = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' });
    expect(s.documents.map((d) => d.invoice.Date)).toEqual(['2025-07-31', '2025-08-08']);
    expect(lockDateProblems(s.summary, s.documents, { periodLockDate: '2025-07-31' }, ORG)).toEqual([
      "The July 2025 part (sales invoice AMZ-24288684723-2025-07, dated 2025-07-31) is dated on or before Harbor Lane Goods Inc's period lock date (2025-07-31). " +
        'SettleSheet posts nothing into a locked period, even for advisers, whom Xero would let: an adviser in the organisation (you, if you are one) moves the period lock date (in Xero: Accounting › Advanced › Financial settings), then post again. ' +
        'Or post the settlement as one document dated 2025-08-08: set the month split to "off" in SettleSheet\'s settings.',
    ]);
  });

  it('do not offer one document when its date is locked too, and say the end of year lock binds advisers as well', () => {
    const s = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'separate' });
    const problems = lockDateProblems(s.summary, s.documents, { endOfYearLockDate: '2025-08-31' }, ORG);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toBe(
      "The August 2025 part (sales invoice AMZ-24288684723-2025-08, dated 2025-08-08) is dated on or before Harbor Lane Goods Inc's end of year lock date (2025-08-31). " +
        'Xero refuses it for everyone, advisers included: ask whoever closed that year to move the end of year lock date (in Xero: Accounting › Advanced › Financial settings), then post again.',
    );
    const whole = settlementOf(POSITIVE, HEADERS.positive);
    expect(lockDateProblems(whole.summary, whole.documents, { periodLockDate: '2025-08-13' }, ORG)).toEqual([]);
  });

  it('keep documents in a locked period from being voided, and say nothing of those without a date', () => {
    const locks = { periodLockDate: '2025-07-31' };
    expect(lockedForVoiding([{ invoiceNumber: 'A', date: '2025-07-31' }, { invoiceNumber: 'B', date: '2025-08-01' }, { invoiceNumber: 'C' }], locks, 'try again')).toEqual([
      'A is dated 2025-07-31, on or before the period lock date (2025-07-31), so Xero will not void or delete it. ' +
        'SettleSheet posts nothing into a locked period, even for advisers, whom Xero would let: an adviser in the organisation (you, if you are one) moves the period lock date (in Xero: Accounting › Advanced › Financial settings), then try again.',
    ]);
  });
});
