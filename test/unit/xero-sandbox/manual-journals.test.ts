// The sandbox's ManualJournals (issue 14 §4): create, get, where-filter search, status changes,
// balanced lines, accounts and tax types checked, lock dates, scopes and idempotent replays.
import { UK, US, api, connect, json, newSandbox } from './helpers';

const SCOPES = 'openid offline_access accounting.settings.read accounting.invoices accounting.manualjournals';

function journal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Narration: 'AMZ-1-COGS Cost of goods sold',
    Date: '2026-01-10',
    Status: 'DRAFT',
    LineAmountTypes: 'NoTax',
    JournalLines: [
      { Description: 'Cost of goods sold', LineAmount: 41.5, AccountCode: '310', TaxType: 'NONE' },
      { Description: 'Inventory sold', LineAmount: -41.5, AccountCode: '630', TaxType: 'NONE' },
    ],
    ...overrides,
  };
}

function setup(scope = SCOPES) {
  const { sandbox, clock } = newSandbox();
  const { accessToken } = connect(sandbox, { scope });
  const put = (journals: Record<string, unknown>[], query = '?summarizeErrors=false', headers: Record<string, string> = {}) =>
    api(sandbox, accessToken, UK, 'PUT', `/ManualJournals${query}`, { ManualJournals: journals }, headers);
  const errorsOf = (response: ReturnType<typeof put>, index = 0) => json(response).ManualJournals[index].ValidationErrors.map((e: { Message: string }) => e.Message);
  const setStatus = (id: string, sent: Record<string, unknown>, Status: string) =>
    api(sandbox, accessToken, UK, 'POST', `/ManualJournals/${id}`, { ManualJournals: [{ ...sent, ManualJournalID: id, Status }] });
  return { sandbox, clock, accessToken, put, errorsOf, setStatus };
}

describe('PUT /ManualJournals', () => {
  it('creates a balanced journal and answers it in Xero’s shape, with lines', () => {
    const { sandbox, put } = setup();
    const body = json(put([journal()]));
    expect(body.ManualJournals[0]).toMatchObject({
      Status: 'DRAFT', LineAmountTypes: 'NoTax', Narration: 'AMZ-1-COGS Cost of goods sold', Date: `/Date(${Date.UTC(2026, 0, 10)}+0000)/`,
      StatusAttributeString: 'OK', ValidationErrors: [], Warnings: [],
      JournalLines: [
        { AccountCode: '310', TaxType: 'NONE', LineAmount: 41.5, TaxAmount: 0 },
        { AccountCode: '630', TaxType: 'NONE', LineAmount: -41.5, TaxAmount: 0 },
      ],
    });
    expect(body.ManualJournals[0].ManualJournalID).toMatch(/^[0-9a-f-]{36}$/);
    expect(sandbox.journals(UK).map((j) => [j.narration, j.status, j.lines.map((l) => l.lineAmount)])).toEqual([['AMZ-1-COGS Cost of goods sold', 'DRAFT', ['41.50', '-41.50']]]);
  });

  it('refuses lines that do not balance, fewer than two lines, and a missing narration', () => {
    const { sandbox, put, errorsOf } = setup();
    const response = put([
      journal({ JournalLines: [{ LineAmount: 100, AccountCode: '310' }, { LineAmount: -10, AccountCode: '630' }] }),
      journal({ JournalLines: [{ LineAmount: 0, AccountCode: '310' }] }),
      journal({ Narration: '' }),
    ]);
    expect(errorsOf(response, 0)).toEqual(['The total debits (100.00) must equal total credits (-10.00)']);
    expect(errorsOf(response, 1)).toEqual(['The JournalLines element must contain at least two individual JournalLine sub-elements.']);
    expect(errorsOf(response, 2)).toEqual(['Narration is mandatory: describe the journal.']);
    expect(json(response).ManualJournals.map((j: { StatusAttributeString: string }) => j.StatusAttributeString)).toEqual(['ERROR', 'ERROR', 'ERROR']);
    expect(sandbox.journals(UK)).toEqual([]);
  });

  it('checks accounts and tax types as on invoices, and refuses bank and system accounts', () => {
    const { put, errorsOf, sandbox } = setup();
    const lines = (debit: Record<string, unknown>) => ({ JournalLines: [{ LineAmount: 5, ...debit }, { LineAmount: -5, AccountCode: '630', TaxType: 'NONE' }] });
    sandbox.organisation(UK).accounts.find((a) => a.Code === '407')!.Status = 'ARCHIVED';
    const response = put([
      journal(lines({ AccountCode: '999' })),
      journal(lines({ AccountCode: '407' })),
      journal(lines({ AccountCode: '090' })),
      journal(lines({ AccountCode: '960' })),
      journal(lines({ AccountCode: '310', TaxType: 'OUTPUT2' })),
      journal(lines({ AccountCode: '310', TaxType: 'BOGUS' })),
    ]);
    expect(json(response).ManualJournals[0].Warnings).toEqual([{ Message: "Account code '999' has been removed as it does not match a recognised account." }]);
    expect([0, 1, 2, 3, 4, 5].map((i) => errorsOf(response, i))).toEqual([
      ['Account code must be specified.'],
      ["Account code '407' has been archived, or has been deleted. Each line item must reference a valid account."],
      ["Account code '090' is not a valid code for this document."],
      ["Account code '960' is not a valid code for this document."],
      ["The TaxType code 'OUTPUT2' cannot be used with account code '310'."],
      ["The TaxType code 'BOGUS' does not exist or cannot be used for this type of transaction."],
    ]);
  });

  it('refuses a journal, draft or posted, dated on or before a lock date; takes the day after', () => {
    const { put, errorsOf } = setup();
    // The UK organisation's period lock date is 2025-09-30.
    expect(errorsOf(put([journal({ Date: '2025-09-30' })]))).toEqual(['The document date cannot be before the period lock date, currently set at 30-Sep-2025']);
    expect(errorsOf(put([journal({ Date: '2025-09-30', Status: 'POSTED' })]))).toEqual(['The document date cannot be before the period lock date, currently set at 30-Sep-2025']);
    expect(errorsOf(put([journal({ Date: '2025-10-01', Status: 'POSTED' })]))).toEqual([]);
  });

  it('creates only with DRAFT or POSTED; summarizeErrors=true answers 400 naming the failed journal while creating the good one', () => {
    const { sandbox, put, errorsOf } = setup();
    expect(errorsOf(put([journal({ Status: 'VOIDED' })]))).toEqual(["The status 'VOIDED' cannot be applied to the document"]);
    const mixed = put([journal({ Narration: 'good' }), journal({ Narration: 'bad', JournalLines: [] })], '');
    expect(mixed.status).toBe(400);
    expect(json(mixed).Elements.map((e: { Narration: string }) => e.Narration)).toEqual(['bad']);
    expect(sandbox.journals(UK).map((j) => j.narration)).toEqual(['good']);
  });

  it('needs accounting.manualjournals (or the broad accounting.transactions): accounting.invoices is not enough', () => {
    const { sandbox, accessToken } = setup('openid offline_access accounting.settings.read accounting.invoices');
    const refused = api(sandbox, accessToken, UK, 'PUT', '/ManualJournals', { ManualJournals: [journal()] });
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toContain('insufficient_scope');
    expect(api(sandbox, accessToken, UK, 'GET', '/ManualJournals').status).toBe(401);
  });

  it('replays a keyed create instead of creating a second journal', () => {
    const { sandbox, put } = setup();
    const first = put([journal()], '?summarizeErrors=false', { 'idempotency-key': 'k-1' });
    const again = put([journal()], '?summarizeErrors=false', { 'idempotency-key': 'k-1' });
    expect(again.body).toBe(first.body);
    expect(sandbox.journals(UK)).toHaveLength(1);
  });
});

describe('GET /ManualJournals', () => {
  it('finds journals by exact narration (Xero’s optimised filter), lines only with a page', () => {
    const { sandbox, accessToken, put } = setup();
    put([journal({ Narration: 'AMZ-1-COGS a' }), journal({ Narration: 'AMZ-2-COGS b' }), journal({ Narration: 'amz-1-cogs a' })]);
    const where = encodeURIComponent('Narration=="AMZ-1-COGS a" OR Narration=="AMZ-2-COGS b"');
    const plain = json(api(sandbox, accessToken, UK, 'GET', `/ManualJournals?where=${where}`)).ManualJournals;
    expect(plain.map((j: { Narration: string }) => j.Narration)).toEqual(['AMZ-1-COGS a', 'AMZ-2-COGS b']);
    expect(plain[0].JournalLines).toBeUndefined();
    const paged = json(api(sandbox, accessToken, UK, 'GET', `/ManualJournals?where=${where}&page=1`));
    expect(paged.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, itemCount: 2 });
    expect(paged.ManualJournals[0].JournalLines).toHaveLength(2);
    const one = json(api(sandbox, accessToken, UK, 'GET', `/ManualJournals/${plain[1].ManualJournalID}`)).ManualJournals;
    expect(one.map((j: { Narration: string; JournalLines: unknown[] }) => [j.Narration, j.JournalLines.length])).toEqual([['AMZ-2-COGS b', 2]]);
    expect(api(sandbox, accessToken, US, 'GET', `/ManualJournals/${plain[1].ManualJournalID}`).status).toBe(404);
  });
});

describe('POST /ManualJournals/{id}', () => {
  it('deletes a draft, voids a posted journal, posts a draft; anything else is refused', () => {
    const { sandbox, put, setStatus } = setup();
    const [draft, posted, other] = json(put([journal(), journal({ Status: 'POSTED', Narration: 'posted' }), journal({ Narration: 'other' })])).ManualJournals;
    const sent = (j: { Narration: string }) => ({ Narration: j.Narration, Date: '2026-01-10', JournalLines: journal().JournalLines });
    expect(json(setStatus(draft.ManualJournalID, sent(draft), 'VOIDED')).Elements[0].ValidationErrors).toEqual([{ Message: "The status 'VOIDED' cannot be applied to the document" }]);
    expect(setStatus(draft.ManualJournalID, sent(draft), 'DELETED').status).toBe(200);
    expect(json(setStatus(posted.ManualJournalID, sent(posted), 'DELETED')).Elements[0].ValidationErrors).toEqual([{ Message: "The status 'DELETED' cannot be applied to the document" }]);
    expect(setStatus(posted.ManualJournalID, sent(posted), 'VOIDED').status).toBe(200);
    expect(setStatus(other.ManualJournalID, sent(other), 'POSTED').status).toBe(200);
    expect(sandbox.journals(UK).map((j) => j.status)).toEqual(['DELETED', 'VOIDED', 'POSTED']);
  });

  it('refuses a change other than the status, and voiding a journal in a locked period', () => {
    const { sandbox, put, setStatus } = setup();
    const [posted] = json(put([journal({ Status: 'POSTED', Date: '2025-10-15' })])).ManualJournals;
    const edited = { Narration: posted.Narration, JournalLines: [{ LineAmount: 1, AccountCode: '310' }, { LineAmount: -1, AccountCode: '630' }] };
    expect(json(setStatus(posted.ManualJournalID, edited, 'VOIDED')).Elements[0].ValidationErrors[0].Message).toContain('models only Status changes');
    sandbox.organisation(UK).profile.PeriodLockDate = '2025-10-31';
    const same = { Narration: posted.Narration, JournalLines: journal().JournalLines };
    expect(json(setStatus(posted.ManualJournalID, same, 'VOIDED')).Elements[0].ValidationErrors).toEqual([{ Message: 'Document cannot be edited as it is currently dated before period lock date' }]);
    expect(sandbox.journals(UK)[0]!.status).toBe('POSTED');
  });
});
