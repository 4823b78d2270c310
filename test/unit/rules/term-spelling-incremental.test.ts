// term-spelling keeps counts across checks and re-uses unchanged sections: after any edit its
// findings must equal those of the rule as first written (a check from scratch, copied below).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../server/src/engine/findings/findings';
import { editDistance } from '../../../server/src/engine/parse/labels';
import { isEnglishForm } from '../../../server/src/engine/rules/english';
import { lint } from '../../../server/src/engine/rules/lint';
import type { IdeaDocument, Span } from '../../../server/src/engine/parse/model';
import { SectionCache, parseDocument } from '../../../server/src/engine/parse/parse';
import { replayRandomEdits } from './replay-edits';
import type { Rule } from '../../../server/src/engine/rules/rule';
import { termSpelling } from '../../../server/src/engine/rules/term-spelling';
import { presetById } from '../../../server/src/engine/template/presets';

const template = presetById('cncf-2019')!;
const show = (fs: readonly Finding[]) => fs.map((f) => `${f.span.start}-${f.span.end} ${f.message} ${JSON.stringify(f.fix ?? null)}`);
const findings = (rule: Rule, doc: IdeaDocument, uri: string) => show(lint(doc, { uri, template, rules: [rule] }));

/** Near misses across projects, a tie between spellings, a sample, an idea outside any project. */
const FIXTURE = `# Project Ideas

Kubernetes and Prometheus are everywhere. Kuberentes in the preamble is not prose.

### Kubernetes

Kubernetes runs containers. KUBEFLOW, Kubeflow, KUBEFLOW, Kubeflow, KUBEFLOW and Kubeflow.

#### Kubelet checkpoints

-	Description: Let the kubelet checkpoint pods so Kuberentes can restore them. Kubeflwo too.
-	Recommended Skills: Go
-	Mentor(s): Jane Doe (@janedoe), Kubernetse Person
-	Issue: https://github.com/kubernetes/kubernetes/issues/1

#### Sample

-	Description: Sample ideas are prose too when inside a project: Promtheus.
-	Mentors: Jo (@jo)

### Prometheus

Prometheus is a monitoring system. A Promethues server scrapes targets. Thanos Thanos Thanos.

#### Near misses

-	Description: Kubernetes-native tools, Prometheus's rules, Prometheuses. \`Kuberntees\` and https://example.org/Kubernetse and [a link](https://example.org/Promehteus). Thnaos.
-	Recommended Skills: Go, Rust
-	Mentor(s): Jane Doe (@janedoe)

\`\`\`
Kubrenetes inside a code block is not prose either.
\`\`\`

<!-- Kuberenetes in a comment -->

## Other

#### Orphan idea about Thanso

-	Description: An idea outside any project mentions Promethesu and Kubernets.
-	Mentors: Al (@al)

### Thanos

#### Downsampling

* Description: Thanos downsamples old blocks. Thanos compacts them. Thanos stores them. Kubeflwo.
* Recommended Skills: Go
* Mentor(s): Jane Doe (@janedoe)
`;

const SNIPPETS = [
  '\n', ' ', 'x', 'K', '`', '\r\n', '*', '> ', '- ', '<!-- ', ' -->', '\n```\n', '[k]: https://k.io\n',
  'Kubernetes ', 'Kuberentes ', 'Kubernetse ', 'Prometheus ', 'Promethues ', 'Thanos ', 'KUBEFLOW ', 'Kubeflow ',
  '\n### Kubernetes tools\n\nKubernets here.\n\n',
  '\n#### New idea\n\n- Description: Thanos and Thnaos and Kubeflwo.\n- Mentors: Jo (@jo)\n',
  '\n## Samples\n\n',
  'Title\n=====\n',
];

/** A small deterministic PRNG, so a failure can be replayed. */

test('term-spelling finds the near misses of the fixture', () => {
  const doc = parseDocument(FIXTURE);
  const got = findings(termSpelling, doc, 'file:///w/fixture.md');
  assert.deepEqual(got, findings(referenceTermSpelling, doc, 'file:///w/fixture.md'));
  assert.ok(got.length >= 5, got.join('\n'));
});

for (const seed of [1, 2, 3, Number(process.env.FUZZ_SEED ?? 4)]) {
  test(`term-spelling after random edits equals a check from scratch (seed ${seed})`, () => {
    replayRandomEdits({ seed, fixture: FIXTURE, snippets: SNIPPETS, rule: termSpelling, reference: referenceTermSpelling, findings, uri: `file:///w/fuzz-${seed}.md`, keeps: 'the edits keep near misses around' });
  });
}

test('term-spelling: a lone CR (sections not split cleanly) is checked as a whole, then incrementally again', () => {
  const sections = new SectionCache();
  const uri = 'file:///w/cr.md';
  const at = FIXTURE.indexOf('Prometheus is a monitoring');
  const texts = [
    FIXTURE,
    FIXTURE.replace('A Promethues server', 'A `Promethues\rserver`'),
    FIXTURE.slice(0, at) + 'Kubernets \r\r' + FIXTURE.slice(at),
    FIXTURE.replace('\n### Thanos', '\r### Thanos'),
    FIXTURE.replace('Kubeflwo too.', 'Kubeflwo\u2028too `x\u2028Kubeflwo`.'),
    FIXTURE,
  ];
  for (const [k, text] of texts.entries()) {
    assert.deepEqual(
      findings(termSpelling, parseDocument(text, { cache: sections }), uri),
      findings(referenceTermSpelling, parseDocument(text), uri),
      `text ${k}`,
    );
  }
});

test('term-spelling: moving sections keeps the tie between spellings exact', () => {
  const sections = new SectionCache();
  const uri = 'file:///w/moves.md';
  const parts = FIXTURE.split(/(?=^### )/m);
  for (let round = 0; round < 6; round++) {
    parts.push(parts.splice(1, 1)[0]!);
    const text = parts.join('');
    assert.deepEqual(
      findings(termSpelling, parseDocument(text, { cache: sections }), uri),
      findings(referenceTermSpelling, parseDocument(text), uri),
      `round ${round}`,
    );
  }
});

/** The rule as first written (with its English-word filter): the whole prose re-read on every check. */
const MIN_LENGTH = 6;
const NAME_USES = 3;
const MIN_NAME_LENGTH = 5;

export const referenceTermSpelling: Rule = {
  id: 'term-spelling',
  defaultSeverity: 'warning',
  description: 'A word is a near miss of a project name used in the file.',
  fixable: true,
  check({ doc, report }) {
    const words = proseWords(doc);
    const names = namesOf(doc, words);
    if (!names.size) return;
    const uses = new Map<string, number>();
    for (const w of words) uses.set(w.text.toLowerCase(), (uses.get(w.text.toLowerCase()) ?? 0) + 1);
    // Prose repeats its words: decide each distinct word once.
    const nearest = new Map<string, string | undefined>();
    for (const word of words) {
      const lower = word.text.toLowerCase();
      if (word.text.length < MIN_LENGTH || names.has(lower) || (uses.get(lower) ?? 0) >= NAME_USES) continue;
      let name = nearest.get(lower);
      if (name === undefined && !nearest.has(lower)) nearest.set(lower, (name = isEnglishForm(lower) ? undefined : nearestName(lower, names)));
      if (!name) continue;
      report({
        span: word.span,
        message: `\`${word.text}\` looks like a misspelling of \`${name}\`, used elsewhere in this file.`,
        fix: { title: `Write \`${name}\``, edits: [{ span: word.span, newText: name }], interactive: true },
        once: lower,
      });
    }
  },
};

interface Word {
  readonly text: string;
  readonly span: Span;
}

/** Lower-cased name → its spelling as most used in the file. */
function namesOf(doc: IdeaDocument, words: readonly Word[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const w of words) if (/^\p{Lu}/u.test(w.text)) counts.set(w.text, (counts.get(w.text) ?? 0) + 1);
  const names = new Map<string, string>();
  const consider = (spelling: string, alone = false) => {
    const lower = spelling.toLowerCase();
    if (!alone && isEnglishForm(lower)) return;
    const known = names.get(lower);
    if (known === undefined || (counts.get(spelling) ?? 0) > (counts.get(known) ?? 0)) names.set(lower, spelling);
  };
  for (const project of doc.projects) {
    const words = wordsIn(project.title, 0).filter((w) => !isCompound(w.text));
    // A heading of one English word is a name (`Matrix`); English words beside others are not.
    for (const w of words) consider(w.text, words.length === 1);
  }
  for (const [spelling, count] of counts) if (count >= NAME_USES) consider(spelling);
  // Short names (`Rust`, `This`) sit inside too many words (`robust`, `things`).
  for (const key of [...names.keys()]) if (key.length < MIN_NAME_LENGTH) names.delete(key);
  return names;
}

/** The name `lower` nearly spells: 1–2 edits, same first letter, not a longer or shorter form of it. */
function nearestName(lower: string, names: ReadonlyMap<string, string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const [name, spelling] of names) {
    if (name[0] !== lower[0]) continue;
    if (lower.startsWith(name) || name.startsWith(lower) || lower.endsWith(name) || name.endsWith(lower)) continue;
    // Slips of the hand drop, double or swap letters (`Kubertenes`, `Kuberenetes`); a word that
    // changes letters (`Thanks` / `Thanos`, `provided` / `Provider`) is usually another word.
    if (!sameLettersGiveOrTake(lower, name)) continue;
    const d = editDistance(lower, name, 2);
    if (d >= 1 && d <= 2 && d < bestDistance) {
      best = spelling;
      bestDistance = d;
    }
  }
  return best;
}

/** The shorter word's letters are all in the longer one, which has at most two more. */
function sameLettersGiveOrTake(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 2) return false;
  const pool = new Map<string, number>();
  for (const c of long) pool.set(c, (pool.get(c) ?? 0) + 1);
  for (const c of short) {
    const left = pool.get(c) ?? 0;
    if (left === 0) return false;
    pool.set(c, left - 1);
  }
  return true;
}

/** Words of the prose of project sections (and of ideas outside any), skipping code, links and labels. */
function proseWords(doc: IdeaDocument): Word[] {
  const masked = maskedText(doc);
  const regions: Span[] = [];
  for (const p of doc.projects) regions.push(p.span);
  for (const idea of doc.ideas) if (!idea.project) regions.push(idea.span);
  regions.sort((a, b) => a.start - b.start);
  const words: Word[] = [];
  let done = 0;
  for (const region of regions) {
    const start = Math.max(region.start, done);
    if (start >= region.end) continue;
    for (const w of wordsIn(masked.slice(start, region.end), start)) if (!isCompound(w.text)) words.push(w);
    done = region.end;
  }
  return words;
}

function wordsIn(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-_./'’][\p{L}\p{N}]+)*/gu)) {
    // `Rook's` → `Rook`
    const token = m[0].replace(/['’]\p{L}{1,2}$/u, '');
    out.push({ text: token, span: { start: offset + m.index, end: offset + m.index + token.length } });
  }
  return out;
}

/** `kube-batch`, `grpc.io`, `cloud_provider`: identifiers, not words to spell-check. */
function isCompound(token: string): boolean {
  return /[-_./'’]/.test(token) || !/^\p{L}/u.test(token);
}

/** The text with everything that is not prose blanked out (same length, so offsets hold). */
function maskedText(doc: IdeaDocument): string {
  const spans: Span[] = [];
  for (const c of doc.codeBlocks) spans.push(c.span);
  for (const c of doc.comments) spans.push(c.span);
  for (const h of doc.headings) spans.push(h.span);
  for (const idea of doc.ideas) {
    for (const f of idea.fields) {
      spans.push(f.labelSpan);
      // People's names and links are not prose.
      if (f.key === 'mentors' || f.key === 'issue' || f.key === 'lfx_url' || f.key === 'mentee') spans.push(f.valueSpan);
    }
  }
  for (const m of doc.text.matchAll(NOT_PROSE)) spans.push({ start: m.index, end: m.index + m[0].length });
  // Same length as the text, so offsets hold: blanked parts become spaces (line breaks included,
  // which no word crosses anyway). Built from pieces: a 3 MB file must not become 3 M array cells.
  spans.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, doc.text.length);
    if (end <= start) continue;
    pieces.push(doc.text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  pieces.push(doc.text.slice(at));
  return pieces.join('');
}

/** Inline code, link targets, autolinks and tags, bare URLs, definitions, emails, handles. */
const NOT_PROSE = new RegExp(
  [
    /`[^`\n]*`/.source,
    /\]\([^)\s]*\)/.source,
    /<[^>\s]+>/.source,
    /\bhttps?:\/\/[^\s)>\]]+/.source,
    /^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/.source,
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.source,
    /(?<![\w.])@[\w-]+/.source,
  ].join('|'),
  'gm',
);
