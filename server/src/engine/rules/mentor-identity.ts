// One person, one spelling: a handle written with two names (or a name with two handles) across
// the workspace is usually a typo in one of them, or two people mixed up.
import type { RelatedInformation } from '../findings/findings';
import type { Idea } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import type { MentorUse, WorkspaceVocabulary } from '../workspace/workspace';
import { isPersonName, isValidHandle } from '../parse/values';
import type { Rule } from './rule';

const MAX_RELATED = 5;

export const mentorIdentity: Rule = {
  id: 'mentor-identity',
  defaultSeverity: 'info',
  description: 'One GitHub handle is written with two names, or one name with two handles, across the workspace.',
  scope: 'idea+mentors',
  fixable: false,
  check({ uri, doc, workspace, report }) {
    const { namesByHandle, handlesByName, count } = identities(workspace);
    if (count < 2) return;
    for (const idea of doc.ideas) {
      for (const { index, name, handle } of perIdea(idea, IDENTIFIED, identified)) {
        // Most mentors are written one way only: decided without building the lists.
        const names = namesByHandle.get(handle);
        const handles = handlesByName.get(name);
        const otherName = names !== undefined && (names.size > 1 || !names.has(name));
        const otherHandle = handles !== undefined && (handles.size > 1 || !handles.has(handle));
        if (!otherName && !otherHandle) continue;
        const mentor = idea.mentors[index]!;
        const uses = workspace.mentorUses();
        // Real evidence only (FINDINGS-POLICY): a nickname or a part of the name (`Bartek Plotka`,
        // `Xu` for `Fei Xu`) is the same person written shorter; a name of one word names nobody for sure.
        const otherNames = [...(names?.entries() ?? [])].filter(([n]) => n !== name && !samePerson(n, name)).map(([, u]) => uses[u]!);
        const otherHandles = name.includes(' ') ? [...(handles?.entries() ?? [])].filter(([h]) => h !== handle).map(([, u]) => uses[u]!) : [];
        if (otherNames.length) {
          report({
            span: mentor.span,
            message: `@${mentor.handle} is also written as ${list(otherNames.map((u) => `"${u.name!.trim()}"`))}: use one name for one person.`,
            related: otherNames.slice(0, MAX_RELATED).map((u) => related(u, uri, `@${u.handle} written as "${u.name!.trim()}" (${u.ideaTitle})`)),
            // One note per person and file, not one per idea they mentor.
            once: `names\u0000${handle}`,
          });
        }
        if (otherHandles.length) {
          report({
            span: mentor.span,
            message: `${name} is also written with ${list(otherHandles.map((u) => `@${u.handle}`))}: check which handle is right.`,
            related: otherHandles.slice(0, MAX_RELATED).map((u) => related(u, uri, `${u.name!.trim()} written with @${u.handle} (${u.ideaTitle})`)),
            once: `handles\u0000${name}`,
          });
        }
      }
    }
  },
};

/** The idea's mentors that have both a person's name and a valid handle, folded for comparing. */
const IDENTIFIED = memoSlot<ReadonlyArray<{ readonly index: number; readonly name: string; readonly handle: string }>>('mentor-identity');

function identified(idea: Idea) {
  return idea.mentors.flatMap((mentor, index) => {
    const name = cleanName(mentor.name);
    const handle = cleanHandle(mentor.handle);
    return name && handle ? [{ index, name, handle }] : [];
  });
}

function cleanName(name: string | undefined): string | undefined {
  return name !== undefined && isPersonName(name) ? foldName(name) : undefined;
}

function cleanHandle(handle: string | undefined): string | undefined {
  return handle !== undefined && isValidHandle(handle) ? handle.toLowerCase() : undefined;
}

/**
 * Two folded names of one person written two ways: the same surname (`bartek plotka`, `bartlomiej
 * plotka`), one a word of the other (`xu`, `fei xu`), or one, run together, beginning the other
 * (`gouthamve`, `goutham v`).
 */
function samePerson(a: string, b: string): boolean {
  const [wa, wb] = [a.split(' '), b.split(' ')];
  if (wa.at(-1) === wb.at(-1)) return true;
  if ((wa.length === 1 && wb.includes(wa[0]!)) || (wb.length === 1 && wa.includes(wb[0]!))) return true;
  const [x, y] = [a.replace(/ /g, ''), b.replace(/ /g, '')];
  return x.startsWith(y) || y.startsWith(x);
}

/** Names compare without case, diacritics or extra white space: `Christoph Stäbler` is `christoph stabler`. */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}


interface Identities {
  /** Index in mentorUses() of the first use of each distinct name per handle, and of each handle per name. */
  readonly namesByHandle: Map<string, Map<string, number>>;
  readonly handlesByName: Map<string, Map<string, number>>;
  readonly count: number;
}

/**
 * Built once per state of the workspace's words: while they stay, the mentor uses are the same in the
 * same order (only their ranges move, and those are read from the uses when reported).
 */
const IDENTITIES = new WeakMap<WorkspaceVocabulary, { readonly version: string; readonly identities: Identities }>();

function identities(workspace: WorkspaceVocabulary): Identities {
  const version = workspace.wordsVersion('mentors');
  const known = IDENTITIES.get(workspace);
  if (known?.version === version) return known.identities;
  // Linear, however often a mentor appears (a 3 MB file repeats the same handles thousands of
  // times); each distinct spelling is judged once.
  const names = new Map<string, string | undefined>();
  const handles = new Map<string, string | undefined>();
  const cleaned = (memo: Map<string, string | undefined>, value: string | undefined, clean: (v: string) => string | undefined) => {
    if (value === undefined) return undefined;
    if (!memo.has(value)) memo.set(value, clean(value));
    return memo.get(value);
  };
  const uses: Array<{ readonly index: number; readonly name: string; readonly handle: string }> = [];
  workspace.mentorUses().forEach((u, index) => {
    const name = cleaned(names, u.name, cleanName);
    const handle = cleaned(handles, u.handle, cleanHandle);
    if (name !== undefined && handle !== undefined) uses.push({ index, name, handle });
  });
  const found = {
    namesByHandle: firstUses(uses, (u) => u.handle, (u) => u.name),
    handlesByName: firstUses(uses, (u) => u.name, (u) => u.handle),
    count: uses.length,
  };
  IDENTITIES.set(workspace, { version, identities: found });
  return found;
}

/** key → (value → index in mentorUses() of the first use with that value). */
function firstUses<U extends { readonly index: number }>(uses: readonly U[], key: (u: U) => string, value: (u: U) => string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const use of uses) {
    const k = key(use);
    let values = out.get(k);
    if (!values) out.set(k, (values = new Map()));
    const v = value(use);
    if (!values.has(v)) values.set(v, use.index);
  }
  return out;
}

function related(use: MentorUse, uri: string, message: string): RelatedInformation {
  return use.uri === uri ? { range: use.range, message } : { uri: use.uri, range: use.range, message };
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const shown = items.slice(0, MAX_RELATED);
  const more = items.length > shown.length ? ` and ${items.length - shown.length} more` : '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}${more}`;
}
