// Templates read from markdown, for every template version of the CNCF history, and the presets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS, presetById } from '../../server/src/engine/template/presets';
import { looksLikeTemplate, templateFromMarkdown } from '../../server/src/engine/template/fromMarkdown';
import { templateFromProjectIdeaFile } from '../../server/src/engine/template/projectIdeaTemplate';
import type { Template } from '../../server/src/engine/template/types';

const meta = { id: 't', name: 'test template' };

function read(text: string): Template {
  const t = templateFromMarkdown(text, meta);
  assert.ok(t, 'expected a template');
  return t;
}

const labels = (t: Template) => t.fields.map((f) => f.label);
const keys = (t: Template) => t.fields.map((f) => f.key);

/** What a rule sees of a field: everything but the free-text hint. */
function shape(t: Template) {
  return {
    projectLevel: t.projectLevel,
    ideaLevel: t.ideaLevel,
    bullet: t.bullet,
    mentors: t.mentors,
    fields: t.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, choices: f.choices, placeholders: f.placeholders })),
  };
}

function preset(id: string): Template {
  const p = presetById(id);
  assert.ok(p, `preset ${id}`);
  return p;
}

const T2019_STAR = `### Template
#### Title
* Description:
* Recommended Skills:
* Mentor(s):
* Issue:

### Sample:
#### Refactor the APIs
* Description: Currently the HTTP API is not very well organized.
* Recommended Skills: golang
* Mentor(s): Krasi Georgiev (@krasi-georgiev)
* Issue: https://github.com/prometheus/prometheus/issues/3416
`;

const T2019 = `### Template

#### Title

-\tDescription:
-\tRecommended Skills:
-\tMentor(s):
-\tIssue:

### Sample:

#### Refactor the APIs

-\tDescription: Currently the HTTP API is not very well organized.
-\tRecommended Skills: golang
-\tMentor(s): Krasi Georgiev (@krasi-georgiev)
-\tIssue: https://github.com/prometheus/prometheus/issues/3416
`;

const T2020 = '#### CNCF Project Name\n##### Title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s):\n-\tUpstream Issue (URL):\n';
const T2022 = '#### CNCF Project Name\n##### Title\n\n- Description:\n- Recommended Skills:\n- Mentor(s):\n- Upstream Issue (URL):\n';
const T2023 =
  '#### CNCF Project Name\n##### Title\n\n- Description:\n- Expected Outcome:\n- Recommended Skills:\n- Mentor(s):\n- Upstream Issue (URL):\n';
const T2024_FILE = `#### CNCF Project Name
##### Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Mentor(s): # It is recommended to have at least 2 mentors, and at least one of them should be the primary mentor. For GSoC, it is **required** to have at least 2 mentors.
  - Jane Doe (@jane-github, jane@email.address) - primary
  - John Doe (@john-github, john@email.address)
- Upstream Issue (URL):
`;
const GSOC_2022 = `### CNCF Project Name

#### Title

- Description: (2-5+ sentences)
- Expected outcome:
- Recommended Skills:
- Mentor(s):
- Expected project size: 175 or 350 Hours
- Difficulty: Easy, Medium, or Hard
- Upstream Issue (URL):
`;
const GSOC_2023 = `#### CNCF Project Name

##### Title

- Description: (2-5+ sentences)
- Expected outcome:
- Recommended Skills:
- Mentor(s): (Name, github, email)
- Expected project size: (175 or 350 Hours)
- Difficulty: (Easy, Medium, or Hard)
- Upstream Issue (URL):
`;
const GSOC_2024 = `#### CNCF Project Name

##### Project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Expected project size: # one of small (~90 hour projects), medium (~175 hour projects) and large (~350 hour projects)
- Mentor(s): #For GSoC, it is **required** to have at least 2 mentors with 1 being a primary mentor.
  - Jane Doe (@jane-github, jane@email.address) - primary
  - John Doe (@john-github, john@email.address)
- Upstream Issue (URL):
`;
const CB_2020 =
  '### CNCF Project Name\n#### Title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s):\n-       Mentee (Communty Bridge URL):\n-\tUpstream Issue (URL):\n-       Community Bridge project (URL):\n';
const LFX_2022 =
  '#### CNCF Project Name\n##### Title\n\n- Description:\n- Recommended Skills:\n- Mentor(s): (please include email info, either here, or contact @nate-double-u on the CNCF slack)\n- Upstream Issue (URL):\n';
const LFX_2023 = `### CNCF Project Name

#### Mentorship project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Mentor(s): Mentor Name (@mentor_github, mentor@email.addy)
- Upstream Issue:

`;
const LFX_2024 = `### CNCF Project Name

#### Mentorship project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Mentor(s):
  - Mentor Name (@mentor_github, mentor@email.addy) - please use the same email address as you use on the LFX Mentorship Platform at https://mentorship.lfx.linuxfoundation.org
  - 2nd Mentor Name (@mentor_github, mentor@email.addy)
- Upstream Issue:

`;
const TIDB =
  '#### TiDB Ecosystem Project Name\n##### Title\n- Description:\n- Recommended Skills:\n- Mentor(s):\n- Upstream Issue or RFC (URL):\n';
const ANGOLA = `#### Nome do Projecto
##### Título ou nome da tarefa

- Descrição:
- Resultado esperado:
- Habilidades recomendadas:
- Mentor(s):
- Problema de Origem (URL):
- Nível de dificuldade:
`;

test('2019 template (* bullets): ideas at ####, projects at ### (the Template heading), sample ignored', () => {
  const t = read(T2019_STAR);
  assert.equal(t.projectLevel, 3);
  assert.equal(t.ideaLevel, 4);
  assert.deepEqual(labels(t), ['Description', 'Recommended Skills', 'Mentor(s)', 'Issue']);
  assert.deepEqual(t.bullet, { marker: '*', gap: ' ' });
  assert.ok(t.fields.every((f) => f.required && f.placeholders === undefined));
});

test('2019 template (-<TAB>) reads as the cncf-2019 preset', () => {
  assert.deepEqual(shape(read(T2019)), shape(preset('cncf-2019')));
});

test('2020, 2022, 2023 PROJECT_IDEA_TEMPLATE versions read as their presets', () => {
  assert.deepEqual(shape(read(T2020)), shape(preset('cncf-2020')));
  assert.deepEqual(shape(read(T2022)), shape(preset('cncf-2022')));
  assert.deepEqual(shape(read(T2023)), shape(preset('cncf-2023')));
});

test('2024 PROJECT_IDEA_TEMPLATE: mentor sub-list with e-mails, at least 2 mentors', () => {
  const t = read(T2024_FILE);
  assert.deepEqual(t.mentors, { layout: 'sublist', email: true, min: 2 });
  const mentors = t.fields.find((f) => f.key === 'mentors');
  assert.ok(mentors?.hint?.includes('at least 2 mentors'));
  assert.ok(mentors?.placeholders?.includes('Jane Doe (@jane-github, jane@email.address)'));
  assert.ok(mentors?.placeholders?.includes('John Doe (@john-github, john@email.address)'));
  assert.deepEqual(shape(t), shape(preset('cncf-template-2024')));
});

test('GSoC 2022 block: placeholders become choices and placeholders', () => {
  const t = read(GSOC_2022);
  assert.equal(t.projectLevel, 3);
  assert.equal(t.ideaLevel, 4);
  assert.deepEqual(keys(t), ['description', 'outcome', 'skills', 'mentors', 'size', 'difficulty', 'issue']);
  assert.equal(labels(t)[1], 'Expected outcome');
  const byKey = new Map(t.fields.map((f) => [f.key, f]));
  assert.deepEqual(byKey.get('size')?.choices, ['175 Hours', '350 Hours']);
  assert.deepEqual(byKey.get('difficulty')?.choices, ['Easy', 'Medium', 'Hard']);
  assert.deepEqual(byKey.get('difficulty')?.placeholders, ['Easy, Medium, or Hard']);
  assert.equal(byKey.get('description')?.hint, '(2-5+ sentences)');
  assert.ok(byKey.get('description')?.placeholders?.includes('(2-5+ sentences)'));
  assert.equal(byKey.get('description')?.choices, undefined);
  assert.deepEqual(shape(t), shape(preset('gsoc-2022')));
});

test('GSoC 2023 block: parenthesised placeholders, mentors asked for an e-mail', () => {
  const t = read(GSOC_2023);
  assert.equal(t.projectLevel, 4);
  assert.equal(t.ideaLevel, 5);
  assert.deepEqual(t.mentors, { layout: 'inline', email: true, min: 1 });
  const mentors = t.fields.find((f) => f.key === 'mentors');
  assert.equal(mentors?.choices, undefined, '(Name, github, email) is not a list of choices');
  assert.deepEqual(shape(t), shape(preset('gsoc-2023')));
});

test('GSoC 2024 block: size choices from the comment, size before mentors, two mentors', () => {
  const t = read(GSOC_2024);
  assert.deepEqual(keys(t), ['description', 'outcome', 'skills', 'size', 'mentors', 'issue']);
  assert.deepEqual(t.fields[3]?.choices, ['small (~90 hour projects)', 'medium (~175 hour projects)', 'large (~350 hour projects)']);
  assert.deepEqual(t.mentors, { layout: 'sublist', email: true, min: 2 });
  assert.deepEqual(shape(t), shape(preset('cncf-2024')));
});

test('CommunityBridge 2020: admin fields are optional, the common bullet gap wins', () => {
  const t = read(CB_2020);
  assert.deepEqual(keys(t), ['description', 'skills', 'mentors', 'mentee', 'issue', 'lfx_url']);
  assert.deepEqual(
    t.fields.map((f) => f.required),
    [true, true, true, false, true, false],
  );
  assert.deepEqual(t.bullet, { marker: '-', gap: '\t' });
  assert.equal(t.projectLevel, 3);
});

test('LFX 2022 mentor hint asks for an e-mail', () => {
  const t = read(LFX_2022);
  assert.equal(t.mentors.email, true);
  assert.equal(t.mentors.layout, 'inline');
});

test('LFX 2023 and 2024 blocks', () => {
  const t23 = read(LFX_2023);
  assert.deepEqual(t23.mentors, { layout: 'inline', email: true, min: 1 });
  assert.deepEqual(labels(t23), ['Description', 'Expected Outcome', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue']);
  assert.deepEqual(t23.fields[3]?.placeholders, ['Mentor Name (@mentor_github, mentor@email.addy)']);
  const t24 = read(LFX_2024);
  assert.deepEqual(t24.mentors, { layout: 'sublist', email: true, min: 2 });
  assert.deepEqual(t24.fields[3]?.placeholders, [
    'Mentor Name (@mentor_github, mentor@email.addy)',
    '2nd Mentor Name (@mentor_github, mentor@email.addy)',
  ]);
  assert.ok(t24.fields[3]?.hint?.includes('same email address'));
  // The presets add the admin-only LFX URL field at the end.
  for (const [t, id] of [[t23, 'lfx-2023'], [t24, 'lfx-2024']] as const) {
    const p = preset(id);
    assert.deepEqual(shape(t).fields, shape(p).fields.slice(0, -1));
    assert.deepEqual(p.fields[p.fields.length - 1], { key: 'lfx_url', label: 'LFX URL', required: false });
    assert.deepEqual(t.mentors, p.mentors);
    assert.equal(t.ideaLevel, p.ideaLevel);
    assert.equal(t.projectLevel, p.projectLevel);
  }
});

test('TiDB and translated templates', () => {
  const tidb = read(TIDB);
  assert.deepEqual(labels(tidb), ['Description', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue or RFC (URL)']);
  assert.equal(tidb.fields[3]?.key, 'issue');
  const pt = read(ANGOLA);
  assert.equal(pt.fields.length, 6);
  assert.equal(pt.fields[0]?.key, 'description');
  assert.equal(pt.fields[3]?.key, 'mentors');
  assert.ok(pt.fields.every((f) => /^[a-z0-9_]+$/.test(f.key)), 'unknown labels get a lower-case key');
  assert.equal(new Set(keys(pt)).size, 6);
});

test('not a template: no field lines, empty text, odd input', () => {
  assert.equal(templateFromMarkdown('', meta), undefined);
  assert.equal(templateFromMarkdown('# Title\n\nJust prose: with a colon.\n', meta), undefined);
  assert.equal(templateFromMarkdown('- https://example.org/a\n- plain item\n', meta), undefined);
  assert.doesNotThrow(() => templateFromMarkdown('```\n- :\n  - \n#######\n\u0000\r\n- **:**', meta));
});

test('CRLF text reads the same', () => {
  assert.deepEqual(shape(read(GSOC_2024.replace(/\n/g, '\r\n'))), shape(read(GSOC_2024)));
});

test('looksLikeTemplate: blank template yes, filled sample no', () => {
  assert.equal(looksLikeTemplate(GSOC_2022), true);
  assert.equal(looksLikeTemplate(LFX_2023), true);
  const sample = `### Prometheus

#### Refactor the APIs

- Description: Currently the HTTP API is not very well organized, see [go-kit](https://github.com/go-kit/kit).
- Expected outcome:
- Recommended Skills: golang
- Mentor(s): Krasi Georgiev (@krasi-georgiev)
- Expected project size: 175 or 350 Hours
- Difficulty: Easy, Medium, or Hard
- Issue: https://github.com/prometheus/prometheus/issues/3416
`;
  assert.equal(looksLikeTemplate(sample), false);
  assert.equal(looksLikeTemplate('- name: build\n- run: make\n'), false, 'a YAML-ish list is no template');
});

test('presets: ids unique, lookup by id, required fields, canonical keys', () => {
  const ids = PRESETS.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['cncf-2019', 'cncf-2020', 'cncf-2022', 'gsoc-2022', 'gsoc-2023', 'cncf-2023', 'cncf-2024', 'lfx-2023', 'lfx-2024', 'lfx-generated', 'cb-2020', 'tidb']) {
    assert.equal(presetById(id)?.id, id);
  }
  assert.equal(presetById(' CNCF-2019 ')?.id, 'cncf-2019');
  assert.equal(presetById('nope'), undefined);
  const canonical = new Set(['description', 'outcome', 'skills', 'mentors', 'size', 'difficulty', 'issue', 'lfx_url', 'mentee', 'technologies']);
  for (const p of PRESETS) {
    assert.ok(p.fields.every((f) => canonical.has(f.key)), p.id);
    // Optional: fields admins add, TiDB's difficulty, and the generated README's repeated Technologies.
    const optional = (key: string) => ['lfx_url', 'mentee'].includes(key) || (p.id === 'tidb' && key === 'difficulty') || (p.id === 'lfx-generated' && key === 'technologies');
    assert.ok(p.fields.every((f) => f.required === !optional(f.key)), p.id);
  }
  assert.equal(preset('cb-2020').fields.find((f) => f.key === 'mentee')?.required, false);
  assert.equal(preset('cncf-2024').mentors.min, 2);
});

test('PROJECT_IDEA_TEMPLATE.md: 2019 unfenced section, 2020+ fenced block, never the sample', () => {
  const t19 = templateFromProjectIdeaFile(T2019, 'file:///repo/PROJECT_IDEA_TEMPLATE.md');
  assert.ok(t19);
  assert.deepEqual(shape(t19), shape(preset('cncf-2019')));
  assert.equal(t19.id, 'file:///repo/PROJECT_IDEA_TEMPLATE.md');
  assert.equal(t19.name, 'PROJECT_IDEA_TEMPLATE.md');

  const fenced = `### Template

\`\`\`
${T2024_FILE}\`\`\`

### Sample:

#### Prometheus
##### Refactor the APIs

- Description: Currently the HTTP API is not very well organized.
- Expected Outcome: A refactored HTTP API.
- Recommended Skills: golang
- Mentor(s):
  - Jane Doe (@jane-github, jane@email.address) - primary
  - John Doe (@john-github, john@email.address)
- Upstream Issue: https://github.com/prometheus/prometheus/issues/3416
`;
  const t24 = templateFromProjectIdeaFile(fenced, 'file:///repo/PROJECT_IDEA_TEMPLATE.md');
  assert.ok(t24);
  assert.deepEqual(shape(t24), shape(preset('cncf-template-2024')));

  // A fenced sample before the template must not be taken for it.
  const sampleFirst = `## Sample\n\n\`\`\`\n### P\n#### I\n- Description: Real words here, see https://x.org\n- Recommended Skills: go\n- Mentor(s): A B (@ab)\n- Issue: https://github.com/a/b/issues/1\n\`\`\`\n\n## Template\n\n\`\`\`\n${GSOC_2022}\`\`\`\n`;
  assert.deepEqual(shape(templateFromProjectIdeaFile(sampleFirst, 'file:///t.md')!), shape(preset('gsoc-2022')));

  assert.equal(templateFromProjectIdeaFile('# Nothing here\n\nprose\n', 'file:///x/t.md'), undefined);
  // Without a Template heading, only a blank template counts, never a filled idea list.
  assert.equal(templateFromProjectIdeaFile('### P\n#### I\n- Description: words https://x.org\n- Recommended Skills: go\n', 'file:///x/t.md'), undefined);
});

test('never throws on arbitrary input', () => {
  const alphabet = ['#', '# ', '-', '\t', ' ', ':', '(', ')', '*', '`', '```', '\n', '\r\n', 'Mentor(s)', 'Template', 'Sample', 'at least 2 mentors', ',', ' or ', 'a', '😀', '@x.y'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 300; i++) {
    let text = '';
    for (let j = next() % 80; j > 0; j--) text += alphabet[next() % alphabet.length];
    assert.doesNotThrow(() => templateFromMarkdown(text, meta), text);
    assert.doesNotThrow(() => templateFromProjectIdeaFile(text, 'file:///x.md'), text);
  }
});

test('a template file read again with the same text gives the same template; a changed text is read anew', () => {
  const uri = 'file:///repo/again/PROJECT_IDEA_TEMPLATE.md';
  const text = '### Template\n\n- Description: x\n- Mentor(s): y\n';
  const first = templateFromProjectIdeaFile(text, uri);
  assert.ok(first);
  assert.equal(templateFromProjectIdeaFile(text, uri), first);
  const changed = templateFromProjectIdeaFile(`${text}- Difficulty: z\n`, uri);
  assert.deepEqual(changed && labels(changed), ['Description', 'Mentor(s)', 'Difficulty']);
  assert.notEqual(templateFromProjectIdeaFile(text, 'file:///repo/other/PROJECT_IDEA_TEMPLATE.md'), first, 'another file, another template (its id)');
});
