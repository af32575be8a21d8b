/**
 * What a line alone says about who remits its tax, for a server that is given each line's role by
 * the browser (core/tax/classify.ts decides it over the whole file, which the server does not
 * read back). The roles that depend on other lines of the order stay the browser's word; these do
 * not, whatever else the file holds:
 * - a withheld-tax line (ItemWithheldTax, MarketplaceFacilitatorTax-/VAT-…, LowValueGoodsTax-…)
 *   is Amazon's;
 * - tax the file states on a fee (`TaxAmount`), and collected tax on a line with no order (which
 *   no withheld line can match), are the seller's;
 * - collected tax of an order may be Amazon's, the seller's or split between them;
 * - a line that is not a tax line has no role, except a sale line (ItemPrice Principal, Shipping,
 *   GiftWrap; a promotion that is not itself tax), which is Amazon's when Amazon remits all the
 *   collected tax of its order and charge.
 * And Amazon's share of a split line is a part of it: not nothing, not all of it, of the same sign.
 * The rule is read off `classifyTax` itself: each line classified as if it had no order, so that
 * nothing is matched across lines and what is left is what the line alone decides.
 */
import type { Minor } from '../money';
import { classifyTax, TaxRole, type TaxLineFacts } from './classify';

/** A line's tax role as the import's wire carries it. */
export type LineTaxRole = '' | 'amazon' | 'seller' | 'amazon+seller';

/** The first line whose role it cannot have, with the roles it could; undefined when all can be. */
export interface ImpossibleRole {
  index: number;
  allowed: readonly LineTaxRole[];
}

const WITHHELD: readonly LineTaxRole[] = ['amazon'];
const OWN: readonly LineTaxRole[] = ['seller'];
const COLLECTED: readonly LineTaxRole[] = ['amazon', 'seller', 'amazon+seller'];
const SALE: readonly LineTaxRole[] = ['', 'amazon'];
const NOT_TAX: readonly LineTaxRole[] = [''];
const SALE_DESCRIPTIONS = new Set(['principal', 'shipping', 'giftwrap']);

/** Finds the first line (of one chunk or a whole file) whose role the line alone rules out. */
export function impossibleTaxRole(lines: readonly TaxLineFacts[], roles: readonly LineTaxRole[]): ImpossibleRole | undefined {
  const alone = classifyTax(lines.map((line) => ({ ...line, orderId: '' }))).roles;
  for (let i = 0; i < lines.length; i++) {
    const allowed = rolesAllowed(lines[i]!, alone[i]!);
    if (!allowed.includes(roles[i]!)) return { index: i, allowed };
  }
  return undefined;
}

/** The roles a line may have, given how it is classified alone (as if it had no order). */
function rolesAllowed(line: TaxLineFacts, alone: number): readonly LineTaxRole[] {
  if (alone === TaxRole.Amazon) return WITHHELD;
  if (alone === TaxRole.Seller) return line.orderId === '' || line.amountDescription.toLowerCase() === 'taxamount' ? OWN : COLLECTED;
  return isSaleLine(line) ? SALE : NOT_TAX;
}

/** A sale line: ItemPrice Principal, Shipping or GiftWrap, or a promotion (its tax is a tax line, classified apart). */
function isSaleLine(line: TaxLineFacts): boolean {
  const type = line.amountType.toLowerCase();
  return (type === 'itemprice' && SALE_DESCRIPTIONS.has(line.amountDescription.toLowerCase())) || type === 'promotion';
}

/** True when `share` can be Amazon's part of a split line of `amount` (as classifyTax splits one). */
export function splitShareFits(amount: Minor, share: Minor): boolean {
  return share !== 0 && Math.sign(share) === Math.sign(amount) && Math.abs(share) < Math.abs(amount);
}
