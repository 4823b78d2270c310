// An idea's issue in the repository of another project of the same file is usually a copy-paste
// from the idea above (the 2019 list had an rkt idea pointing at linkerd2). A link to any other
// organisation is normal cross-project work and no finding.
import type { Idea, IssueRef, Span } from '../parse/model';
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
  // Which other projects the file has is part of the judgement: document scope.
  check({ doc, report }) {
    const others = doc.projects.filter((p) => !CONTAINER_TITLE.test(p.title)).map((p) => ({ project: p, tokens: tokensOf(p.title) }));
    const projectTokens = new Map<string, readonly string[]>();
    for (const idea of doc.ideas) {
      // A container heading (`Projects ideas`) names no project: nothing to compare with.
      if (!idea.project || CONTAINER_TITLE.test(idea.project.title)) continue;
      // What a keystroke elsewhere leaves unchanged is kept per section: the links' repositories
      // and the idea title's words (reading every idea's links again would move every idea).
      const own = perIdea(idea, OWN, ownOf);
      if (!own.links.length) continue;
      const context = [idea.project.title, ...idea.path].join(' ');
      // The verdict for this project is kept with the section's links, keyed by the project's words
      // (so it never outlives a renamed project).
      let fits = own.verdicts.get(context);
      if (fits === undefined) {
        let tokens = projectTokens.get(context);
        if (!tokens) projectTokens.set(context, (tokens = tokensOf(context)));
        const titleTokens = [...tokens, ...own.titleTokens];
        fits = !titleTokens.length || own.links.some((link) => belongs(link, titleTokens));
        if (own.verdicts.size > 8) own.verdicts.clear();
        own.verdicts.set(detach(context), fits);
      }
      if (fits) continue;
      // Cross-project work links other organisations' issues all the time (FINDINGS-POLICY): only a
      // repository that clearly belongs to another project of this file is a copy-paste slip.
      for (const link of own.links) {
        const owner = others.find((o) => o.project !== idea.project && o.tokens.length > 0 && belongs(link, o.tokens));
        if (!owner) continue;
        report({
          span: absoluteSpan(idea, link.span),
          message: `\`${link.owner}/${link.repo}\` belongs to ${owner.project.title}, another project of this file: link an issue of ${idea.project.title} (copied from another idea?).`,
        });
      }
    }
  },
};

interface OwnLinks {
  readonly links: ReadonlyArray<{ readonly owner: string; readonly repo: string; readonly span: Span }>;
  readonly titleTokens: readonly string[];
  /** Whether a link belongs to the idea, by its project and path (the key), as last judged. */
  readonly verdicts: Map<string, boolean>;
}

const OWN = memoSlot<OwnLinks>('issue-project');

function ownOf(idea: Idea): OwnLinks {
  const links = idea.issues.filter(isRepoLink).map((r) => ({ owner: detach(r.owner!), repo: detach(r.repo!), span: relativeSpan(idea, r.span) }));
  return { links, titleTokens: links.length ? tokensOf(idea.title).map(detach) : [], verdicts: new Map() };
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
