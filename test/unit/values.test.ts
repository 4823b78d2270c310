import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mentor } from '../../server/src/engine/parse/model';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { classifyUrl, findEmail, isPersonName, isValidHandle, skillName } from '../../server/src/engine/parse/values';

function ideaOf(field: string) {
  const doc = parseDocument(`### Project\n\n#### Idea\n\n- Description: something\n${field}\n- Issue: https://github.com/o/r/issues/1\n`);
  const idea = doc.ideas[0];
  assert.ok(idea, 'an idea');
  return { doc, idea };
}

function mentorsOf(value: string): Array<Pick<Mentor, 'form' | 'name' | 'handle' | 'email'>> {
  const { doc, idea } = ideaOf(`- Mentor(s): ${value}`);
  // every span points at the entry's own text
  for (const m of idea.mentors) assert.equal(doc.text.slice(m.span.start, m.span.end), m.raw);
  return idea.mentors.map(({ form, name, handle, email }) => ({
    form,
    ...(name !== undefined ? { name } : {}),
    ...(handle !== undefined ? { handle } : {}),
    ...(email !== undefined ? { email } : {}),
  }));
}

// One case per row of the census table "Mentor formats".
const MENTOR_FORMS: Array<[string, ReturnType<typeof mentorsOf>]> = [
  ['Stefan Schimanski (@sttts)', [{ form: 'name-handle', name: 'Stefan Schimanski', handle: 'sttts' }]],
  ['Bill Mulligan (@xmulligan, bill@isovalent.com)', [{ form: 'name-handle-email', name: 'Bill Mulligan', handle: 'xmulligan', email: 'bill@isovalent.com' }]],
  ['[Craig Tiller](https://github.com/ctiller)', [{ form: 'link', name: 'Craig Tiller', handle: 'ctiller' }]],
  ['Yong Tang @yongtang (yong.tang@example.com)', [{ form: 'other', name: 'Yong Tang', handle: 'yongtang', email: 'yong.tang@example.com' }]],
  // A Twitter handle is not a GitHub one.
  ['Lee Calcote ([@lcalcote](https://twitter.com/lcalcote))', [{ form: 'other', name: 'Lee Calcote' }]],
  ['Peter Portante', [{ form: 'name', name: 'Peter Portante' }]],
  ['@ynli', [{ form: 'handle', handle: 'ynli' }]],
  ['[@kakkoyun](https://github.com/kakkoyun)', [{ form: 'link-handle', handle: 'kakkoyun' }]],
  [
    'John Ericson (@Ericson2314, gsoc AT johnericson DOT me)',
    [{ form: 'name-handle-email', name: 'John Ericson', handle: 'Ericson2314', email: 'gsoc AT johnericson DOT me' }],
  ],
  ['Aleksander Slominski @aslom', [{ form: 'other', name: 'Aleksander Slominski', handle: 'aslom' }]],
  ['Ashish Tiwari, ashish@example.com', [{ form: 'other', name: 'Ashish Tiwari', email: 'ashish@example.com' }]],
  ['[Brad McCoy](https://github.com/bradmccoydev) brad@example.com', [{ form: 'other', name: 'Brad McCoy', handle: 'bradmccoydev', email: 'brad@example.com' }]],
  ['@Vad1mo - Vadim Bauer', [{ form: 'other', name: 'Vadim Bauer', handle: 'Vad1mo' }]],
  ['Wang Xiang (@[WangXiangUSTC](https://github.com/WangXiangUSTC))', [{ form: 'other', name: 'Wang Xiang', handle: 'WangXiangUSTC' }]],
  ['[Thomas Rampelberg](https://twitter.com/grampelberg) (@grampelberg)', [{ form: 'other', name: 'Thomas Rampelberg', handle: 'grampelberg' }]],
  ['Andy Zhang [@andyzhangx](https://github.com/andyzhangx)', [{ form: 'other', name: 'Andy Zhang', handle: 'andyzhangx' }]],
  ['Kevin Hannon, @kannon92, kannon@example.com', [{ form: 'other', name: 'Kevin Hannon', handle: 'kannon92', email: 'kannon@example.com' }]],
  ['Ron Minnich (https://github.com/rminnich)', [{ form: 'other', name: 'Ron Minnich' }]],
  [
    'Sedef Savas (@sedefsavas) Richard Case (@richcase)',
    [
      { form: 'name-handle', name: 'Sedef Savas', handle: 'sedefsavas' },
      { form: 'name-handle', name: 'Richard Case', handle: 'richcase' },
    ],
  ],
  [
    'Ria Bhatia (rbitia), Brian Goff (cpuguy83)',
    [
      { form: 'name-bare-handle', name: 'Ria Bhatia', handle: 'rbitia' },
      { form: 'name-bare-handle', name: 'Brian Goff', handle: 'cpuguy83' },
    ],
  ],
  ['Yash Sharma (yash@example.com)', [{ form: 'other', name: 'Yash Sharma', email: 'yash@example.com' }]],
  ['Sagar Utekar (@named_uttu)', [{ form: 'name-handle', name: 'Sagar Utekar', handle: 'named_uttu' }]],
  ['Barun Acharya(daemon1024, barun AT example DOT com)', [{ form: 'other', name: 'Barun Acharya', handle: 'daemon1024', email: 'barun AT example DOT com' }]],
  ['Juan Bustamante (juan@example.com, @jjbustamante)', [{ form: 'other', name: 'Juan Bustamante', handle: 'jjbustamante', email: 'juan@example.com' }]],
  [
    'Tim Hinrichs (@timothyhinrichs) and Torin Sandall (@tsandall)',
    [
      { form: 'name-handle', name: 'Tim Hinrichs', handle: 'timothyhinrichs' },
      { form: 'name-handle', name: 'Torin Sandall', handle: 'tsandall' },
    ],
  ],
  [
    '@HundunDM @breeswish',
    [
      { form: 'handle', handle: 'HundunDM' },
      { form: 'handle', handle: 'breeswish' },
    ],
  ],
  ['[Vijay Pai](https://github.com/vjpai).', [{ form: 'link', name: 'Vijay Pai', handle: 'vjpai' }]],
];

for (const [value, expected] of MENTOR_FORMS) {
  test(`mentors: ${value}`, () => {
    assert.deepEqual(mentorsOf(value), expected);
  });
}

test('mentors: sub-list entries and roles', () => {
  const { idea } = ideaOf('- Mentor(s):\n  - Jane Doe (@jane-doe, jane@example.org) - primary\n  - John Roe (@jroe, john@example.org)');
  assert.deepEqual(
    idea.mentors.map((m) => [m.form, m.handle, m.role]),
    [
      ['name-handle-email', 'jane-doe', 'primary'],
      ['name-handle-email', 'jroe', undefined],
    ],
  );
});

test('isValidHandle: GitHub rules', () => {
  for (const ok of ['a', 'jane-doe', 'Ericson2314', 'x'.repeat(39)]) assert.ok(isValidHandle(ok), ok);
  for (const bad of ['', 'named_uttu', '-jane', 'jane-', 'jo--ann', 'x'.repeat(40), 'vladimir.v.diaz']) assert.ok(!isValidHandle(bad), bad);
});

test('isPersonName and findEmail', () => {
  assert.ok(isPersonName('Iago López Galeiras'));
  assert.ok(isPersonName("Chris O'Haver"));
  assert.ok(!isPersonName('Mentor(s): Yi Zha'));
  assert.equal(findEmail('x AT example DOT org'), 'x AT example DOT org');
  assert.equal(findEmail('hydai[at]secondstate.io'), 'hydai[at]secondstate.io');
  assert.equal(findEmail('no email here'), undefined);
});

function skillsOf(value: string) {
  const { doc, idea } = ideaOf(`- Recommended Skills: ${value}`);
  for (const s of idea.skills) assert.equal(doc.text.slice(s.span.start, s.span.end), s.raw);
  return idea.skills.map((s) => s.name);
}

test('skills: split on commas, semicolons, "and", "&", and full stops between words', () => {
  assert.deepEqual(skillsOf('golang, kubernetes, kubeflow'), ['golang', 'kubernetes', 'kubeflow']);
  assert.deepEqual(skillsOf('Go and Linux'), ['Go', 'Linux']);
  assert.deepEqual(skillsOf('Kubernetes, Golang. networking'), ['Kubernetes', 'Golang', 'networking']);
  assert.deepEqual(skillsOf('Golang.'), ['Golang']);
  assert.deepEqual(skillsOf('Rust; C & C++'), ['Rust', 'C', 'C++']);
  assert.deepEqual(skillsOf('Java, IntelliJ (not required, but nice to have)'), ['Java', 'IntelliJ (not required, but nice to have)']);
  assert.deepEqual(skillsOf('C++/Java/Rust, gRPC'), ['C++/Java/Rust', 'gRPC']);
});

test('skillName strips markup and trailing punctuation', () => {
  assert.equal(skillName('**Go**'), 'Go');
  assert.equal(skillName('[Rust](https://www.rust-lang.org)'), 'Rust');
  assert.equal(skillName('Golang.'), 'Golang');
});

test('issue URLs are classified', () => {
  assert.deepEqual(classifyUrl('https://github.com/rook/rook/issues/1981'), { kind: 'issue', owner: 'rook', repo: 'rook', number: 1981 });
  assert.deepEqual(classifyUrl('https://github.com/rook/rook/pull/7'), { kind: 'pull', owner: 'rook', repo: 'rook', number: 7 });
  assert.equal(classifyUrl('https://github.com/prometheus/prombench/issues').kind, 'issue-list');
  assert.equal(classifyUrl('https://github.com/rook/rook/issues?q=is%3Aopen').kind, 'issue-list');
  assert.equal(classifyUrl('https://github.com/o/r/milestone/3').kind, 'issue-list');
  assert.equal(classifyUrl('https://github.com/Mastercard/Kruise-API').kind, 'repo');
  assert.equal(classifyUrl('https://github.com/o/r/blob/main/tap8.md').kind, 'github-other');
  assert.equal(classifyUrl('https://github.com/search?q=Harbor').kind, 'github-other');
  assert.equal(classifyUrl('https://docs.google.com/document/d/abc').kind, 'url');
});

test('issues: links found in every shape, with spans on the URL', () => {
  const parsed = parseDocument(
    '### P\n\n#### I\n\n- Description: x\n- Issue: [#1809](https://github.com/rook/rook/issues/1809), <https://github.com/rook/rook/issues/2>, https://github.com/rook/rook/issues/3.\n',
  );
  const issues = parsed.ideas[0]!.issues;
  assert.deepEqual(issues.map((i) => i.number), [1809, 2, 3]);
  for (const i of issues) assert.equal(parsed.text.slice(i.span.start, i.span.end), i.url);
});

test('mentors: a role or note before or after the entry is kept apart from the name', () => {
  const { idea } = ideaOf(
    '- Mentor(s):\n  - Primary: [Nick Young](https://github.com/youngnick)\n  - Ana Ruiz (@ana-ruiz) (co-mentor)\n  - Li Wei (@li-wei, li@x.org) from the storage team\n  - Tim Hill (@timhill) - backup mentor',
  );
  assert.deepEqual(
    idea.mentors.map((m) => [m.name, m.handle, m.role]),
    [
      ['Nick Young', 'youngnick', 'primary'],
      ['Ana Ruiz', 'ana-ruiz', 'co-mentor'],
      ['Li Wei', 'li-wei', 'from the storage team'],
      ['Tim Hill', 'timhill', 'backup'],
    ],
  );
});

test('mentors: one sub-list entry is one mentor, a comma in the name notwithstanding', () => {
  const { idea } = ideaOf('- Mentor(s):\n  - Nguyen, Van An (@vanan, vanan@example.org)\n  - Jane Doe (@jane), John Roe (@john)');
  assert.deepEqual(
    idea.mentors.map((m) => m.handle),
    ['vanan', 'jane', 'john'],
  );
  assert.equal(idea.mentors[0]!.email, 'vanan@example.org');
});

test('mentors: handles without @, a full stop after an email, full-width commas', () => {
  const { idea } = ideaOf(
    '- Mentor(s): Michi Mutsuzaki, michi-covalent, michi@isovalent.com. Kornilios Kourtis, kkourt, kornilios@isovalent.com',
  );
  assert.deepEqual(
    idea.mentors.map((m) => [m.name, m.handle, m.email]),
    [
      ['Michi Mutsuzaki', 'michi-covalent', 'michi@isovalent.com'],
      ['Kornilios Kourtis', 'kkourt', 'kornilios@isovalent.com'],
    ],
  );
  const wide = ideaOf('- Mentor(s): [Chauncey Jiang](https://github.com/chaunceyjiang/)，[Yunkang Ren](https://github.com/renyunkang)').idea;
  assert.deepEqual(wide.mentors.map((m) => m.handle), ['chaunceyjiang', 'renyunkang']);
  const inLink = ideaOf('- Mentor(s): [Adam Gardner (adam at agardner dot net)](https://github.com/agardnerit)').idea;
  assert.deepEqual(inLink.mentors.map((m) => [m.name, m.handle, m.email]), [['Adam Gardner', 'agardnerit', 'adam at agardner dot net']]);
  // A capitalised single word after a name is a second mentor's name, not a handle.
  const two = ideaOf('- Mentor(s): Jane Doe, Bob').idea;
  assert.deepEqual(two.mentors.map((m) => [m.name, m.handle]), [['Jane Doe', undefined], ['Bob', undefined]]);
});
