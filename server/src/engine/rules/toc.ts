// The file's table of contents and its other in-file links (issue 13): a list of links to the file's
// own headings before the ideas must list every project and idea, in the file's order, each link's
// fragment resolving to a heading anchor as GitHub computes it (github-slugger, with its `-1`, `-2`
// for repeated headings); a link elsewhere to `#fragment` must resolve too. The fix rewrites the
// table in the file's own style (marker, indent, whether ideas are listed).
import GithubSlugger from 'github-slugger';
import type { Fix } from '../findings/findings';
import type { CodeBlock, Heading, IdeaDocument, Span } from '../parse/model';
import type { Rule, RuleContext } from './rule';

/** A table of contents lists at least this many in-file links, and at least half the projects or ideas. */
const MIN_ENTRIES = 3;

export const toc: Rule = {
  id: 'toc',
  defaultSeverity: 'warning',
  description: "The table of contents misses a project or an idea, lists them out of order, or links to a heading that is not there.",
  fixable: true,
  structural: true,
  check(context) {
    const { doc } = context;
    // Most files link nothing in-file: then there is nothing to resolve, and no anchor is computed.
    if (!doc.text.includes('](#')) return;
    const anchors = headingAnchors(doc);
    const table = findTable(doc, anchors);
    if (table) checkTable(context, table, anchors);
    checkOtherLinks(context, anchors, table);
  },
};

interface Entry {
  readonly text: string;
  readonly fragment: string;
  /** The `(#fragment)` part's fragment, for the report. */
  readonly fragmentSpan: Span;
  readonly indent: number;
}

interface Table {
  readonly entries: readonly Entry[];
  /** Whole lines of the table, to rewrite it. */
  readonly span: Span;
  readonly marker: string;
  /** Indent of a nested entry, as written (two spaces, four, a tab). */
  readonly nest: string;
  readonly listsIdeas: boolean;
}

/** GitHub's anchor of every heading, in order (duplicates numbered), by heading start. */
function headingAnchors(doc: IdeaDocument): Map<number, string> {
  const slugger = new GithubSlugger();
  const out = new Map<number, string>();
  for (const h of doc.headings) out.set(h.span.start, slugger.slug(renderedText(written(doc, h))));
  return out;
}


/** The heading's text as written, markup included (`Support \`zlib\``). */
function written(doc: IdeaDocument, h: Heading): string {
  return doc.text.slice(h.textSpan.start, h.textSpan.end).trim();
}

/** What GitHub renders of a heading's markdown, which is what it slugs: link texts, code, no emphasis or tags. */
function renderedText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .trim();
}

/** `- [Text](#fragment)`; the text may hold escaped or nested brackets (`[\\[MeshModel\\] …]`). */
const LINK_ITEM = /^([ \t]*)([-*+]|\d+[.)])[ \t]+\[((?:\\.|[^\]\\[]|\[[^\]]*\])+)\]\(#([^)\s]*)\)[ \t]*$/;

/** The first run of list lines that are all in-file links, before the first idea, long enough to be a table. */
function findTable(doc: IdeaDocument, anchors: Map<number, string>): Table | undefined {
  const text = doc.text;
  const firstIdea = doc.ideas[0]?.heading.span.start ?? text.length;
  const lines = doc.lines;
  let run: Array<{ entry: Entry; lineStart: number; lineEnd: number; marker: string; rawIndent: string }> = [];
  let best: typeof run = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    if (start >= firstIdea) break;
    const end = lines.lineEnd(line);
    const m = LINK_ITEM.exec(text.slice(start, end));
    if (m) {
      const fragmentStart = start + m[0].lastIndexOf(`(#${m[4]!})`) + 2;
      run.push({
        entry: { text: m[3]!, fragment: m[4]!, fragmentSpan: { start: fragmentStart, end: fragmentStart + m[4]!.length }, indent: columns(m[1]!) },
        lineStart: start,
        lineEnd: end,
        marker: m[2]!,
        rawIndent: m[1]!,
      });
      continue;
    }
    if (text.slice(start, end).trim() === '' && run.length) continue; // a loose list
    if (run.length > best.length) best = run;
    run = [];
  }
  if (run.length > best.length) best = run;
  if (best.length < MIN_ENTRIES) return undefined;
  const known = new Set(anchors.values());
  const projects = new Set(doc.projects.map((p) => anchors.get(p.heading.span.start)));
  const ideas = new Set(doc.ideas.map((i) => anchors.get(i.heading.span.start)));
  const listed = best.filter((r) => known.has(r.entry.fragment));
  const listsIdeas = listed.some((r) => ideas.has(r.entry.fragment));
  const listsProjects = listed.some((r) => projects.has(r.entry.fragment));
  // A table of contents of this file's ideas: it names at least half of its projects or ideas.
  const coverage = Math.max(
    projects.size ? listed.filter((r) => projects.has(r.entry.fragment)).length / projects.size : 0,
    ideas.size ? listed.filter((r) => ideas.has(r.entry.fragment)).length / ideas.size : 0,
  );
  if (coverage < 0.5 || (!listsIdeas && !listsProjects)) return undefined;
  const minIndent = Math.min(...best.map((r) => r.entry.indent));
  const nested = best.find((r) => r.entry.indent > minIndent);
  return {
    entries: best.map((r) => r.entry),
    span: { start: best[0]!.lineStart, end: best[best.length - 1]!.lineEnd },
    marker: best[0]!.marker,
    nest: nested ? nested.rawIndent.slice(best[0]!.rawIndent.length) : '  ',
    listsIdeas,
  };
}

function columns(indent: string): number {
  let n = 0;
  for (const c of indent) n = c === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

function checkTable(context: RuleContext, table: Table, anchors: Map<number, string>): void {
  const { doc } = context;
  const fix = rewrite(doc, table, anchors);
  const wanted: Array<{ heading: Heading; kind: 'project' | 'idea' }> = [];
  for (const h of doc.headings) {
    // A heading with no text has no anchor to link to.
    if (!anchors.get(h.span.start)) continue;
    if (doc.projects.some((p) => p.heading === h)) wanted.push({ heading: h, kind: 'project' });
    if (table.listsIdeas && doc.ideas.some((i) => i.heading === h && !i.headless && !(i.project && i.project.heading === h))) wanted.push({ heading: h, kind: 'idea' });
  }
  const listed = new Map(table.entries.map((e, i) => [e.fragment, i] as const));
  const known = new Set(anchors.values());
  for (const entry of table.entries) {
    if (known.has(entry.fragment)) continue;
    context.report({
      span: entry.fragmentSpan,
      message: `"#${entry.fragment}" names no heading of this file (${entry.text}): GitHub's anchor of a heading is its text in lower case, with spaces as hyphens and most punctuation dropped.`,
      ...(fix ? { fix } : {}),
    });
  }
  let last = -1;
  for (const { heading, kind } of wanted) {
    const anchor = anchors.get(heading.span.start)!;
    const at = listed.get(anchor);
    if (at === undefined) {
      context.report({
        span: heading.textSpan,
        message: `The table of contents does not list this ${kind}: add "[${written(doc, heading)}](#${anchor})" to it.`,
        ...(fix ? { fix } : {}),
        // A table left behind by later additions is one problem, whose fix rewrites it whole.
        once: 'missing',
      });
      continue;
    }
    if (at < last) {
      context.report({
        span: table.entries[at]!.fragmentSpan,
        message: `The table of contents lists "${heading.text}" out of the file's order.`,
        atMost: 'info',
        ...(fix ? { fix } : {}),
        once: 'order',
      });
    }
    last = Math.max(last, at);
  }
}

/** The table as the file would write it now: projects, then (when it lists ideas) their ideas nested. */
function rewrite(doc: IdeaDocument, table: Table, anchors: Map<number, string>): Fix | undefined {
  const eol = /\r\n|\r|\n/.exec(doc.text.slice(table.span.start))?.[0] ?? '\n';
  const indent = doc.text.slice(table.span.start).match(/^[ \t]*/)![0];
  const lines: string[] = [];
  // Only headings with text and an anchor can be entries (the table must read as one again).
  const line = (depth: number, h: Heading) => {
    const title = written(doc, h);
    const anchor = anchors.get(h.span.start);
    if (!title || !anchor || /[\r\n]/.test(title)) return;
    const entry = (t: string) => `${indent}${table.nest.repeat(depth)}${table.marker} [${t}](#${anchor})`;
    // A bracket the link text cannot hold as written is escaped.
    const plain = entry(title);
    const escaped = entry(title.replace(/[[\]]/g, '\\$&'));
    if (LINK_ITEM.test(plain)) lines.push(plain);
    else if (LINK_ITEM.test(escaped)) lines.push(escaped);
  };
  for (const project of doc.projects) {
    line(0, project.heading);
    if (!table.listsIdeas) continue;
    for (const idea of project.ideas) if (idea.heading !== project.heading && !idea.headless && !idea.syntax) line(1, idea.heading);
  }
  // Ideas with no heading of their own (a lost heading, a table row) have no anchor to list.
  if (table.listsIdeas) for (const idea of doc.ideas) if (!idea.project && !idea.headless && !idea.syntax) line(0, idea.heading);
  const newText = lines.join(eol);
  if (!lines.length || newText === doc.text.slice(table.span.start, table.span.end)) return undefined;
  return { title: 'Rewrite the table of contents from the headings', edits: [{ span: table.span, newText }] };
}

const IN_FILE_LINK = /\]\(#([^)\s]+)\)/g;

/** Links to `#fragment` outside the table and outside code: each must name a heading. */
function checkOtherLinks(context: RuleContext, anchors: Map<number, string>, table: Table | undefined): void {
  const { doc } = context;
  const known = new Set(anchors.values());
  const inCode = (at: number, code: readonly CodeBlock[]) => code.some((c) => at >= c.span.start && at < c.span.end);
  for (const m of doc.text.matchAll(IN_FILE_LINK)) {
    const at = m.index + 3;
    if (table && at >= table.span.start && at < table.span.end) continue;
    if (known.has(m[1]!) || inCode(at, doc.codeBlocks) || doc.comments.some((c) => at >= c.span.start && at < c.span.end)) continue;
    // GitHub also links `#L12`-style and user-content anchors; only what looks like a heading's is judged.
    if (!/^[\p{Ll}\p{N}_-]+$/u.test(m[1]!)) continue;
    context.report({ span: { start: at, end: at + m[1]!.length }, message: `"#${m[1]}" names no heading of this file.` });
  }
}
