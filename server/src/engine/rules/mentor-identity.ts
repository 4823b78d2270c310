// One person, one spelling: a handle written with two names (or a name with two handles) across
// the workspace is usually a typo in one of them, or two people mixed up. A handle one slip off the
// one the same person has everywhere else is a warning with "Use @known"; the rest is a note.
import type { RelatedInformation } from '../findings/findings';
import type { Idea } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import type { MentorUse, WorkspaceVocabulary } from '../workspace/workspace';
import { editDistance } from '../parse/labels';
import { isPersonName, isValidHandle } from '../parse/values';
import type { Rule } from './rule';

const MAX_RELATED = 5;

export const mentorIdentity: Rule = {
  id: 'mentor-identity',
  // The rule's level is its typo's ("Use @known"); the other spellings are notes at most.
  defaultSeverity: 'warning',
  description: 'One GitHub handle is written with two names, or one name with two handles, across the workspace.',
  scope: 'idea+mentors',
  fixable: true,
  check({ uri, doc, workspace, report }) {
    const { namesByHandle, handlesByName, handleCounts, namesOfHandle, count } = identities(workspace);
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
        let otherHandles = name.includes(' ') ? [...(handles?.entries() ?? [])].filter(([h]) => h !== handle).map(([, u]) => uses[u]!) : [];
        // A handle one letter off the one this person has everywhere else is a typo of it: "Use @known".
        // Not where the handle is someone else's too (another name, or the handle alone, in other
        // entries): it may be a mentor of its own, and "Use @known" would swap two people.
        const known =
          otherHandles.length === 1 && onlyThisPerson(namesOfHandle.get(handle), name) ? knownHandle(handle, otherHandles[0]!, handleCounts.get(name)) : undefined;
        if (known && mentor.handle !== undefined) {
          const at = doc.text.indexOf(`@${mentor.handle}`, mentor.span.start);
          if (at >= 0 && at < mentor.span.end) {
            const span = { start: at + 1, end: at + 1 + mentor.handle.length };
            // `0`/`o`, `1`/`l`: a slip either way (real files write `@olixOr` more often than `@olix0r`), a note.
            const lookalike = lookalikeSlip(handle, known.handle.toLowerCase());
            report({
              span,
              message: `@${mentor.handle} is one letter off @${known.handle}, the handle ${mentor.name?.trim() ?? name} has in ${known.uses} other ${known.uses === 1 ? 'place' : 'places'}: use @${known.handle}.`,
              // A quick fix only: a majority can be the typo (`olixOr` for `olix0r` in real files).
              fix: { title: `Use @${known.handle}`, edits: [{ span, newText: known.handle }], interactive: true },
              related: [related(known.use, uri, `${known.use.name!.trim()} written with @${known.handle} (${known.use.ideaTitle})`)],
              ...(lookalike ? { atMost: 'info' as const } : {}),
            });
            otherHandles = [];
          }
        }
        // The handle the typo is of: its places are right, the typo's own finding says it all.
        if (otherHandles.length === 1 && isTypoOf(cleanHandle(otherHandles[0]!.handle)!, handle, handleCounts.get(name))) otherHandles = [];
        if (otherNames.length) {
          report({
            span: mentor.span,
            message: `@${mentor.handle} is also written as ${list(otherNames.map((u) => `"${u.name!.trim()}"`))}: use one name for one person.`,
            related: otherNames.slice(0, MAX_RELATED).map((u) => related(u, uri, `@${u.handle} written as "${u.name!.trim()}" (${u.ideaTitle})`)),
            // One note per person and file, not one per idea they mentor.
            once: `names\u0000${handle}`,
            atMost: 'info',
          });
        }
        if (otherHandles.length) {
          report({
            span: mentor.span,
            message: `${name} is also written with ${list(otherHandles.map((u) => `@${u.handle}`))}: check which handle is right.`,
            related: otherHandles.slice(0, MAX_RELATED).map((u) => related(u, uri, `${u.name!.trim()} written with @${u.handle} (${u.ideaTitle})`)),
            once: `handles\u0000${name}`,
            atMost: 'info',
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


/**
 * The handle `handle` is a typo of: `other`, one edit away (a letter added, dropped, changed or two
 * swapped) and written at least twice as often for this name. Undefined otherwise.
 */
function knownHandle(handle: string, other: MentorUse, counts: ReadonlyMap<string, number> | undefined): { handle: string; uses: number; use: MentorUse } | undefined {
  const otherHandle = cleanHandle(other.handle);
  if (!otherHandle || !other.handle || other.name === undefined || !isTypoOf(handle, otherHandle, counts)) return undefined;
  return { handle: other.handle, uses: counts!.get(otherHandle)!, use: other };
}

/** A handle is taken for a typo of another only where the other is written at least this many times as often. */
const KNOWN_RATIO = 2;

/** `typo` is one edit from `known`, which is written far more often (folded handles). */
function isTypoOf(typo: string, known: string, counts: ReadonlyMap<string, number> | undefined): boolean {
  return counts !== undefined && oneEditApart(typo, known) && (counts.get(known) ?? 0) >= KNOWN_RATIO * (counts.get(typo) ?? 0);
}

/** Damerau-Levenshtein distance 1, for handles of 4 characters or more (`jdoe` and `jdeo`; not `ab` and `ac`). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 4) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  return editDistance(a, b, 1) === 1;
}

/** Every entry of the workspace with this handle names this person (a name of theirs, not none): `names` are those entries' folded names. */
function onlyThisPerson(names: ReadonlySet<string | undefined> | undefined, name: string): boolean {
  for (const other of names ?? []) if (other === undefined || (other !== name && !samePerson(other, name))) return false;
  return true;
}

/** Characters one reads for another (`0`/`o`, `1`/`l`/`i`): which of two such spellings is meant is not known. */
const LOOKALIKES = ['0o', '1li', '5s'].map((group) => new Set(group));

/** Two handles of one length that differ in one character, a look-alike of the other. */
function lookalikeSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && LOOKALIKES.some((group) => group.has(a[at]!) && group.has(b[at]!));
}

interface Identities {
  /** Index in mentorUses() of the first use of each distinct name per handle, and of each handle per name. */
  readonly namesByHandle: Map<string, Map<string, number>>;
  readonly handlesByName: Map<string, Map<string, number>>;
  /** Per name, how many uses each handle has. */
  readonly handleCounts: Map<string, Map<string, number>>;
  /** Per handle as written, lower-cased (valid or not): the folded names of its entries (undefined: an entry with no person's name). */
  readonly namesOfHandle: Map<string, Set<string | undefined>>;
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
  const namesOfHandle = new Map<string, Set<string | undefined>>();
  workspace.mentorUses().forEach((u, index) => {
    const name = cleaned(names, u.name, cleanName);
    const handle = cleaned(handles, u.handle, cleanHandle);
    if (name !== undefined && handle !== undefined) uses.push({ index, name, handle });
    if (u.handle !== undefined) {
      const lower = u.handle.toLowerCase();
      let of = namesOfHandle.get(lower);
      if (!of) namesOfHandle.set(lower, (of = new Set()));
      of.add(name);
    }
  });
  const handleCounts = new Map<string, Map<string, number>>();
  for (const u of uses) {
    const counts = handleCounts.get(u.name) ?? new Map<string, number>();
    counts.set(u.handle, (counts.get(u.handle) ?? 0) + 1);
    handleCounts.set(u.name, counts);
  }
  const found = {
    namesByHandle: firstUses(uses, (u) => u.handle, (u) => u.name),
    handlesByName: firstUses(uses, (u) => u.name, (u) => u.handle),
    handleCounts,
    namesOfHandle,
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
