/**
 * A first guess at the category of a line type nobody has mapped yet, for the person choosing it
 * in the sidebar: read from the words Amazon uses (its amount type and description, then its
 * transaction type), with the one-line reason shown beside it. It is only ever a suggestion: the
 * line stays unmapped until a person accepts it or chooses another category.
 *
 * Internal categories (choices.ts) are never suggested: the carried-forward account belongs to the
 * month split, and tax and loan lines need an accountant's answer (who remits the tax, what the
 * loan is), so for those the suggestion says so instead of guessing.
 */

/** The Amazon side of a line type: what a mapping rule matches on. */
export interface LineType {
  transactionType: string;
  amountType: string;
  amountDescription: string;
}

/** A suggested category with its reason, or no category with the reason why not. */
export type CategorySuggestion = { category: string; reason: string } | { category: null; reason: string };

interface Clue {
  /** Matched against the words of the field (case and punctuation ignored). */
  words: RegExp;
  /** The category, or null when the words call for an accountant. */
  category: string | null;
  /** Why, after "mentions …" / "is …". */
  because: string;
}

// Checked in order: the first clue whose words match wins. Specific words before general ones
// ("Refund Reimbursal" is a reimbursement, "Coupon Redemption Fee" is advertising, "Sales Tax
// Collection Fee" is a fee).
const DESCRIPTION_CLUES: readonly Clue[] = [
  { words: /\breserve/, category: 'Reserved balances', because: 'money Amazon holds back and releases later' },
  { words: /\bloan|\blending/, category: null, because: 'a loan, and its account is for your accountant to choose' },
  { words: /reimburs|\breversal|warehouse (?:damage|lost)|\bcs error|missing from inbound|incorrect fees/, category: 'Reimbursements', because: 'Amazon paying you back' },
  { words: /advertis|sponsored|\bcoupon|\bdeal fee|\bvine\b/, category: 'Advertising', because: 'paying Amazon to promote your products' },
  { words: /\bstorage/, category: 'Storage', because: 'Amazon storing your stock' },
  { words: /\bfba\b|fulfil+ment|\binbound|\btransportation|\bplacement|\binventory|\bremoval|\bdisposal|\bweight based/, category: 'FBA fees', because: 'Amazon handling your stock (FBA)' },
  { words: /\bfee\b|\bfees\b|\bcommission|chargeback|\bsubscription|\blabel|\bhb\b|closing/, category: 'Seller fees', because: 'a fee for selling on Amazon' },
  { words: /\btax\b|\bvat\b|\bgst\b|\bhst\b|\bwithheld/, category: null, because: 'tax, and whether you or Amazon pays it over decides its account: ask your accountant' },
  { words: /\bpayable\b|successful charge|disbursement|\bdeposit|\btransfer|balance adjustment/, category: 'Transfers', because: 'money moving between you and Amazon, not income or expense' },
];

const TAX = DESCRIPTION_CLUES.find((c) => c.words.test('tax'))!;

// Amount types that say what the money is whatever the description.
const AMOUNT_TYPE_CLUES: readonly Clue[] = [
  { words: /withheld ?tax/, category: null, because: TAX.because },
  { words: /^promotion$/, category: 'Promotions', because: 'a discount you funded' },
  { words: /cost of advertising/, category: 'Advertising', because: 'paying Amazon to promote your products' },
  { words: /fba inventory reimbursement/, category: 'Reimbursements', because: 'Amazon paying you back for your stock' },
  { words: /^shipment ?fees$/, category: 'FBA fees', because: 'Amazon handling your stock (FBA)' },
];

/** Lower-case words with the punctuation and camel case of Amazon's codes spread out. */
function wordsOf(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-/]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function fromClues(clues: readonly Clue[], words: string): Clue | undefined {
  return clues.find((c) => c.words.test(words));
}

/** The clue's answer: `lead` says where the words were seen, in a clause. */
function answer(clue: Clue, lead: string, named: string): CategorySuggestion {
  return clue.category
    ? { category: clue.category, reason: `${lead}, which is usually ${clue.because}.` }
    : { category: null, reason: `No suggestion: ${named} looks like ${clue.because}.` };
}

/** Suggests the category of an unmapped line type, with its reason in one line. */
export function suggestCategory(line: LineType): CategorySuggestion {
  const amountType = wordsOf(line.amountType);
  const description = wordsOf(line.amountDescription);
  const transaction = wordsOf(line.transactionType);
  const named = `"${line.amountDescription || line.amountType || line.transactionType}"`;

  const byAmountType = fromClues(AMOUNT_TYPE_CLUES, amountType);
  if (byAmountType) return answer(byAmountType, `Amazon lists ${named} as ${line.amountType}`, named);

  if (amountType === 'item price') {
    // The buyer's money: who it belongs to depends on the transaction, and tax is never a sale.
    if (/\btax\b/.test(description) || /retrocharge/.test(transaction)) return answer(TAX, '', named);
    if (/refund|chargeback|guarantee|goodwill|restocking/.test(`${transaction} ${description}`)) {
      return { category: 'Refunds', reason: `${line.transactionType} gives an item's price back to the buyer.` };
    }
    if (/\border\b|liquidation/.test(transaction)) {
      return { category: 'Sales', reason: `${line.transactionType} is an item's price paid by the buyer.` };
    }
    return { category: null, reason: `No suggestion: "${line.transactionType}" is a new kind of item price; sale or refund is for you to say.` };
  }

  if (/retrocharge/.test(transaction)) return answer(TAX, '', `"${line.transactionType}"`);
  if (/^service ?fee$/.test(transaction)) {
    return { category: 'Advertising', reason: `Amazon bills advertising as ${line.transactionType}.` };
  }
  // A reserve or a fee named in the description, else in the transaction type (old V1 files).
  const byDescription = fromClues(DESCRIPTION_CLUES, description) ?? fromClues(DESCRIPTION_CLUES, transaction);
  if (byDescription) {
    const seen = matchedWords(byDescription, description) ?? matchedWords(byDescription, transaction);
    return answer(byDescription, `${named} mentions ${seen}`, named);
  }
  return { category: null, reason: `No suggestion: nothing in ${named} says what it is. Look it up in Seller Central, or ask your accountant.` };
}

function matchedWords(clue: Clue, words: string): string | undefined {
  const m = clue.words.exec(words);
  return m ? `"${m[0].trim()}"` : undefined;
}
