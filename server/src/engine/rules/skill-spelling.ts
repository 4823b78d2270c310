// One skill, one spelling: the workspace's most used spelling of a skill (`Golang`) wins over its
// variants (`golang`, `GoLang`), and a skill does not end with a sentence's full stop (`Golang.`).
import type { Idea, Skill, Span } from '../parse/model';
import { absoluteSpan, memoSlot, perIdea, relativeSpan } from '../parse/perIdea';
import { type SkillUse, skillKey } from '../workspace/workspace';
import type { Rule } from './rule';

export const skillSpelling: Rule = {
  id: 'skill-spelling',
  defaultSeverity: 'info',
  description: 'A skill is spelt unlike the rest of the workspace spells it.',
  scope: 'idea+skills',
  fixable: true,
  check({ doc, workspace, report }) {
    const skills = workspace.skills();
    for (const idea of doc.ideas) {
      for (const skill of perIdea(idea, WRITTEN, written)) {
        const use = skills.get(skill.key);
        if (!use || use.total < 2) continue;
        const dominant = dominantOf(use);
        const count = use.spellings.get(dominant) ?? 0;
        const own = use.spellings.get(skill.name) ?? 0;
        // Real evidence only (FINDINGS-POLICY): the workspace spells it the other way at least twice as
        // often, and the other way is not just lower case for a name written with capitals (`K8s`).
        const variant = skill.name !== dominant && count >= 2 * own && !(dominant === dominant.toLowerCase() && skill.name !== skill.name.toLowerCase());
        // A full stop after a skill or two, not after a sentence written in the field.
        const trailing = skill.trailing !== '' && skill.name.split(/\s+/).length <= 3;
        if (!variant && !trailing) continue;
        const shown = variant ? dominant : skill.name;
        const message = variant
          ? `Spell \`${skill.name}\` as \`${dominant}\`, as ${count} of ${use.total} uses in the workspace do.`
          : `Drop the \`${skill.trailing}\` after \`${skill.name}\`: skills are a list, not a sentence.`;
        report({
          span: absoluteSpan(idea, skill.span),
          message,
          // A suggestion the author may not share: a quick fix, never applied by fix-all.
          ...(skill.written ? { fix: { title: `Write \`${shown}\``, edits: [{ span: absoluteSpan(idea, skill.written), newText: shown }], interactive: true } } : {}),
          // Each variant once per file, however often it is written.
          once: variant ? `spell\u0000${skill.name}\u0000${dominant}` : `trailing\u0000${skill.name}${skill.trailing}`,
        });
      }
    }
  },
};

/** An idea's skills as the rule reads them, spans relative to the idea (see perIdea). */
interface WrittenSkill {
  readonly key: string;
  readonly name: string;
  readonly span: Span;
  /** The skill's own text plus its trailing punctuation, when it can be found. */
  readonly written: Span | undefined;
  readonly trailing: string;
}

const WRITTEN = memoSlot<readonly WrittenSkill[]>('skill-spelling');

function written(idea: Idea): WrittenSkill[] {
  return idea.skills.map((skill) => {
    const at = writtenSpan(skill);
    return {
      key: skillKey(skill.name),
      name: skill.name,
      span: relativeSpan(idea, skill.span),
      written: at && relativeSpan(idea, at.span),
      trailing: at ? at.trailing : '',
    };
  });
}

/** dominantSpelling, once per workspace state (the index keeps a SkillUse until its files change). */
const DOMINANT = new WeakMap<SkillUse, string>();
function dominantOf(use: SkillUse): string {
  let dominant = DOMINANT.get(use);
  if (dominant === undefined) DOMINANT.set(use, (dominant = dominantSpelling(use)));
  return dominant;
}

/** Most used spelling; a tie goes to the capitalised one, then to the first in sort order. */
export function dominantSpelling(use: SkillUse): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of [...use.spellings].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const better = count > bestCount || (count === bestCount && isCapitalised(spelling) && !isCapitalised(best));
    if (better) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

function isCapitalised(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

/** Where the skill's own text (plus a trailing `.`/`:`/`;`/`!`) sits in the document, when it can be found. */
function writtenSpan(skill: Skill): { span: { start: number; end: number }; trailing: string } | undefined {
  const at = skill.raw.indexOf(skill.name);
  if (at < 0) return undefined;
  const trailing = /^[.:;!]*/.exec(skill.raw.slice(at + skill.name.length))![0];
  const start = skill.span.start + at;
  return { span: { start, end: start + skill.name.length + trailing.length }, trailing };
}
