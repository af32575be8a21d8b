import fc from 'fast-check';
import { describeRefusal, documentsFingerprint, idempotencyKey, numberForRevision, renumber, sameDocument } from '../../../src/xero/posting-plan';
import { nodeCrypto } from '../../support/xero-memory-ports';
import { HEADERS, NEGATIVE, POSITIVE, settlementOf } from '../../support/xero-apps-script';

const fingerprint = (s: ReturnType<typeof settlementOf>) => documentsFingerprint(s.documents, nodeCrypto);

describe('the fingerprint of a settlement’s documents', () => {
  it('ignores what does not change the books: status, contact, link', () => {
    const base = fingerprint(settlementOf(POSITIVE, HEADERS.positive));
    expect(fingerprint(settlementOf(POSITIVE, HEADERS.positive, { status: 'AUTHORISED', contactName: 'Amazon Services LLC', sourceUrl: 'https://example.com/x' }))).toBe(base);
  });

  it('changes with an amount, a date or an account', () => {
    const base = fingerprint(settlementOf(POSITIVE, HEADERS.positive));
    const moreFees = [...POSITIVE, ['Order', 'ItemFees', 'Commission', '2025-08-06', '-0.01']] as const;
    expect(fingerprint(settlementOf(moreFees, HEADERS.positive))).not.toBe(base);
    expect(fingerprint(settlementOf(POSITIVE, { ...HEADERS.positive, depositDate: '2025-08-17T00:00:00Z' }))).not.toBe(base);
    const doc = settlementOf(POSITIVE, HEADERS.positive);
    doc.documents[0]!.invoice.LineItems[0]!.AccountCode = '200';
    expect(fingerprint(doc)).not.toBe(base);
  });
});

describe('numbers per revision', () => {
  it('keeps the first revision’s numbers and suffixes later ones', () => {
    expect(numberForRevision('AMZ-1-2025-08', 1)).toBe('AMZ-1-2025-08');
    expect(numberForRevision('AMZ-1-2025-08', 2)).toBe('AMZ-1-2025-08-R2');
    const s = settlementOf(POSITIVE, HEADERS.positive);
    expect(renumber(s.documents, 3)[0]!.invoice.InvoiceNumber).toBe('AMZ-24288684721-R3');
    expect(s.documents[0]!.invoice.InvoiceNumber).toBe('AMZ-24288684721');
  });
});

describe('the Idempotency-Key', () => {
  it('is the same for the same settlement, revision, refusals and body, different otherwise, and at most 128 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.string(), (id, revision, refusals, body) => {
        const key = idempotencyKey(id, revision, refusals, body, nodeCrypto);
        expect(key.length).toBeLessThanOrEqual(128);
        expect(key).toMatch(/^[A-Za-z0-9-]+$/);
        expect(idempotencyKey(id, revision, refusals, body, nodeCrypto)).toBe(key);
        expect(idempotencyKey(id, revision, refusals + 1, body, nodeCrypto)).not.toBe(key);
        expect(idempotencyKey(id, revision, refusals, `${body}.`, nodeCrypto)).not.toBe(key);
      }),
    );
  });
});

describe('matching what Xero holds', () => {
  const state = (type: string, total: number, currency = 'USD') => ({ invoiceId: 'i', invoiceNumber: 'AMZ-24288684722', type, status: 'DRAFT', total, amountPaid: 0, amountCredited: 0, currency });

  it('compares a bill with its positive total', () => {
    const bill = settlementOf(NEGATIVE, HEADERS.negative).documents[0]!;
    expect(sameDocument(state('ACCPAY', 54.99), bill, 2)).toBe(true);
    expect(sameDocument(state('ACCPAY', 54.98), bill, 2)).toBe(false);
    expect(sameDocument(state('ACCREC', 54.99), bill, 2)).toBe(false);
    expect(sameDocument(state('ACCPAY', 54.99, 'CAD'), bill, 2)).toBe(false);
  });

  it('compares yen without inventing decimals', () => {
    const yen = settlementOf([['Order', 'ItemPrice', 'Principal', '2025-08-02', '12800']], { currency: 'JPY' }).documents[0]!;
    expect(sameDocument(state('ACCREC', 12800, 'JPY'), yen, 0)).toBe(true);
    expect(sameDocument(state('ACCREC', 12800.5, 'JPY'), yen, 0)).toBe(false);
  });
});

describe('describing a refusal', () => {
  const s = settlementOf(POSITIVE, HEADERS.positive);
  const doc = s.documents[0]!;

  it('uses the line Xero names', () => {
    expect(describeRefusal({ line: 2, message: 'Bad.' }, doc, s.summary)).toBe('sales invoice AMZ-24288684721, line 2 (Refunds, account 202): Bad.');
  });

  it('finds the line by the account code the message quotes when Xero names none', () => {
    expect(describeRefusal({ message: "Account code '406' has been archived." }, doc, s.summary))
      .toBe("sales invoice AMZ-24288684721, line 4 (FBA fees, account 406): Account code '406' has been archived.");
  });

  it('names only the document when nothing points at a line', () => {
    expect(describeRefusal({ message: 'Invoice # must be unique.' }, doc, s.summary)).toBe('sales invoice AMZ-24288684721: Invoice # must be unique.');
  });
});
