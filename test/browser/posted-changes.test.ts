// Editing one Mapping row of an already-posted settlement (issue 12, §2), in Chromium: the
// spreadsheet says at the moment of the edit that it changes that posted settlement, and the
// sidebar shows what changed line by line (category, account, tax type, amount, in Xero and now,
// and the Amazon line type that moved), with Void and re-post offered from it.
import { TENANT_IDS } from '../fakes/xero';
import { demoSettlement, UNMAPPED_DESCRIPTION } from '../../src/workbench/demo-settlement';
import { describeInBrowser } from './support/chromium';
import { demoReadyToPostForSuite, editInTabView, expectText, type Session } from './support/workbench-session';

jest.setTimeout(120_000);

describeInBrowser('a posted settlement whose Mapping row is edited', () => {
  let session: Session;
  demoReadyToPostForSuite((opened) => (session = opened));
  const demo = demoSettlement();

  it('is named at the edit, shows what changed line by line, and offers Void and re-post from there', async () => {
    const { page, sidebar, workbench } = session;
    await sidebar.getByRole('button', { name: 'Post to Xero', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Create in Xero' }).click();
    await sidebar.locator('.notice-area .notice.success').waitFor();

    // The accountant moves the placement fee from FBA fees to Storage, in the Mapping tab.
    await editInTabView(session, 'Mapping', { column: 'Amount description', value: UNMAPPED_DESCRIPTION }, 'Category', 'Storage');
    const toast = page.locator('#toast');
    await expectText(toast, new RegExp(`^SettleSheet\\s+This edit changes posted settlement ${demo.settlementId} \\(FBA fees, Storage\\): it no longer matches what is in Xero\\. Open it in SettleSheet to see what changed and to void and re-post, or undo the edit\\.`));

    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expectText(sidebar.locator('.status-line .chip'), /^Changed since posting$/);
    const changes = sidebar.getByRole('region', { name: 'What changed since it was posted' });
    await expectText(changes, /Sales invoice AMZ-24577301951-2025-07 · July 2025\s+Its total stays 866\.41 USD\./);
    // Line by line: the category, then account, tax type and amount in Xero and now.
    const fba = changes.locator('.change-line', { hasText: /^FBA fees/ });
    expect(await fba.locator('tr').allInnerTexts()).toEqual(['\tIn Xero\tNow', 'Account\t406 Amazon FBA Fees\t406 Amazon FBA Fees', 'Tax type\tNo tax\tNo tax', 'Amount\t-186.36 USD\t-167.96 USD']);
    const storage = changes.locator('.change-line', { hasText: /^Storage/ });
    expect(await storage.locator('tr').last().innerText()).toBe('Amount\t-27.13 USD\t-45.53 USD');
    expect(await storage.locator('td.changed').allInnerTexts()).toEqual(['-45.53 USD']);
    await expectText(changes.locator('.moves'), /^Inventory Placement Service Fee \(Amazon\.com\): FBA fees → Storage, -18\.40 USD$/);
    await expectText(changes, /6 other lines are the same\./);
    // June is untouched by this fee: only July is listed.
    expect(await changes.getByText(/June 2025/).count()).toBe(0);

    // Void and re-post, from the changes.
    await changes.getByRole('button', { name: 'Void and re-post' }).click();
    const confirmation = sidebar.getByRole('group', { name: /^Create 2 sales invoices/ });
    await expectText(confirmation, /AMZ-24577301951-2025-07 will be deleted \(it is a draft or awaiting approval\)/);
    await confirmation.getByRole('button', { name: 'Void and re-post' }).click();
    await sidebar.locator('.notice-area .notice.success').waitFor();
    await expectText(sidebar.locator('.status-line .chip'), /^Posted$/);
    expect(await sidebar.getByRole('region', { name: 'What changed since it was posted' }).count()).toBe(0);
    const july = workbench.sandbox.documents(TENANT_IDS.us).filter((d) => d.invoiceNumber.startsWith('AMZ-24577301951-2025-07'));
    expect(july.map((d) => [d.invoiceNumber, d.status])).toEqual([['AMZ-24577301951-2025-07', 'DELETED'], ['AMZ-24577301951-2025-07-R2', 'DRAFT']]);

    // Undoing the edit now changes the re-posted settlement, and the spreadsheet says so at once.
    await editInTabView(session, 'Mapping', { column: 'Amount description', value: UNMAPPED_DESCRIPTION }, 'Category', 'FBA fees');
    await expectText(toast, new RegExp(`This edit changes posted settlement ${demo.settlementId}`));
  });
});
