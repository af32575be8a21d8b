/**
 * What a preview returns is bounded, whatever the file: a file of 10,000 new line types (or a
 * catalogue of 10,000 SKUs) once made a 1.5 MB answer the sidebar choked on. Each list keeps its
 * largest items (the most money, the most units) and says how many more there are; the Summary tab
 * and the Mapping tab hold the rest.
 */
import type { PreviewResult } from '../../api/types';

/** The most items of a list a preview returns (unmapped line types, problems, a line's sources, a part's SKUs). */
export const PREVIEW_LIST_LIMIT = 50;
/** The most characters of one message a preview returns (a message naming 10,000 SKUs is cut). */
export const PREVIEW_MESSAGE_CHARACTERS = 2000;

const shorten = (message: string) => (message.length > PREVIEW_MESSAGE_CHARACTERS ? `${message.slice(0, PREVIEW_MESSAGE_CHARACTERS - 1)}…` : message);

/** A preview with its long lists cut to PREVIEW_LIST_LIMIT (the most money first), saying how many more. */
export function bounded(preview: PreviewResult): PreviewResult {
  const cut = <T>(items: T[]) => ({ items: items.slice(0, PREVIEW_LIST_LIMIT), more: Math.max(0, items.length - PREVIEW_LIST_LIMIT) });
  const size = (amount: string) => Math.abs(Number(amount));
  const unmapped = cut([...preview.unmapped].sort((a, b) => size(b.amount) - size(a.amount) || b.rows - a.rows));
  const problems = cut(preview.problems.map(shorten));
  const warnings = cut(preview.warnings.map(shorten));
  const parts = preview.parts.map((p) => ({
    ...p,
    lines: p.lines.map((l) => {
      const sources = cut([...l.sources].sort((a, b) => size(b.amount) - size(a.amount)));
      return sources.more ? { ...l, sources: sources.items, sourcesMore: sources.more } : l;
    }),
  }));
  const more = { ...(unmapped.more ? { unmapped: unmapped.more } : {}), ...(problems.more ? { problems: problems.more } : {}), ...(warnings.more ? { warnings: warnings.more } : {}) };
  const { cogs } = preview;
  // A seller's catalogue can hold thousands of SKUs: each part lists the most units, the Summary tab all.
  const cogsParts = cogs?.parts.map((p) => {
    const skus = cut([...p.skus].sort((a, b) => Math.abs(b.net) - Math.abs(a.net)));
    return { part: skus.more ? { ...p, skus: skus.items } : p, more: skus.more };
  });
  const missing = cut(cogs?.missing ?? []);
  const skusLeftOut = (cogsParts ?? []).reduce((n, p) => n + p.more, 0) + missing.more;
  return {
    ...preview,
    ...(cogs
      ? {
          cogs: {
            ...cogs,
            parts: cogsParts!.map((p) => p.part),
            missing: missing.items,
            problems: cut(cogs.problems.map(shorten)).items,
            notes: skusLeftOut ? [...cogs.notes, `Only the SKUs with the most units are listed here (${skusLeftOut} more): the Summary tab lists them all.`] : cogs.notes,
          },
        }
      : {}),
    unmapped: unmapped.items,
    problems: problems.more ? [...problems.items, `…and ${problems.more} more.`] : problems.items,
    warnings: warnings.more ? [...warnings.items, `…and ${warnings.more} more.`] : warnings.items,
    parts,
    ...(Object.keys(more).length ? { more } : {}),
  };
}
