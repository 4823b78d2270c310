import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findColumns,
  handleOf,
  loadMaintainers,
  maintainersOf,
  parseCsv,
  parseMaintainers,
  projectsNamed,
  standingOf,
  type MaintainersList,
} from '../../server/src/engine/config/maintainers';
import { loadConfig } from '../../server/src/engine/config/configFile';
import type { Host } from '../../server/src/engine/host';

const listOf = (text: string, uri = 'file:///w/m.csv'): MaintainersList => {
  const load = parseMaintainers(text, uri);
  if ('problem' in load) throw new Error(load.problem);
  return load.list;
};

test('CSV: quoted fields hold commas, line breaks and doubled quotes (RFC 4180)', () => {
  const { rows } = parseCsv('a,"b, c","say ""hi""",d\n"multi\nline",x,,\n');
  assert.deepEqual(rows, [
    ['a', 'b, c', 'say "hi"', 'd'],
    ['multi\nline', 'x', '', ''],
  ]);
});

test('CSV: CRLF, LF and CR end records; a BOM is dropped; blank lines are no records; no final line break', () => {
  assert.deepEqual(parseCsv('\uFEFFh1,h2\r\n1,2\r\n\r\n3,"4\r\n5"\r6,7').rows, [
    ['h1', 'h2'],
    ['1', '2'],
    ['3', '4\r\n5'],
    ['6', '7'],
  ]);
});

test('CSV: a quote inside an unquoted field is kept; text after a closing quote too; an unclosed quote is told with its line', () => {
  assert.deepEqual(parseCsv('5" disk,"a"b,c\n').rows, [['5" disk', 'ab', 'c']]);
  assert.deepEqual(parseCsv('p,h\nA,x\nB,"open\nstill\n').unterminatedAt, 3);
  assert.deepEqual(parseCsv('').rows, []);
  assert.deepEqual(parseCsv(',\n').rows, [['', '']]);
});

test('CSV: linear on a long quoted field and many rows', () => {
  const big = `p,h\n"${'x""'.repeat(200_000)}",y\n${'A,b\n'.repeat(200_000)}`;
  const { rows } = parseCsv(big);
  assert.equal(rows.length, 200_002);
  assert.equal(rows[1]![0]!.length, 400_000);
});

test("columns are found by their headers' names, in any case and order", () => {
  assert.deepEqual(findColumns(['', 'Project', 'Maintainer Name', 'Company', 'Github Name', 'OWNERS/MAINTAINERS']), { project: 1, handle: 4, name: 2 });
  assert.deepEqual(findColumns(['GITHUB', 'name', 'PROJECT']), { project: 2, handle: 0, name: 1 });
  assert.deepEqual(findColumns(['Project Name', 'GitHub handle', 'Full name', 'Company name']), { project: 0, handle: 1, name: 2 });
  assert.deepEqual(findColumns(['Company', 'Email']), {});
});

test('handles as lists write them', () => {
  assert.equal(handleOf(' @Jane-Doe '), 'Jane-Doe');
  assert.equal(handleOf('https://github.com/jane/'), 'jane');
  assert.equal(handleOf('not a handle'), undefined);
  assert.equal(handleOf(''), undefined);
});

test("CNCF's layout: the project on its block's first row only, blank cells continue it", () => {
  const list = listOf(
    [
      ',Project,Maintainer Name,Company,Github Name,OWNERS/MAINTAINERS',
      'Graduated,Kubernetes steering,Antonio Ojea,Google,aojea,https://git.k8s.io/steering#members',
      ',,Benjamin Elder,Google,BenTheElder,',
      ',Kubernetes maintainers,Adolfo García Veytia,"Carabiner Systems, Inc",puerco,',
      ',,,,,',
      ',,Paco Xu 徐俊杰,DaoCloud,pacoxu,',
      'Incubating,Envoy: Gateway (non-voting),Arko Dasgupta,Tetrate,arkodg,',
      ',TUF (The Update Framework),Justin Cappos,NYU,JustinCappos,',
      ',ChaosMesh,Cwen Yin,PingCAP,cwen0708,',
    ].join('\r\n'),
  );
  assert.deepEqual(
    list.projects.map((p) => [p.name, p.maintainers.map((m) => m.handle)]),
    [
      ['Kubernetes steering', ['aojea', 'BenTheElder']],
      ['Kubernetes maintainers', ['puerco', 'pacoxu']],
      ['Envoy: Gateway (non-voting)', ['arkodg']],
      ['TUF (The Update Framework)', ['JustinCappos']],
      ['ChaosMesh', ['cwen0708']],
    ],
  );
  const named = (heading: string) => projectsNamed(list, heading).map((i) => list.projects[i]!.name);
  assert.deepEqual(named('Kubernetes'), ['Kubernetes steering', 'Kubernetes maintainers']);
  assert.deepEqual(named('kubernetes steering'), ['Kubernetes steering']);
  assert.deepEqual(named('Envoy'), ['Envoy: Gateway (non-voting)']);
  assert.deepEqual(named('The Update Framework (TUF)'), ['TUF (The Update Framework)']);
  assert.deepEqual(named('TUF'), ['TUF (The Update Framework)']);
  assert.deepEqual(named('Chaos Mesh'), ['ChaosMesh']);
  assert.deepEqual(named('Kubernetes and Chaos-Mesh'), ['Kubernetes steering', 'Kubernetes maintainers', 'ChaosMesh']);
  // Not a name of the list: nothing (no partial word, no longer name).
  assert.deepEqual(named('Kube'), []);
  assert.deepEqual(named('Kubernetes SIG Network'), []);
  assert.deepEqual(named('OVN'), []);

  const k8s = maintainersOf(list, ['Kubernetes'])!;
  assert.equal(k8s.count, 4);
  assert.deepEqual(k8s.named, ['Kubernetes']);
  assert.deepEqual(standingOf(k8s, { handle: 'PUERCO' }), { kind: 'listed', as: { name: 'Adolfo García Veytia', handle: 'puerco' }, by: 'handle' });
  // By name: accents and case do not matter, nor a name written with fewer words.
  assert.equal(standingOf(k8s, { name: 'Adolfo Garcia Veytia' }).kind, 'listed');
  assert.deepEqual(standingOf(k8s, { name: 'Paco Xu', handle: 'paco-work' }), { kind: 'listed', as: { name: 'Paco Xu 徐俊杰', handle: 'pacoxu' }, by: 'name', sameWords: false });
  assert.deepEqual(standingOf(k8s, { name: 'benjamin  ELDER', handle: 'ben' }), { kind: 'listed', as: { name: 'Benjamin Elder', handle: 'BenTheElder' }, by: 'name', sameWords: true });
  assert.equal(standingOf(k8s, { name: 'Paco' }).kind, 'not-listed');
  assert.equal(standingOf(k8s, { name: 'Arko Dasgupta', handle: 'arkodg' }).kind, 'not-listed');
  assert.equal(maintainersOf(list, ['Participating Projects', 'Linkerd']), undefined);
  assert.deepEqual(maintainersOf(list, ['Participating Projects', 'Chaos Mesh'])!.named, ['Chaos Mesh']);
});

test('a list is read through the host: once per text, a missing or refused file is a reason', async () => {
  let reads = 0;
  const files: Record<string, string> = { 'file:///w/m.csv': 'Project,GitHub\nAlpha,jane\n' };
  const host: Host = {
    readFile: async (uri) => {
      reads++;
      if (uri.endsWith('big.csv')) return { unreadable: 'too large (17 MB, limit 16 MB)' };
      if (uri.endsWith('fifo.csv')) return { unreadable: 'not a regular file' };
      return files[uri];
    },
  };
  const a = await loadMaintainers(host, 'file:///w/m.csv');
  const b = await loadMaintainers(host, 'file:///w/m.csv');
  assert.ok('list' in a && 'list' in b && a.list === b.list, 'the same text is parsed once');
  files['file:///w/m.csv'] = 'Project,GitHub\nAlpha,john\n';
  const c = await loadMaintainers(host, 'file:///w/m.csv');
  assert.ok('list' in c && 'list' in a && c.list.version !== a.list.version);
  assert.deepEqual(await loadMaintainers(host, 'file:///w/gone.csv'), { problem: 'gone.csv was not found' });
  assert.deepEqual(await loadMaintainers(host, 'file:///w/big.csv'), { problem: 'big.csv is too large (17 MB, limit 16 MB)' });
  assert.deepEqual(await loadMaintainers(host, 'file:///w/fifo.csv'), { problem: 'fifo.csv is not a regular file' });
  assert.ok(reads >= 5);
  const throwing: Host = { readFile: async () => { throw new Error('EIO'); } };
  assert.deepEqual(await loadMaintainers(throwing, 'file:///w/m.csv'), { problem: 'm.csv was not found' });
});

test('JSON and YAML lists: bounded, and a bad one is a reason, never a throw', () => {
  const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
  const jsonDeep = parseMaintainers(deep, 'file:///w/m.json');
  assert.ok('problem' in jsonDeep && /not valid JSON \(Nesting too deep/.test(jsonDeep.problem), JSON.stringify(jsonDeep));
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
  const yamlBomb = parseMaintainers(bomb, 'file:///w/m.yaml');
  assert.ok('problem' in yamlBomb, 'an alias bomb is refused');
  const notYaml = parseMaintainers('a: [unclosed', 'file:///w/m.yml');
  assert.ok('problem' in notYaml && notYaml.problem.startsWith('it is not valid YAML'));
  const scalar = parseMaintainers('"just a string"', 'file:///w/m.json');
  assert.deepEqual(scalar, { problem: 'it is neither a list of rows nor a map from project to maintainers' });
  const wrapped = listOf(JSON.stringify({ projects: [{ project: 'Alpha', github: 'jane' }] }), 'file:///w/m.json');
  assert.deepEqual(wrapped.projects, [{ name: 'Alpha', maintainers: [{ handle: 'jane' }] }]);
  const nested = listOf('Alpha:\n  maintainers:\n    - "@jane"\n', 'file:///w/m.yaml');
  assert.deepEqual(nested.projects, [{ name: 'Alpha', maintainers: [{ handle: 'jane' }] }]);
  assert.ok('list' in parseMaintainers('Project\tGitHub\nAlpha\tjane\n', 'file:///w/m.tsv'));
});

test('the config names the list relative to itself; loadConfig reads it', async () => {
  const files: Record<string, string> = {
    'file:///w/.soc-ideas.json': '{ "maintainers": "lists/m.csv" }',
    'file:///w/lists/m.csv': 'Project,GitHub\nAlpha,jane\n',
  };
  const host: Host = { readFile: async (uri) => files[uri] };
  const loaded = await loadConfig('file:///w/sub/ideas.md', host);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.config.maintainers, 'lists/m.csv');
  assert.equal(loaded.maintainers?.uri, 'file:///w/lists/m.csv');
  assert.equal(loaded.maintainers?.fileName, 'm.csv');
});

test('hover on a mentor says what the list says, inside the one mentor hover', async () => {
  const { checkDocument } = await import('../../server/src/engine/check');
  const { hoverAt } = await import('../../server/src/engine/features/hover');
  const { singleDocumentVocabulary } = await import('../../server/src/engine/workspace/workspace');
  const text = [
    '### Alpha',
    '',
    '#### Docs',
    '',
    '- Description: d',
    '- Recommended Skills: Go',
    '- Mentor(s): Jane Doe (@jane-work), Sam Poe (@sam-poe), Ann Roe (@ann)',
    '- Issue: https://github.com/a/a/issues/1',
    '',
    '### Omega',
    '',
    '#### Other',
    '',
    '- Description: d',
    '- Recommended Skills: Go',
    '- Mentor(s): Sam Poe (@sam-poe)',
    '- Issue: https://github.com/a/a/issues/2',
    '',
  ].join('\n');
  const files: Record<string, string> = {
    'file:///w/.soc-ideas.json': '{ "template": "cncf-2019", "maintainers": "m.csv" }',
    'file:///w/m.csv': 'Project,Name,GitHub\nAlpha,Jane Doe,jane-doe\n,Ann Roe,ann\nBeta,Sam Poe,sam-poe\n',
  };
  const r = await checkDocument({ uri: 'file:///w/ideas.md', text, host: { readFile: async (u) => files[u] } });
  const maintainers = r.config.maintainers!;
  assert.ok(maintainers);
  const at = (needle: string, from = 0) =>
    hoverAt({ doc: r.doc, offset: text.indexOf(needle, from) + 2, resolved: r.resolved, workspace: singleDocumentVocabulary('file:///w/ideas.md', r.doc), maintainers })!.markdown;
  const jane = at('Jane Doe');
  assert.match(jane, /^\*\*Jane Doe\*\*\n\nGitHub: \[@jane-work\]/);
  assert.match(jane, /Maintainers: Jane Doe is a maintainer of Alpha \(Alpha\) per m\.csv, as @jane-doe, not @jane-work/);
  assert.match(at('Ann Roe'), /Maintainers: a maintainer of Alpha \(Alpha\) per m\.csv$/m);
  assert.match(at('Sam Poe'), /Maintainers: not listed among the maintainers of Alpha \(Alpha\) in m\.csv \(2 listed\); listed for Beta/);
  assert.match(at('Sam Poe', text.indexOf('### Omega')), /Maintainers: m\.csv lists no project named Omega/);
  // Without a list, no such line.
  const none = hoverAt({ doc: r.doc, offset: text.indexOf('Jane Doe') + 2, resolved: r.resolved, workspace: singleDocumentVocabulary('file:///w/ideas.md', r.doc) })!.markdown;
  assert.doesNotMatch(none, /Maintainers:/);
  // The rule agrees with the hover: Sam Poe is not listed for Alpha, Jane Doe is, under another handle.
  assert.deepEqual(
    r.findings.filter((f) => f.rule === 'mentor-maintainer').map((f) => text.slice(f.span.start, f.span.end)),
    ['Jane Doe (@jane-work)', 'Sam Poe (@sam-poe)'],
  );
});
