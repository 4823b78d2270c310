// Field bullets: the template's marker, and one gap after it per idea. An idea that uses another gap
// throughout (`- ` where the template has `-\t`) is consistent and left alone; a mixed idea is
// normalised to its majority gap.
import type { Field, Idea, IdeaDocument } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import type { Template } from '../template/types';
import { ideaGap, showMarker } from './field-support';
import type { Rule } from './rule';

/** Share of a file's fields above which their marker is the file's own style. */
const CONVENTION = 0.25;

const BULLETS = memoSlot<{ readonly markers: readonly string[]; readonly mixedGaps: boolean }>('list-marker');

function bulletsOf(idea: Idea): { markers: string[]; mixedGaps: boolean } {
  const bulleted = idea.fields.filter((f) => f.bullet !== '');
  return { markers: bulleted.map((f) => f.bullet), mixedGaps: new Set(bulleted.map((f) => f.markerGap)).size > 1 };
}

export const listMarker: Rule = {
  id: 'list-marker',
  defaultSeverity: 'info',
  description: "A field's bullet marker or spacing differs from the template's.",
  fixable: true,
  structural: true,
  // Whether a marker is the file's own style depends on the whole file: document scope, each idea's
  // findings kept per idea while the file's styles are unchanged.
  check(context) {
    const { doc, template } = context;
    if (template.freeForm) return; // the file's own convention prescribes no bullet
    const marker = template.bullet.marker;
    const markers = new Map<string, number>();
    let total = 0;
    // Each idea's bullets are kept per section: a keystroke elsewhere reads no idea again, and only
    // the ideas with another marker or mixed gaps are looked at closely.
    const toLook: Idea[] = [];
    for (const idea of doc.ideas) {
      const bullets = perIdea(idea, BULLETS, bulletsOf);
      for (const b of bullets.markers) {
        total++;
        markers.set(b, (markers.get(b) ?? 0) + 1);
      }
      if (bullets.mixedGaps || bullets.markers.some((b) => b !== marker)) toLook.push(idea);
    }
    // The markers the file uses often enough to be its style: what each idea's findings read of the rest.
    const styles = [...markers].filter(([, n]) => n >= CONVENTION * total).map(([b]) => b);
    context.eachIdea(toLook, styles.sort().join('\u0000'), (idea) => {
      const bulleted = idea.fields.filter((f) => f.bullet !== '');
      // The gap to normalise to: the idea's majority among template-marker fields, else what the
      // other-marker fields use when they agree, else the template's.
      const otherGaps = new Set(bulleted.filter((f) => f.bullet !== marker).map((f) => f.markerGap));
      const gap = ideaGap(idea, template) ?? (otherGaps.size === 1 ? [...otherGaps][0]! : template.bullet.gap);
      const gapsMixed = new Set(bulleted.map((f) => f.markerGap)).size > 1;
      for (const field of bulleted) {
        const wrongMarker = field.bullet !== marker;
        const wrongGap = gapsMixed && field.markerGap !== gap;
        if (!wrongMarker && !wrongGap) continue;
        const wanted = marker + gap;
        const written = doc.text.slice(field.markerSpan.start, field.markerSpan.end);
        const fix = safeToReplace(doc, field, wanted)
          ? { title: `Change the bullet to "${showMarker(wanted)}"`, edits: [{ span: field.markerSpan, newText: wanted }] }
          : undefined;
        context.report({
          span: field.markerSpan,
          message: wrongMarker
            ? `Start the field with "${marker}" as the template does, not "${field.bullet}".`
            : `Write the bullet as "${showMarker(wanted)}" like the other fields of this idea, not "${showMarker(written)}".`,
          ...(fix ? { fix } : {}),
          // White space after the marker is a style: noted once per file. Another marker is the file's
          // style too when many fields use it (once), and a slip when it is the odd one out (per field).
          ...(!wrongMarker ? { once: `gap\u0000${written}` } : styles.includes(field.bullet) ? { once: `marker\u0000${field.bullet}` } : {}),
        });
      }
    });
  },
};

/**
 * A new marker of another width moves where the item's content starts, which can change what its
 * continuation lines and sub-lists belong to: only one-line items may change width.
 */
function safeToReplace(doc: IdeaDocument, field: Field, wanted: string): boolean {
  const column = (s: string) => {
    let col = field.indent;
    for (const c of s) col = c === '\t' ? col + 4 - (col % 4) : col + 1;
    return col;
  };
  const written = doc.text.slice(field.markerSpan.start, field.markerSpan.end);
  if (column(written) === column(wanted)) return true;
  return !/[\r\n]/.test(doc.text.slice(field.itemSpan.start, field.itemSpan.end).replace(/[\r\n]+$/, ''));
}
