// Field values → mentors, skills and issue links. Tolerant: real files write mentors a dozen ways
// (`Jane (@jane)`, `[Jane](https://github.com/jane)`, `@jane`, `Jane (jane)`, `Jane @jane (jane@x.org)`).
import type { Field, IssueKind, IssueRef, Mentor, MentorForm, Skill, Span } from './model';

interface Piece {
  readonly text: string;
  readonly span: Span;
}

/** Split `text` (at `offset`) on separators outside brackets; each piece trimmed, empty ones dropped. */
export function splitTopLevel(text: string, offset: number, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let pieceStart = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) pieces.push({ text: text.slice(s, e), span: { start: offset + s, end: offset + e } });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '<') depth++;
    else if ((c === ')' || c === ']' || c === '>') && depth > 0) depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(text);
      if (m && m.index === i) {
        push(pieceStart, i);
        i += m[0].length - 1;
        pieceStart = i + 1;
      }
    }
  }
  push(pieceStart, text.length);
  return pieces;
}

// ---------------------------------------------------------------- mentors

const HANDLE = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
const HANDLE_RE = new RegExp(`^${HANDLE}$`);
// Starts only where a token starts: otherwise a long token with no `@` is rescanned from each of its
// characters (a 100 KB mentor value took 16 s).
const EMAIL_RE = /(?<![^\s@(),<>[\]])[^\s@(),<>[\]]+@[^\s@(),<>[\]]+\.[A-Za-z]{2,}/;
/** `jane AT example DOT org`, `jane at example.org`, `jane(at)example(dot)org`: emails people hide from bots. */
// Repetition is bounded (an address part is at most 64 characters, a few dots): unbounded, a run of
// `1. 1. …` with no `at` was rescanned to its end from each of its starts (20k characters: seconds).
const OBFUSCATED_EMAIL_RE = (() => {
  const part = '[\\w+-]{1,64}';
  const dot = '(?:\\s{0,8}\\.\\s{0,8}|\\s{1,8}(?:DOT|dot)\\s{1,8}|\\s{0,8}[(\\[](?:dot|DOT)[)\\]]\\s{0,8})';
  const at = '(?:\\s{0,8}[(\\[](?:at|AT)[)\\]]\\s{0,8}|\\s{1,8}(?:AT|at)\\s{1,8})';
  return new RegExp(`${part}(?:${dot}${part}){0,8}${at}${part}(?:${dot}${part}){1,8}`);
})();
/** A person's name as people write it: letters, spaces, initials, hyphens, apostrophes. */
const PERSON_NAME_RE = /^[\p{L}][\p{L}\p{M}'’.\- ]*$/u;

/** A team or a group rather than one person (`Lyft networking team`, `SIG Node maintainers`). */
export function isGroupName(name: string): boolean {
  return /\b(?:team|teams|group|sig|maintainers|community|committee|working group|org|organi[sz]ation)\b/i.test(name);
}

/** True when `name` reads as a person's name (safe to write back into the file). */
export function isPersonName(name: string): boolean {
  return PERSON_NAME_RE.test(name) && /\p{L}/u.test(name);
}

/** The email in `text`, plain or obfuscated (`jane AT x DOT org`), as written. */
export function findEmail(text: string): string | undefined {
  return EMAIL_RE.exec(text)?.[0] ?? OBFUSCATED_EMAIL_RE.exec(text)?.[0]?.trim();
}
const GITHUB_PROFILE_RE = /^https?:\/\/(?:www\.)?github\.com\/([^/\s)?#]+)\/?$/i;

export function isValidHandle(handle: string): boolean {
  return HANDLE_RE.test(handle);
}

export function parseMentors(text: string, field: Field): Mentor[] {
  const pieces: Piece[] = [];
  const inline = field.inlineValue.replace(/^\(?\s*#.*$/s, ''); // `Mentor(s): # comment` from a template
  if (inline && !/^[(:]?\s*$/.test(inline)) {
    pieces.push(...splitMentorList(text.slice(field.inlineValueSpan.start, field.inlineValueSpan.end), field.inlineValueSpan.start));
  }
  for (const item of field.subItems) {
    // One sub-list entry is one mentor (`Nguyen, Van An (@vanan, …)`), unless it names several handles.
    if (handleCount(item.text) <= 1) pieces.push(...trimmed(item.text, item.span.start));
    else pieces.push(...splitMentorList(item.text, item.span.start));
  }
  return pieces.map(parseMentor).filter((m): m is Mentor => m !== null);
}

/** How many distinct handles a text names (`@jane`, or a GitHub profile link). */
export function handleCount(text: string): number {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|[^\w.])@\[?([A-Za-z0-9][\w-]*)/g)) found.add(m[1]!.toLowerCase());
  for (const m of text.matchAll(/github\.com\/([A-Za-z0-9][\w-]*)/gi)) found.add(m[1]!.toLowerCase());
  return found.size;
}

function trimmed(text: string, offset: number): Piece[] {
  return splitTopLevel(text, offset, /(?!)/y);
}

function splitMentorList(value: string, offset: number): Piece[] {
  // `,` `;` ` and ` `&` separate mentors, but `Jane, @jane, jane@x.org` is one mentor written flat.
  // A full stop after an email ends that mentor too: `jane@x.org. John Roe, ...`.
  const raw = splitTopLevel(value, offset, /[,;，；、]|\s+and\s+|\s+&\s+|\s+\/\s+|(?<=@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})\.\s+/y);
  const merged: Piece[] = [];
  for (const piece of raw) {
    const prev = merged[merged.length - 1];
    // `Kevin Hannon, @kannon92, kannon1992@gmail.com`: a plain name, then its handle, then its email.
    const isHandleOrEmail = /^@[A-Za-z0-9-]+$/.test(piece.text) || (/^\S+$/.test(piece.text) && EMAIL_RE.test(piece.text)) || isBareHandle(piece.text);
    const prevIsNameOnly = prev !== undefined && /^[\p{L}][\p{L}\p{M}'’.\- ]*$/u.test(prev.text) && /\s/.test(prev.text);
    const prevIsNameHandle = prev !== undefined && /^[\p{L}][\p{L}\p{M}'’.\- ]*,\s*(?:@[A-Za-z0-9-]+|\[@?[^\]]+\]\([^)]*\)\/?|[A-Za-z0-9][\w-]*)$/u.test(prev.text);
    if (prev && isHandleOrEmail && (prevIsNameOnly || (prevIsNameHandle && !piece.text.startsWith('@')))) {
      merged[merged.length - 1] = { text: value.slice(prev.span.start - offset, piece.span.end - offset), span: { start: prev.span.start, end: piece.span.end } };
    } else {
      merged.push(piece);
    }
  }
  // `Jane Doe (@jane) John Roe (@john)`: two mentors with no separator; `@jane @john` likewise.
  const out: Piece[] = [];
  for (const piece of merged) {
    if (/^@[\w-]+(?:\s+@[\w-]+)+$/.test(piece.text)) {
      const handle = /@[\w-]+/g;
      let h: RegExpExecArray | null;
      while ((h = handle.exec(piece.text))) out.push({ text: h[0], span: { start: piece.span.start + h.index, end: piece.span.start + h.index + h[0].length } });
      continue;
    }
    const re = /\)\s+(?=[\p{Lu}@[])/gu;
    let from = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece.text))) {
      const cut = m.index + 1;
      out.push({ text: piece.text.slice(from, cut).trim(), span: { start: piece.span.start + from, end: piece.span.start + cut } });
      from = m.index + m[0].length;
    }
    out.push({ text: piece.text.slice(from).trim(), span: { start: piece.span.start + from, end: piece.span.end } });
  }
  return out.filter((p) => p.text.length > 0);
}

/**
 * A token that can only be a handle written without its `@` (`michi-covalent`, `Ankurk99`): one word
 * of handle characters that is not a capitalised name (`Bob`), or a link to a GitHub profile.
 */
function isBareHandle(text: string): boolean {
  if (/^\[@?[^\]]+\]\(https?:\/\/(?:www\.)?github\.com\/[^)\s]+\)\/?$/i.test(text)) return true;
  return HANDLE_RE.test(text) && !/^\p{Lu}\p{Ll}+$/u.test(text) && /[a-z]/.test(text);
}

function parseMentor(piece: Piece): Mentor | null {
  let raw = piece.text;
  let role: string | undefined;
  let span = piece.span;
  // A role or a note before or after the entry is not part of the name (`Primary: Jane Doe (@jane)`,
  // `Jane Doe (@jane) - primary`, `(co-mentor)`, `from the storage team`).
  const lead = /^(primary|secondary|co-?mentor|adjunct|backup|lead|main)(?:\s+mentor)?\s*[:：\-–—]\s*/i.exec(raw);
  if (lead) {
    role = lead[1]!.toLowerCase();
    raw = raw.slice(lead[0].length);
    span = { start: span.start + lead[0].length, end: span.end };
  }
  const roleMatch =
    /\s+[-–—]\s+(primary|secondary|co-?mentor|adjunct|backup|lead)(?:\s+mentor)?\s*$/i.exec(raw) ??
    /\s*\((primary|secondary|co-?mentor|adjunct|backup|lead)(?:\s+mentor)?\)\s*$/i.exec(raw) ??
    /\s+(from the [\p{L}\s-]+ team|on behalf of [\p{L}\s-]+)\s*$/iu.exec(raw);
  if (roleMatch) {
    role = roleMatch[1]!.toLowerCase();
    raw = raw.slice(0, roleMatch.index);
    span = { start: span.start, end: span.start + raw.length };
  }
  // A sentence's full stop or a stray escape after a link: `[Jane](https://github.com/jane).`
  const trailing = /(?<=[)\]>])[.\\]+$/.exec(raw);
  if (trailing) {
    raw = raw.slice(0, trailing.index);
    span = { start: span.start, end: span.start + raw.length };
  }
  if (!/[\p{L}\p{N}]/u.test(raw)) return null;
  const base = { raw, span, ...(role ? { role } : {}) };

  let m: RegExpExecArray | null;
  // [Jane Doe](https://github.com/jane) and [@jane](url)
  if ((m = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(raw))) {
    const label = m[1]!.trim();
    const profile = GITHUB_PROFILE_RE.exec(m[2]!);
    // `[@jane](https://twitter.com/jane)` names a handle elsewhere, not a GitHub one.
    const elsewhere = /^https?:\/\//i.test(m[2]!) && !/github\.com/i.test(m[2]!);
    const handle = profile?.[1] ?? (label.startsWith('@') && !elsewhere ? label.slice(1) : undefined);
    if (label.startsWith('@')) return { ...base, form: 'link-handle', ...(handle ? { handle } : {}) };
    // `[Jane Doe (jane at x dot org)](https://github.com/jane)`: the email is inside the link text.
    const email = findEmail(label);
    const name = email ? label.replace(email, ' ').replace(/[()<>,;]/g, ' ').replace(/\s+/g, ' ').trim() : label;
    return { ...base, form: 'link', name, ...(handle ? { handle } : {}), ...(email ? { email } : {}) };
  }
  // Jane Doe (@jane) / Jane Doe (@jane, jane@x.org) / Jane Doe (jane)
  // After an `@`, whatever handle-like text is written is the handle, so that mentor-handle can say
  // what GitHub would refuse (`@jane.doe`, `@-jane`).
  if ((m = /^([^()@[\]]+?)\s*\(\s*(?:(@)([\w.-]+)|()([A-Za-z0-9][\w-]*))\s*(?:[,;]\s*([^()]*?))?\s*\)$/.exec(raw))) {
    m = [m[0], m[1]!, m[2] ?? '', m[3] ?? m[5]!, m[6]!] as unknown as RegExpExecArray;
    const name = m[1]!.trim();
    const at = m[2] === '@';
    const handle = m[3]!;
    const rest = m[4]?.trim();
    const email = rest ? findEmail(rest) : undefined;
    let form: MentorForm;
    if (!at) form = rest ? 'other' : 'name-bare-handle';
    else if (rest) form = email ? 'name-handle-email' : 'other';
    else form = 'name-handle';
    return { ...base, form, name, handle, ...(email ? { email } : {}) };
  }
  // @jane
  if ((m = /^@([\w.-]*[A-Za-z0-9][\w.-]*)$/.exec(raw))) return { ...base, form: 'handle', handle: m[1]! };
  // Jane Doe
  if (/^[\p{L}][\p{L}\p{M}'’.\- ]*$/u.test(raw)) return { ...base, form: 'name', name: raw.trim() };

  // Anything else: pick out what we can.
  const email = findEmail(raw);
  const withoutEmail = email ? raw.replace(email, ' ') : raw;
  // `[@jane](https://twitter.com/jane)`: a handle on another site says nothing of the GitHub one.
  const handleMatch = /(?:^|[^\w.])@([A-Za-z0-9][\w-]*)/.exec(withoutEmail.replace(/\[[^\]]*\]\((?![^)]*github\.com)https?:[^)]*\)/gi, ' '));
  const linkProfile = /\]\((https?:\/\/(?:www\.)?github\.com\/[^)\s]+)\)/i.exec(raw);
  const bare = bareHandleIn(withoutEmail);
  const handle = handleMatch?.[1] ?? (linkProfile ? GITHUB_PROFILE_RE.exec(linkProfile[1]!)?.[1] : undefined) ?? bare;
  // A parenthesised note with neither handle nor email is not part of the name (`Scott Rye (Weave/Flux)`).
  const withoutNotes = withoutEmail.replace(/\s*\((?![^()]*@)[^()]*\)/g, (note: string, at: number) =>
    (bare && note.includes(bare)) || (note.startsWith('(') && withoutEmail[at - 1] === ']') ? note : ' ',
  );
  const name = (bare && !handleMatch ? withoutNotes.replace(new RegExp(`(^|[\\s,(])${bare}(?=$|[\\s,)])`), '$1 ') : withoutNotes)
    // `[@jane](url)` and `@[jane](url)` are handles, not names; `[Jane Doe](url)` keeps its text.
    .replace(/@?\[@?[^\]]*\]\([^)]*\)/g, (link) => (/^@|^\[@/.test(link) ? ' ' : link.replace(/\]\([^)]*\)$/, ' ')))
    .replace(/(^|[^\w.])@[\w-]+/g, '$1 ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[[\]()<>,;|*_`\\]/g, ' ')
    .replace(/\s[-–—]\s/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.:-]+|[\s:-]+$/g, '')
    .trim();
  return {
    ...base,
    form: 'other',
    ...(name && /\p{L}/u.test(name) ? { name } : {}),
    ...(handle ? { handle } : {}),
    ...(email ? { email } : {}),
  };
}

/** `Jane Doe, jane-doe, jane@x.org` or `Jane Doe(jane, ...)`: the one bare handle beside a name, if any. */
function bareHandleIn(text: string): string | undefined {
  const parts = text.split(/[,()]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || !parts.some((p) => /\s/.test(p) && /^\p{L}/u.test(p))) return undefined;
  const bare = parts.filter((p) => !/\s/.test(p) && isBareHandle(p) && !/^https?:/i.test(p));
  return bare.length === 1 ? bare[0] : undefined;
}

// ---------------------------------------------------------------- skills

export function parseSkills(text: string, field: Field): Skill[] {
  const pieces: Piece[] = [];
  if (field.inlineValue) {
    pieces.push(...splitTopLevel(text.slice(field.inlineValueSpan.start, field.inlineValueSpan.end), field.inlineValueSpan.start, /,|;|\s+and\s+|\s+&\s+|\.\s+(?=\S)/y));
  }
  for (const item of field.subItems) pieces.push(...splitTopLevel(item.text, item.span.start, /,|;/y));
  const skills: Skill[] = [];
  for (const piece of pieces) {
    const name = skillName(piece.text);
    if (name) skills.push({ raw: piece.text, name, span: piece.span });
  }
  return skills;
}

/** `Golang.` → `Golang`; `**Go**` → `Go`; `[Rust](url)` → `Rust`. */
export function skillName(raw: string): string {
  return raw
    .replace(/^\[([^\]]*)\]\([^)]*\)$/, '$1')
    .replace(/^[*_`"']+|[*_`"']+$/g, '')
    .replace(/^(?:and|or)\s+/i, '')
    .replace(/[\s.:;,!]+$/g, '')
    .trim();
}

// ---------------------------------------------------------------- issues

// A link text holds no `[` and is bounded: `[^\]]*` scanned from every `[` of `[[[…` to the value's end.
const URL_RE = /<(https?:\/\/[^>\s]+)>|\[[^\][]{0,1000}\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s<>()[\]]+[^\s<>()[\].,;:!?'"])/g;

export function parseIssues(text: string, field: Field): IssueRef[] {
  const value = field.value;
  const refs: IssueRef[] = [];
  const seen = new Set<number>();
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(value))) {
    const url = (m[1] ?? m[2] ?? m[3])!;
    const at = m.index + m[0].indexOf(url);
    if (seen.has(at)) continue;
    seen.add(at);
    const start = field.valueSpan.start + at;
    refs.push({ url, span: { start, end: start + url.length }, ...classifyUrl(url) });
  }
  return refs;
}

export function classifyUrl(url: string): { kind: IssueKind; owner?: string; repo?: string; number?: number } {
  const gh = /^https?:\/\/(?:www\.)?github\.com\/([^/\s?#]+)(?:\/([^/\s?#]+))?(?:\/([^\s?#]*))?/i.exec(url);
  if (!gh) return { kind: 'url' };
  const owner = gh[1]!;
  const repo = gh[2]?.replace(/\.git$/, '');
  const rest = gh[3] ?? '';
  if (!repo) return { kind: 'github-other', owner };
  const item = /^(issues|pull|discussions)\/(\d+)/.exec(rest);
  if (item) {
    return { kind: item[1] === 'pull' ? 'pull' : 'issue', owner, repo, number: Number(item[2]) };
  }
  if (/^(issues|pulls|labels|milestones?|projects)(\/|$)/.test(rest) || /[?&]q=/.test(url)) return { kind: 'issue-list', owner, repo };
  if (rest === '' || rest === '/') return { kind: 'repo', owner, repo };
  return { kind: 'github-other', owner, repo };
}
