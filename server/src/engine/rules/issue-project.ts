// An idea's issue in the repository of another project of the same file is usually a copy-paste
// from the idea above (the 2019 list had an rkt idea pointing at linkerd2). A link to any other
// organisation is normal cross-project work and no finding.
import type { Idea, IssueRef, Project, Span } from '../parse/model';
import { absoluteSpan, memoSlot, perIdea, relativeSpan } from '../parse/perIdea';
import { detach } from '../parse/text';
import type { Rule } from './rule';

/** Words that say nothing about which project a title names. */
const STOP_WORDS = new Set(
  (
    'the and for with from into onto via add adding support supporting implement implementing implementation ' +
    'improve improving improvement improvements enable enabling new use using build building create creating ' +
    'make making project projects idea ideas based native cloud tool tools tooling test tests testing integration ' +
    'integrate feature features plugin plugins api apis cli docs doc documentation website web server client ' +
    'service services operator operators support data community contributor contributors strategy other more ' +
    'better automated automate automation framework library extend extension mode level layer system systems ' +
    'end its our your their this that between across over under about all any'
  ).split(/\s+/),
);

const CONTAINER_TITLE = /^\W*(?:\d{4}\s+)?(?:projects?\s+)?(?:ideas?|projects?)\W*$/i;

/** Names one project goes by on GitHub, beyond what its title says. Small on purpose. */
const ALIASES: ReadonlyArray<readonly string[]> = [
  ['kubernetes', 'k8s', 'kubernetes-sigs', 'kubeflow', 'kubernetes-csi', 'kubernetes-client'],
  ['opa', 'open-policy-agent'],
  ['tikv', 'pingcap', 'tidb'],
];

export const issueProject: Rule = {
  id: 'issue-project',
  defaultSeverity: 'warning',
  description: "An idea's issue link is in the repository of another project of the same file.",
  fixable: false,
  // Which other projects the file has is part of the judgement: document scope, each idea's
  // findings kept per idea while the file's project titles are unchanged.
  check(context) {
    const { doc } = context;
    // Each project's title read once (not once per idea: a big file has thousands).
    const namedness = new Map<Project, boolean>();
    const named = (p: Project) => {
      let known = namedness.get(p);
      if (known === undefined) namedness.set(p, (known = !CONTAINER_TITLE.test(p.title)));
      return known;
    };
    const others = doc.projects.filter(named).map((p) => ({ project: p, tokens: titleTokens(p.title) }));
    // A container heading (`Projects ideas`) names no project: nothing to compare with. What a
    // keystroke elsewhere leaves unchanged is kept per section: the links' repositories and the idea
    // title's words (reading every idea's links again would move every idea).
    const toLook = doc.ideas.filter((idea) => idea.project && named(idea.project) && perIdea(idea, OWN, ownOf).links.length);
    context.eachIdea(toLook, others.map((o) => o.project.title).join('\u0000'), (idea) => {
      const project = idea.project!;
      const own = perIdea(idea, OWN, ownOf);
      const tokens = [...tokensOf([project.title, ...idea.path].join(' ')), ...own.titleTokens];
      if (!tokens.length || own.links.some((link) => belongs(link, tokens))) return;
      // Cross-project work links other organisations' issues all the time (FINDINGS-POLICY): only a
      // repository that clearly belongs to another project of this file is a copy-paste slip. (A
      // project of the same title never does here, as the idea's own title did not: titles decide.)
      for (const link of own.links) {
        const owner = others.find((o) => o.project !== project && o.tokens.length > 0 && belongs(link, o.tokens));
        if (!owner) continue;
        context.report({
          span: absoluteSpan(idea, link.span),
          message: `\`${link.owner}/${link.repo}\` belongs to ${owner.project.title}, another project of this file: link an issue of ${project.title} (copied from another idea?).`,
        });
      }
    });
  },
};

interface OwnLinks {
  readonly links: ReadonlyArray<{ readonly owner: string; readonly repo: string; readonly span: Span }>;
  readonly titleTokens: readonly string[];
}

const OWN = memoSlot<OwnLinks>('issue-project');

function ownOf(idea: Idea): OwnLinks {
  const links = idea.issues.filter(isRepoLink).map((r) => ({ owner: detach(r.owner!), repo: detach(r.repo!), span: relativeSpan(idea, r.span) }));
  return { links, titleTokens: links.length ? tokensOf(idea.title).map(detach) : [] };
}

/** Project titles' words, kept across checks: a keystroke would otherwise split every project's title again. */
const TITLE_TOKENS = new Map<string, readonly string[]>();

function titleTokens(title: string): readonly string[] {
  let tokens = TITLE_TOKENS.get(title);
  if (!tokens) {
    if (TITLE_TOKENS.size >= 10_000) TITLE_TOKENS.clear();
    TITLE_TOKENS.set(detach(title), (tokens = tokensOf(title).map(detach)));
  }
  return tokens;
}

function isRepoLink(r: IssueRef): boolean {
  return (r.kind === 'issue' || r.kind === 'pull') && r.owner !== undefined && r.repo !== undefined;
}

function belongs(link: { readonly owner: string; readonly repo: string }, titleTokens: readonly string[]): boolean {
  const repoTokens = [...repoTokensOf(link.owner), ...repoTokensOf(link.repo)];
  const wholeNames = [link.owner.toLowerCase(), link.repo.toLowerCase()];
  const expanded = new Set(titleTokens);
  for (const group of ALIASES) {
    if (group.some((a) => expanded.has(a))) for (const a of group) expanded.add(a);
  }
  for (const t of expanded) {
    if (wholeNames.includes(t)) return true;
    for (const r of repoTokens) if (similar(t, r)) return true;
  }
  return false;
}

/** Equal, or one inside the other when the shorter has 4+ letters (`envoy` ⊂ `envoyproxy`). */
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short);
}

/** `linkerd/linkerd2` → linkerd; `kubernetes-sigs/kube-batch` → kubernetes, sigs, kube, batch. */
function repoTokensOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[-_.]+/)
    .map((t) => t.replace(/\d+/g, ''))
    .filter((t) => t.length >= 2 && !STOP_WORDS.has(t));
}

/** Title words that could name a project. */
function tokensOf(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu) ?? [];
  const out = new Set<string>();
  for (const word of words) {
    // `kube-batch` counts whole and in parts.
    for (const t of [word, ...word.split(/[-.]/)]) {
      const bare = t.replace(/\d+$/, '');
      // Short words count only when equal to a repository word (`BR` → `pingcap/br`), see `similar`.
      if (bare.length >= 2 && !STOP_WORDS.has(bare)) out.add(bare);
    }
  }
  return [...out];
}
