/**
 * The line types of a settlement that have no category yet, each named by its description (the
 * file's codes in small print), with a suggested category and its reason, a choice of the
 * categories a seller may pick, and a way to the row in the Mapping tab for whoever prefers the
 * spreadsheet. Choosing writes the Mapping row through the server; the detail then recomputes.
 */
import type { PreviewResult, UnmappedDto } from '../../src/api/types';
import { readAccountsTable } from '../../src/core/mapping/tables';
import { choosableCategories } from '../../src/core/mapping/choices';
import { suggestCategory } from '../../src/core/mapping/suggest';
import type { SidebarContext } from '../context';
import { h, uid } from '../dom';
import { count, money } from '../format';
import { messageOf } from '../server';
import { lineTypeCodes, lineTypeName } from '../settlement-wording';
import { notice } from './notice';

/** The categories a seller may choose: the Accounts tab's, internal ones left out. */
export async function categoryChoices(ctx: SidebarContext): Promise<string[]> {
  const tables = await ctx.call('getMappingTables', {});
  return choosableCategories(readAccountsTable(tables.accounts).rows.map((r) => r.category));
}

/** The "Needs a category" section; `choices` may be empty when the Accounts tab could not be read. */
export function unmappedView(ctx: SidebarContext, preview: PreviewResult, choices: readonly string[], chosen: () => void): HTMLElement | null {
  if (preview.unmapped.length === 0) return null;
  const headingId = uid('unmapped');
  return h(
    'section',
    { class: 'unmapped', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, `Needs a category (${preview.unmapped.length})`),
    h('p', { class: 'gray small' }, 'Posting waits until every kind of Amazon line has a category. Your choice is saved in the Mapping tab and used for every settlement.'),
    h('ul', { class: 'plain' }, ...preview.unmapped.map((u) => item(ctx, u, preview.settlement.currency, choices, chosen))),
  );
}

function item(ctx: SidebarContext, u: UnmappedDto, currency: string, choices: readonly string[], chosen: () => void): HTMLElement {
  // Tax lines of both kinds can share Amazon's three words: who remits the tax tells them apart,
  // as the Mapping tab's "Tax remitted by" column does.
  const remitter = u.remittedBy === 'seller' ? 'Seller' : u.remittedBy === 'amazon' ? 'Amazon' : '';
  const name = `${lineTypeName(u)}${u.remittedBy === 'seller' ? ' (tax you owe)' : u.remittedBy === 'amazon' ? ' (tax Amazon remits)' : ''}`;
  const suggestion = suggestCategory(u);
  const suggested = suggestion.category && choices.includes(suggestion.category) ? suggestion.category : '';
  const selectId = uid('category');
  const select = h(
    'select',
    { id: selectId },
    suggested ? null : h('option', { value: '', selected: true }, 'Choose a category…'),
    ...choices.map((c) => h('option', { value: c, selected: c === suggested }, c)),
  );
  const use: HTMLButtonElement = h('button', { type: 'button', class: 'action' });
  const label = () => {
    use.textContent = select.value ? `Use ${select.value}` : 'Use this category';
    use.disabled = select.value === '';
    use.setAttribute('aria-label', select.value ? `Use ${select.value} for ${name}` : `Choose a category for ${name} first`);
  };
  label();
  select.addEventListener('change', label);
  use.addEventListener('click', () => void choose());

  async function choose(): Promise<void> {
    const category = select.value;
    if (!category) return;
    use.disabled = true;
    select.disabled = true;
    try {
      const result = await ctx.call('chooseCategory', { transactionType: u.transactionType, amountType: u.amountType, amountDescription: u.amountDescription, remittedBy: u.remittedBy, category });
      ctx.notify(
        result.written
          ? notice('success', `${name} now counts as ${result.category} (Mapping row ${result.row}), in this settlement and every later one.`)
          : notice('info', `Someone already chose ${result.category} for ${name} (Mapping row ${result.row}). The settlement now uses it.`),
      );
      chosen();
    } catch (error) {
      ctx.notify(notice('error', messageOf(error)));
      select.disabled = false;
      label();
    }
  }

  const show: HTMLButtonElement = h('button', {
    type: 'button',
    class: 'link-button',
    'aria-label': `Show ${name} in the Mapping tab`,
    onclick: async () => {
      show.disabled = true;
      try {
        const { row } = await ctx.call('revealInMapping', { transactionType: u.transactionType, amountType: u.amountType, amountDescription: u.amountDescription, remittedBy: u.remittedBy });
        ctx.notify(notice('info', `Row ${row} of the Mapping tab is selected. Choose a category in its Category column, then press Refresh here.`));
      } catch (error) {
        ctx.notify(notice('error', messageOf(error)));
      } finally {
        show.disabled = false;
      }
    },
  }, 'Show in Mapping');

  return h(
    'li',
    { class: 'unmapped-item' },
    h('span', { class: 'line-head' }, h('span', { class: 'line-type' }, name), h('span', { class: 'num' }, money(u.amount, currency))),
    h('span', { class: 'gray small codes' }, `${lineTypeCodes(u)}${remitter ? ` · Tax remitted by: ${remitter}` : ''} · ${count(u.rows, 'line')}${u.marketplaces.length ? ` · ${u.marketplaces.join(', ')}` : ''}`),
    h('p', { class: 'suggestion small' }, suggestion.category ? h('strong', {}, `Suggested: ${suggestion.category}. `) : null, suggestion.reason),
    h(
      'div',
      { class: 'choose' },
      choices.length ? h('label', { for: selectId, class: 'visually-hidden' }, `Category for ${name}`) : null,
      choices.length ? select : null,
      h('div', { class: 'buttons' }, choices.length ? use : null, show),
    ),
  );
}
