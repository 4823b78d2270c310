// The Ideas tree as data (client/src/ideasTreeModel.ts): grouping, filtering, problem counts, the
// template root and the line range "Copy Idea" copies. Outlines are written by hand here, plus one built
// by the real parser from a small idea file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Outline, OutlineIdea, OutlineMentor, OutlineTemplate, WorkspaceOutlineFile } from '../../../server/src/protocol';
import { parseDocument } from '../../../server/src/engine/parse/parse';
import { buildOutline } from '../../../server/src/engine/features/outline';
import {
  childNodes,
  hasChildren,
  issueLabel,
  mentorLabel,
  placeIdeas,
  problemSummary,
  rootNodes,
  workspaceRootNodes,
  worstSeverity,
  type TreeNode,
  type TreeOptions,
} from '../../../client/src/ideasTreeModel';

const TEMPLATE: OutlineTemplate = { id: 'cncf-2019', name: 'CNCF 2019', source: 'preset', reason: 'best match' };
const byProject: TreeOptions = { groupBy: 'project', filter: '' };

function idea(title: string, line: number, more: Partial<OutlineIdea> = {}): OutlineIdea {
  return { title, line, fields: [], mentors: [], skills: [], issues: [], ...more };
}

const jane: OutlineMentor = { name: 'Jane Doe', handle: 'jdoe' };
const ravi: OutlineMentor = { name: 'Ravi Kumar', handle: 'RKumar', email: 'ravi@example.org' };

// Lines: project A at 10 (ideas at 12 and 20), project B at 30 (no ideas), project C at 40 (idea at 42),
// an idea outside any project at 2.
const gc = idea('Garbage collection', 12, {
  mentors: [ravi],
  skills: ['Golang', 'Kubernetes'],
  issues: [{ url: 'https://github.com/harbor/harbor/issues/128', owner: 'harbor', repo: 'harbor', number: 128 }],
  fields: [
    { name: 'skills', label: 'Recommended Skills', line: 14, value: 'Golang, Kubernetes' },
    { name: 'mentors', label: 'Mentor(s)', line: 15, value: 'Ravi Kumar (@RKumar)' },
    { name: 'issue', label: 'Issue', line: 16, value: 'https://github.com/harbor/harbor/issues/128' },
  ],
  problems: { error: 0, warning: 0, info: 0 },
});
const signed = idea('Signed manifests', 20, { mentors: [jane, ravi], skills: ['golang ', 'cryptography'], problems: { error: 2, warning: 1, info: 0 } });
const bench = idea('Benchmarks', 42, { mentors: [jane], skills: [], problems: { error: 0, warning: 1, info: 3 } });
const stray = idea('Stray idea', 2, { mentors: [{ email: 'who@example.org' }], skills: ['Rust'] });
const outline: Outline = {
  file: 'file:///ideas.md',
  template: TEMPLATE,
  projects: [
    { title: 'Harbor', line: 10, ideas: [gc, signed] },
    { title: 'Empty', line: 30, ideas: [] },
    { title: 'Proxy', line: 40, ideas: [bench] },
  ],
  orphans: [stray],
  isIdeaFile: true,
};

const labelsOf = (nodes: readonly TreeNode[]) =>
  nodes.map((n) => {
    switch (n.kind) {
      case 'template':
        return `template:${n.template.name}`;
      case 'project':
        return `project:${n.title}[${n.ideas.map((p) => p.idea.title).join('|')}]`;
      case 'group':
        return `${n.by}:${n.label}[${n.ideas.map((p) => p.idea.title).join('|')}]`;
      default:
        return n.kind;
    }
  });

test('a file that is not an idea file has no tree, not even the template', () => {
  assert.deepEqual(rootNodes({ ...outline, isIdeaFile: false }, byProject), []);
});

test('by project: the template first, every project in order (empty ones too), then the ideas outside projects', () => {
  const roots = rootNodes(outline, byProject);
  assert.deepEqual(labelsOf(roots), [
    'template:CNCF 2019',
    'project:Harbor[Garbage collection|Signed manifests]',
    'project:Empty[]',
    'project:Proxy[Benchmarks]',
    'none:(outside any project)[Stray idea]',
  ]);
  assert.deepEqual(
    roots.map((n) => n.id),
    ['template', 'project:10', 'project:30', 'project:40', 'orphans'],
  );
  const harbor = roots[1];
  assert.ok(harbor?.kind === 'project');
  assert.equal(harbor.line, 10);
  assert.ok(harbor.ideas.every((p) => p.project === 'Harbor'));
});

test('no template in force: no template node', () => {
  const roots = rootNodes({ ...outline, template: null, orphans: undefined }, byProject);
  assert.deepEqual(labelsOf(roots), ['project:Harbor[Garbage collection|Signed manifests]', 'project:Empty[]', 'project:Proxy[Benchmarks]']);
});

test('two projects with the same title keep their own ideas', () => {
  const a = idea('First', 3);
  const b = idea('Second', 8);
  const twins: Outline = { file: 'x', template: null, projects: [{ title: 'Same', line: 1, ideas: [a] }, { title: 'Same', line: 6, ideas: [b] }], isIdeaFile: true };
  assert.deepEqual(labelsOf(rootNodes(twins, byProject)), ['project:Same[First]', 'project:Same[Second]']);
});

test('the filter matches titles, skills, mentor names, handles and emails, case-insensitively', () => {
  const filtered = (filter: string) => labelsOf(rootNodes(outline, { groupBy: 'project', filter }));
  assert.deepEqual(filtered('GARBAGE'), ['template:CNCF 2019', 'project:Harbor[Garbage collection]']);
  assert.deepEqual(filtered('crypto'), ['template:CNCF 2019', 'project:Harbor[Signed manifests]']);
  assert.deepEqual(filtered('jdoe'), ['template:CNCF 2019', 'project:Harbor[Signed manifests]', 'project:Proxy[Benchmarks]']);
  assert.deepEqual(filtered('ravi@'), ['template:CNCF 2019', 'project:Harbor[Garbage collection|Signed manifests]']);
  assert.deepEqual(filtered('  who@EXAMPLE '), ['template:CNCF 2019', 'none:(outside any project)[Stray idea]'], 'trimmed, orphans filtered too');
  assert.deepEqual(filtered('Harbor'), ['template:CNCF 2019'], 'project titles are not matched, and empty projects are hidden');
  assert.deepEqual(filtered('nothing like this'), ['template:CNCF 2019']);
});

test('by mentor: one group per mentor (by handle, case-insensitive), sorted by label (locale order), "(no mentor)" last', () => {
  const noMentor = idea('Unmentored', 25);
  const withDup = idea('Twice Jane', 27, { mentors: [jane, { name: 'J. Doe', handle: 'JDOE' }] });
  const o: Outline = { ...outline, projects: [...outline.projects, { title: 'More', line: 24, ideas: [noMentor, withDup] }] };
  const roots = rootNodes(o, { groupBy: 'mentor', filter: '' });
  assert.deepEqual(labelsOf(roots), [
    'template:CNCF 2019',
    'mentor:Jane Doe (@jdoe)[Signed manifests|Twice Jane|Benchmarks]',
    'mentor:Ravi Kumar (@RKumar)[Garbage collection|Signed manifests]',
    'mentor:who@example.org[Stray idea]', // an email-only mentor is labelled by the email
    'mentor:(no mentor)[Unmentored]',
  ]);
  assert.deepEqual(
    roots.slice(1).map((n) => n.id),
    ['mentor:jdoe', 'mentor:rkumar', 'mentor:who@example.org', 'mentor:'],
  );
});

test('by skill: spellings of one skill (as skill-spelling reads them) are one group under the most used, "(no skills)" last', () => {
  const roots = rootNodes(outline, { groupBy: 'skill', filter: '' });
  assert.deepEqual(labelsOf(roots), [
    'template:CNCF 2019',
    'skill:cryptography[Signed manifests]',
    'skill:Golang[Garbage collection|Signed manifests]',
    'skill:Kubernetes[Garbage collection]',
    'skill:Rust[Stray idea]',
    'skill:(no skills)[Benchmarks]',
  ]);
  // Groups hold ideas in document order (the orphan at line 2 comes before line 12).
  const filtered = rootNodes(outline, { groupBy: 'skill', filter: 'golang' });
  assert.deepEqual(labelsOf(filtered), ['template:CNCF 2019', 'skill:cryptography[Signed manifests]', 'skill:Golang[Garbage collection|Signed manifests]', 'skill:Kubernetes[Garbage collection]']);
});

test('children: projects and groups hold ideas; an idea holds mentors, skills, issue and problems at their lines', () => {
  const [, harbor] = rootNodes(outline, byProject);
  assert.ok(harbor && hasChildren(harbor));
  const ideas = childNodes(harbor);
  assert.deepEqual(ideas.map((n) => n.id), ['project:10/idea:12', 'project:10/idea:20']);
  const [gcNode, signedNode] = ideas;
  assert.ok(gcNode?.kind === 'idea' && signedNode?.kind === 'idea');
  assert.ok(hasChildren(gcNode));

  const gcDetails = childNodes(gcNode);
  assert.deepEqual(
    gcDetails.map((n) => [n.kind, n.id, 'line' in n ? n.line : undefined]),
    [
      ['mentor', 'project:10/idea:12/mentor:0', 15],
      ['skills', 'project:10/idea:12/skills', 14],
      ['issue', 'project:10/idea:12/issue:0', 16],
    ],
    'no problems node when every count is 0',
  );
  assert.ok(gcDetails.every((n) => !hasChildren(n) && childNodes(n).length === 0));

  // Without field lines, details point at the idea's heading.
  const signedDetails = childNodes(signedNode);
  assert.deepEqual(
    signedDetails.map((n) => [n.kind, 'line' in n ? n.line : undefined]),
    [['mentor', 20], ['mentor', 20], ['skills', 20], ['problems', 20]],
  );
  const problems = signedDetails.at(-1);
  assert.ok(problems?.kind === 'problems');
  assert.equal(problems.summary, '2 errors, 1 warning');
  assert.equal(problems.severity, 'error');

  const [template] = rootNodes(outline, byProject);
  assert.ok(template && !hasChildren(template));
  assert.deepEqual(childNodes(template), []);
});

test('problem counts: summary text and the worst severity (the icon)', () => {
  assert.equal(problemSummary(idea('x', 0)), '');
  assert.equal(worstSeverity(idea('x', 0)), undefined, 'no counts: the plain idea icon');
  const counts = (error: number, warning: number, info: number) => idea('x', 0, { problems: { error, warning, info } });
  assert.equal(problemSummary(counts(0, 0, 0)), '');
  assert.equal(worstSeverity(counts(0, 0, 0)), undefined);
  assert.equal(problemSummary(counts(1, 0, 0)), '1 error');
  assert.equal(problemSummary(counts(0, 2, 0)), '2 warnings');
  assert.equal(problemSummary(counts(0, 1, 1)), '1 warning, 1 info');
  assert.equal(problemSummary(counts(3, 1, 2)), '3 errors, 1 warning, 2 info');
  assert.equal(worstSeverity(counts(3, 1, 2)), 'error');
  assert.equal(worstSeverity(counts(0, 1, 2)), 'warning');
  assert.equal(worstSeverity(counts(0, 0, 2)), 'info');
});

test('mentor and issue labels', () => {
  assert.equal(mentorLabel({ name: 'Jane Doe', handle: 'jdoe' }), 'Jane Doe (@jdoe)');
  assert.equal(mentorLabel({ handle: 'jdoe', email: 'j@example.org' }), '@jdoe');
  assert.equal(mentorLabel({ name: 'Jane Doe', email: 'j@example.org' }), 'Jane Doe');
  assert.equal(mentorLabel({ email: 'j@example.org' }), 'j@example.org');
  assert.equal(mentorLabel({}), '(unnamed mentor)');
  assert.equal(issueLabel({ url: 'https://github.com/o/r/issues/7', owner: 'o', repo: 'r', number: 7 }), 'o/r#7');
  assert.equal(issueLabel({ url: 'https://github.com/o/r/issues/0', owner: 'o', repo: 'r', number: 0 }), 'o/r#0', 'issue number 0 is a number');
  assert.equal(issueLabel({ url: 'https://example.org/rfc/12' }), 'https://example.org/rfc/12');
});

test('copy range: an idea ends at the next heading of any idea or project, the last one at the end of the file', () => {
  const placed = placeIdeas(outline, 50);
  assert.deepEqual(
    placed.map((p) => [p.idea.title, p.project, p.idea.line, p.endLine]),
    [
      ['Stray idea', undefined, 2, 10], // up to project Harbor
      ['Garbage collection', 'Harbor', 12, 20],
      ['Signed manifests', 'Harbor', 20, 30], // up to the empty project
      ['Benchmarks', 'Proxy', 42, 50],
    ],
  );
  assert.equal(placeIdeas(outline).at(-1)?.endLine, Number.MAX_SAFE_INTEGER, 'without a line count the last idea runs to the end');
});

test('with the real parser: each copy range is exactly its idea, and the tree groups the parsed ideas', () => {
  const lines = [
    'Project Ideas', //                                    0
    '=============',
    '',
    '### Harborline', //                                    3
    '',
    'A registry mirror.',
    '',
    '#### Garbage collection for layers', //                7
    '',
    '-\tDescription: Deleted images leave layers on disk.',
    '-\tRecommended Skills: Golang, storage',
    '-\tMentor(s): Ravi Kumar (@rkumar)',
    '-\tIssue: https://github.com/harborline/harborline/issues/128',
    '',
    '#### Signed manifests 🔏', //                          14
    '',
    '-\tDescription: Keep signatures on mirrored images.',
    '-\tRecommended Skills: golang, cryptography',
    '-\tMentor(s): Jane Doe (@jdoe)',
    '-\tIssue: https://github.com/harborline/harborline/issues/131',
    '',
    '### Tideway', //                                       21
    '',
    '#### Retry budgets per route', //                      23
    '',
    '-\tDescription: Bound retries per route.',
    '-\tRecommended Skills: Rust',
    '-\tMentor(s): Jane Doe (@jdoe), Ana Souza (@asouza)',
    '-\tIssue: https://github.com/tideway/tideway/issues/9',
  ];
  for (const eol of ['\n', '\r\n']) {
    const text = lines.join(eol) + eol;
    const parsed = buildOutline('file:///ideas.md', parseDocument(text), null);
    assert.equal(parsed.isIdeaFile, true);
    const lineCount = text.split(/\r?\n/).length;
    const placed = placeIdeas(parsed, lineCount);
    assert.deepEqual(
      placed.map((p) => [p.idea.title, p.project, p.idea.line, p.endLine]),
      [
        ['Garbage collection for layers', 'Harborline', 7, 14],
        ['Signed manifests 🔏', 'Harborline', 14, 21],
        ['Retry budgets per route', 'Tideway', 23, lineCount],
      ],
      `line ends ${JSON.stringify(eol)}`,
    );
    const copied = (i: number) => lines.slice(placed[i]?.idea.line, placed[i]?.endLine).join('\n').trimEnd();
    assert.match(copied(0), /^#### Garbage collection for layers\n[\s\S]*issues\/128$/);
    assert.match(copied(1), /^#### Signed manifests 🔏\n[\s\S]*issues\/131$/);
    assert.ok(!copied(1).includes('Tideway'), 'a copy stops before the next project');

    assert.deepEqual(labelsOf(rootNodes(parsed, { groupBy: 'mentor', filter: '' })), [
      'mentor:Ana Souza (@asouza)[Retry budgets per route]',
      'mentor:Jane Doe (@jdoe)[Signed manifests 🔏|Retry budgets per route]',
      'mentor:Ravi Kumar (@rkumar)[Garbage collection for layers]',
    ]);
    const [harborline] = rootNodes(parsed, byProject);
    assert.ok(harborline);
    const [gcNode] = childNodes(harborline);
    assert.ok(gcNode?.kind === 'idea');
    assert.deepEqual(
      childNodes(gcNode).map((n) => [n.kind, 'line' in n ? n.line : undefined]),
      [['mentor', 11], ['skills', 10], ['issue', 12]],
      'details point at their field lines',
    );
  }
});

test('by skill: `Golang.`, `golang` and `Golang` are one group, labelled as most ideas write it', () => {
  const ideas = [
    idea('A', 3, { skills: ['Golang.'] }),
    idea('B', 5, { skills: ['golang'] }),
    idea('C', 7, { skills: ['Golang'] }),
    idea('D', 9, { skills: ['Golang', 'Rust'] }),
  ];
  const roots = rootNodes({ ...outline, projects: [{ title: 'P', line: 1, ideas }], orphans: [] }, { groupBy: 'skill', filter: '' });
  assert.deepEqual(labelsOf(roots), ['template:CNCF 2019', 'skill:Golang[A|B|C|D]', 'skill:Rust[D]']);
});

test('by project: sub-projects and themes nest (### Kubernetes › #### Headlamp › idea), in file order', () => {
  const ideas = [
    idea('Top idea', 3),
    idea('Plugin API', 6, { path: ['Headlamp'] }),
    idea('Kind CLI', 9, { path: ['Kind', 'CLI'] }),
    idea('Dark theme', 12, { path: ['Headlamp'] }),
  ];
  const [, project] = rootNodes({ ...outline, projects: [{ title: 'Kubernetes', line: 1, ideas }], orphans: [] }, byProject);
  const describe = (node: TreeNode): string =>
    node.kind === 'section' ? `${node.title}{${childNodes(node).map(describe).join(', ')}}` : node.kind === 'idea' ? node.placed.idea.title : node.kind;
  assert.deepEqual(childNodes(project!).map(describe), ['Top idea', 'Headlamp{Plugin API, Dark theme}', 'Kind{CLI{Kind CLI}}']);
  assert.ok(hasChildren(childNodes(project!)[1]!));
});

test('workspace scope: a root per idea file by its path; by mentor, groups across the files (the counts hover gives)', () => {
  const other: Outline = {
    file: 'file:///ws/2025/README.md',
    template: TEMPLATE,
    projects: [{ title: 'Harbor', line: 3, ideas: [idea('Replication', 12, { mentors: [{ name: 'Jane Doe', handle: 'JDoe' }], problems: { error: 1, warning: 0, info: 0 } })] }],
    isIdeaFile: true,
  };
  const files: WorkspaceOutlineFile[] = [
    { uri: other.file, path: '2025/README.md', outline: other },
    { uri: outline.file, path: 'ideas.md', outline },
  ];
  const roots = workspaceRootNodes(files, byProject);
  assert.deepEqual(
    roots.map((n) => (n.kind === 'file' ? [n.file.path, n.ideas] : n.kind)),
    [
      ['2025/README.md', 1],
      ['ideas.md', 4],
    ],
  );
  // Below a file: its own tree, ids kept apart from the other file's.
  const [first, second] = roots;
  assert.ok(first && second && hasChildren(first));
  assert.deepEqual(labelsOf(childNodes(first)), ['template:CNCF 2019', 'project:Harbor[Replication]']);
  assert.deepEqual(labelsOf(childNodes(second)), labelsOf(rootNodes(outline, byProject)));
  const ids = [...childNodes(first), ...childNodes(second)].map((n) => n.id);
  assert.equal(new Set(ids).size, ids.length, 'unique ids across files');
  const [, harbor] = childNodes(first);
  const [replication] = childNodes(harbor!);
  assert.ok(replication?.kind === 'idea');
  assert.equal(replication.placed.uri, other.file, 'an idea knows its file (Go to line opens it)');
  assert.ok(childNodes(replication).every((n) => 'uri' in n && n.uri === other.file));

  // By mentor: Jane Doe mentors one idea in 2025/README.md and two in ideas.md: one group of 3.
  const byMentor = workspaceRootNodes(files, { groupBy: 'mentor', filter: '' });
  const janeGroup = byMentor.find((n) => n.kind === 'group' && /Jane Doe/.test(n.label));
  assert.ok(janeGroup?.kind === 'group');
  assert.deepEqual(janeGroup.ideas.map((p) => p.idea.title).sort(), ['Benchmarks', 'Replication', 'Signed manifests']);
  const groupIds = childNodes(janeGroup).map((n) => n.id);
  assert.equal(new Set(groupIds).size, 3);
  assert.ok(groupIds.some((id) => id.includes(other.file)), 'ideas of several files: the file is in the id');

  // The filter hides files with no matching idea.
  assert.deepEqual(
    workspaceRootNodes(files, { groupBy: 'project', filter: 'replication' }).map((n) => (n.kind === 'file' ? n.file.path : n.kind)),
    ['2025/README.md'],
  );
});
