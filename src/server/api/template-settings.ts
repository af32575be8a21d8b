/**
 * Saving the settings, including "where you sell and how you are registered": a regional
 * template, whose Accounts rows replace the Accounts tab's when the person asks for it (the
 * sidebar asks first: it overwrites what was edited there).
 */
import type { SaveSettingsRequest, SettingsDto } from '../../api/types';
import { findTemplate, OWN_ACCOUNTS, TEMPLATES } from '../../core/mapping/templates';
import { loadSpreadsheetReference } from '../../xero/spreadsheet';
import { readSettings, writeSettings } from '../settings';
import { writeTemplateAccounts } from '../workbook/accounts-template';
import { readAccountsTab } from '../workbook/mapping-tabs';
import { markAccounts } from '../workbook/xero-lists';
import { Workbook } from '../workbook/workbook';
import { appsScriptEnvironment } from '../xero/environment';
import { UserFacingError, underDocumentLock } from './envelope';

/** Saves the settings; with `applyTemplate`, also fills the Accounts tab with the template's rows. */
export function saveSettings(request: Omit<SaveSettingsRequest, 'template'> & { template?: string }): SettingsDto {
  const template = request.template ?? readSettings().template;
  if (template !== '' && template !== OWN_ACCOUNTS && !findTemplate(template)) {
    throw new UserFacingError(`There is no template "${template}". Choose one of: ${TEMPLATES.map((t) => t.name).join('; ')}.`);
  }
  // A setting the request leaves out (a form that does not show it) keeps its value (writeSettings).
  const settings: SettingsDto = {
    split: request.split,
    documentStatus: request.documentStatus,
    contactName: request.contactName,
    template,
    ...(request.cogs ? { cogs: request.cogs } : {}),
    ...(request.tracking ? { tracking: request.tracking } : {}),
    ...(request.contacts ? { contacts: request.contacts } : {}),
    ...(request.splitByMarketplace === undefined ? {} : { splitByMarketplace: request.splitByMarketplace }),
    ...(request.attachments ? { attachments: request.attachments } : {}),
  };
  const workbook = Workbook.active();
  // Settings are read, merged and written whole: under the lock, so two saves cannot mix.
  return underDocumentLock('change the settings', () => {
    if (!request.applyTemplate || template === '' || template === OWN_ACCOUNTS) return writeSettings(settings);
    workbook.ensure();
    writeTemplateAccounts(workbook, template);
    const saved = writeSettings(settings);
    // Checked at once against the organisation's accounts and tax rates, when they are known.
    const loaded = loadSpreadsheetReference(appsScriptEnvironment(), false);
    if (loaded.ok) markAccounts(workbook, readAccountsTab(workbook), loaded.value.reference);
    return saved;
  });
}
