/**
 * Who remits the tax a settlement line carries: Amazon (as marketplace facilitator or deemed
 * supplier, so the tax it collected from the buyer is withheld again in the same order) or the
 * seller (tax that belongs on the seller's own return: GST/HST Amazon.ca's tax collection service
 * passes on, UK/EU VAT of a registered seller, tax Amazon charged on its own fees).
 *
 * The answer needs order-level facts (a withheld line for the same order, transaction type and
 * kind of charge), which the compact aggregate no longer has. So it is decided here, once, over a
 * settlement's lines, and becomes part of each aggregate entry's key: previews keep reading only
 * the aggregate, and a server holding the staged lines can derive the same answer itself.
 *
 * The rule, per order × transaction type × kind (principal, shipping, gift wrap, other):
 * - collected tax (ItemPrice Tax / ShippingTax / GiftWrapTax, and the promotion's TaxDiscount)
 *   that a withheld line (ItemWithheldTax, MarketplaceFacilitatorVAT-…, LowValueGoodsTax-…)
 *   cancels is Amazon's; a withheld line of exactly the opposite amount claims one collected line
 *   first, so an order with two tax lines of which Amazon remits one keeps them apart;
 * - what is left over is the seller's; when Amazon withholds only part of one collected line
 *   (GST the seller owes and PST Amazon remits, charged as one Tax line) that line is split;
 * - withheld lines are always Amazon's; tax the file states on a fee (`TaxAmount`) is the seller's.
 * Nothing is netted away here: lines are only labelled, and a withheld line that cancels nothing
 * shows up as a clearing balance the summary reports.
 */
import type { Minor } from '../money';

/** Who accounts for a line's tax: Amazon, the seller, or nobody (not a tax line). */
export type TaxRemitter = '' | 'amazon' | 'seller';

/** The remitters a mapping rule may name, as the Mapping tab writes them. */
export const TAX_REMITTERS: readonly Exclude<TaxRemitter, ''>[] = ['amazon', 'seller'];

/** The fields of a line the classification reads. */
export interface TaxLineFacts {
  orderId: string;
  transactionType: string;
  amountType: string;
  amountDescription: string;
  amount: Minor;
}

/** Per line: not tax, Amazon's, the seller's, or split between them (see `amazonPart`). */
export const TaxRole = { None: 0, Amazon: 1, Seller: 2, Split: 3 } as const;
/** One of the TaxRole values. */
export type TaxRole = (typeof TaxRole)[keyof typeof TaxRole];

/** The classification of a settlement's lines, by line index. */
export interface TaxClassification {
  /** One entry per line. */
  roles: Uint8Array;
  /** For split lines only: the part Amazon remits (the rest is the seller's). */
  amazonPart: Map<number, Minor>;
}

/** One share of a line: who remits it and how much of the line's amount it is. */
export interface TaxShare {
  remittedBy: TaxRemitter;
  amount: Minor;
}

type Side = { side: 'collected' | 'withheld' | 'stated'; kind: string };

// Descriptions of tax the buyer paid (collected side), with the kind of charge they are on.
const COLLECTED: Readonly<Record<string, string>> = {
  tax: 'principal',
  shippingtax: 'shipping',
  giftwraptax: 'giftwrap',
  // SP-API ChargeComponent: "TaxDiscount - The tax amount deducted for promotional rebates".
  taxdiscount: 'principal',
};
const COLLECTED_TYPES = new Set(['itemprice', 'promotion']);
// Withheld-side descriptions start with one of these and end with the kind (`-Principal`).
const WITHHELD_PREFIXES = ['marketplacefacilitatortax-', 'marketplacefacilitatorvat-', 'lowvaluegoodstax-'];

/** Which side of the tax a line is on, or undefined; cached per (interned) description. */
class SideReader {
  private readonly byDescription = new Map<string, Map<string, Side | null>>();

  sideOf(amountType: string, description: string): Side | undefined {
    let byType = this.byDescription.get(description);
    if (!byType) {
      byType = new Map();
      this.byDescription.set(description, byType);
    }
    let side = byType.get(amountType);
    if (side === undefined) {
      side = readSide(amountType.toLowerCase(), description.toLowerCase());
      byType.set(amountType, side);
    }
    return side ?? undefined;
  }
}

function readSide(type: string, description: string): Side | null {
  if (description === 'taxamount') return { side: 'stated', kind: '' };
  const prefix = WITHHELD_PREFIXES.find((p) => description.startsWith(p));
  if (prefix !== undefined || type === 'itemwithheldtax') {
    const dash = description.lastIndexOf('-');
    return { side: 'withheld', kind: kindOf(dash >= 0 ? description.slice(dash + 1) : 'other') };
  }
  const kind = COLLECTED[description];
  if (kind !== undefined && COLLECTED_TYPES.has(type)) return { side: 'collected', kind };
  return null;
}

function kindOf(suffix: string): string {
  if (suffix === 'principal' || suffix === 'shipping') return suffix;
  if (suffix === 'giftwrap') return 'giftwrap';
  return 'other';
}

/** The tax lines of one order × transaction type × kind. */
interface Group {
  collected: number[];
  withheld: number[];
}

/** Labels every line of a settlement with who remits its tax (see the module comment). */
export function classifyTax(lines: readonly TaxLineFacts[]): TaxClassification {
  const roles = new Uint8Array(lines.length);
  const amazonPart = new Map<number, Minor>();
  const reader = new SideReader();
  const groups = new Map<string, Group>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const side = reader.sideOf(line.amountType, line.amountDescription);
    if (side === undefined) continue;
    if (side.side === 'stated') {
      roles[i] = TaxRole.Seller;
      continue;
    }
    if (side.side === 'withheld') roles[i] = TaxRole.Amazon;
    // A line without an order cannot be matched: its collected tax stays the seller's.
    if (line.orderId === '') {
      if (side.side === 'collected') roles[i] = TaxRole.Seller;
      continue;
    }
    const key = `${line.orderId}\u0000${line.transactionType.toLowerCase()}\u0000${side.kind}`;
    let group = groups.get(key);
    if (!group) {
      group = { collected: [], withheld: [] };
      groups.set(key, group);
    }
    (side.side === 'collected' ? group.collected : group.withheld).push(i);
  }
  for (const group of groups.values()) settle(group, lines, roles, amazonPart);
  return { roles, amazonPart };
}

/** Decides the collected lines of one group against its withheld lines. */
function settle(group: Group, lines: readonly TaxLineFacts[], roles: Uint8Array, amazonPart: Map<number, Minor>): void {
  const amount = (i: number) => lines[i]!.amount;
  const { collected, withheld } = group;
  if (collected.length === 0) return;
  let collectedSum = 0;
  let withheldSum = 0;
  for (const i of collected) collectedSum += amount(i);
  for (const i of withheld) withheldSum += amount(i);
  // The common case (every US order): the withheld lines cancel the collected ones exactly.
  if (collectedSum + withheldSum === 0 && withheld.length > 0) {
    for (const i of collected) roles[i] = TaxRole.Amazon;
    return;
  }
  const open = new Set(collected);
  let remaining = withheldSum;
  // A withheld line of exactly the opposite amount claims one collected line.
  for (const w of withheld) {
    for (const c of open) {
      if (amount(c) === -amount(w)) {
        roles[c] = TaxRole.Amazon;
        open.delete(c);
        remaining -= amount(w);
        break;
      }
    }
  }
  // What Amazon still withholds covers the rest in file order, splitting the line it ends in.
  let cover = -remaining;
  for (const c of open) {
    const value = amount(c);
    if (cover === 0 || Math.sign(value) !== Math.sign(cover)) {
      roles[c] = TaxRole.Seller;
    } else if (Math.abs(value) <= Math.abs(cover)) {
      roles[c] = TaxRole.Amazon;
      cover -= value;
    } else {
      roles[c] = TaxRole.Split;
      amazonPart.set(c, cover);
      cover = 0;
    }
  }
}

/** A line's shares: one for a line that is not split (its whole amount), two for a split one. */
export function sharesOf(classification: TaxClassification, index: number, amount: Minor): TaxShare[] {
  const role = classification.roles[index] as TaxRole;
  if (role === TaxRole.None) return [{ remittedBy: '', amount }];
  if (role === TaxRole.Amazon) return [{ remittedBy: 'amazon', amount }];
  if (role === TaxRole.Seller) return [{ remittedBy: 'seller', amount }];
  const amazon = classification.amazonPart.get(index) ?? 0;
  return [{ remittedBy: 'amazon', amount: amazon }, { remittedBy: 'seller', amount: amount - amazon }];
}

/** How a line's role is written on the wire and in messages: `amazon`, `seller`, `amazon+seller` or ''. */
export function roleLabel(role: TaxRole): string {
  return role === TaxRole.Amazon ? 'amazon' : role === TaxRole.Seller ? 'seller' : role === TaxRole.Split ? 'amazon+seller' : '';
}

/** Reads a TaxRemitter from a cell (`Amazon`, `seller`, blank or `*`); undefined when it is none of them. */
export function readRemitter(text: string): TaxRemitter | undefined {
  const value = text.trim().toLowerCase();
  if (value === '' || value === '*') return '';
  return (TAX_REMITTERS as readonly string[]).includes(value) ? (value as TaxRemitter) : undefined;
}

/** A TaxRemitter as the Mapping tab shows it: `Amazon`, `Seller` or blank. */
export function remitterText(remittedBy: TaxRemitter): string {
  return remittedBy === '' ? '' : remittedBy === 'amazon' ? 'Amazon' : 'Seller';
}
