/**
 * What the preview says when sales whose tax Amazon remits have no Accounts row of their own: a
 * workbook set up before those categories existed, whose Settings keep the person's own Accounts
 * rows or name no region, so the layout upgrade added none (workbook/remitted-upgrade.ts). Those
 * sales post as the plain category, at the seller's rate; worth knowing, not blocking.
 */
import { remittedBase } from '../../core/mapping/categories';
import { FALLBACK_TEMPLATE, templateForMarketplaces } from '../../core/mapping/templates';
import { formatAmount } from '../../core/money';
import { count } from '../../core/words';
import type { Computed } from './compute';

/** The note for a computed settlement, or undefined when every such sale has its own row. */
export function remittedAsPlainNote(c: Computed): string | undefined {
  const { summary } = c;
  // A US settlement posts them as Sales anyway (the US rows code both alike): nothing to say.
  if (templateForMarketplaces(summary.marketplaces, summary.header.currency) === FALLBACK_TEMPLATE) return undefined;
  const named = new Set(c.accountCategories.map((a) => a.trim().toLowerCase()));
  const missing = new Set<string>();
  let rows = 0;
  let amount = 0;
  c.stored.forEach((s, i) => {
    const category = c.categories[i] ?? '';
    if (remittedBase(category) === undefined || named.has(category.trim().toLowerCase())) return;
    missing.add(category);
    rows += s.entry.rows;
    amount += s.entry.amount;
  });
  if (missing.size === 0) return undefined;
  const which = [...missing];
  const plain = which.map((m) => remittedBase(m)!);
  return (
    `${count(rows, 'line')} (${formatAmount(amount, summary.header.decimals)} ${summary.header.currency}) of orders whose tax Amazon remits post as plain ${plain.join(', ')}, with your own tax rate, ` +
    `until the Accounts tab gets rows for ${which.map((m) => `"${m}"`).join(', ')}. ` +
    'Add them with your sales account and a rate without output tax (as the regional templates do), or choose your region in Settings to have them written.'
  );
}
