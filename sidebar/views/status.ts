/**
 * A settlement's status as a small coloured label, the same words as the Settlements tab.
 */
import type { SettlementStatus } from '../../src/api/types';
import { h } from '../dom';

const TONE: Record<SettlementStatus, string> = {
  Imported: 'neutral',
  'Needs mapping': 'attention',
  'Needs attention': 'attention',
  Ready: 'ready',
  Posted: 'done',
  'Partly posted': 'bad',
  Failed: 'bad',
  'Changed since posting': 'attention',
};

/** The status label. */
export function statusChip(status: SettlementStatus): HTMLElement {
  return h('span', { class: `chip ${TONE[status] ?? 'neutral'}` }, status);
}
