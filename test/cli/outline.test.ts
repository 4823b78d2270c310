import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCli, REL_FIXTURES, runCli } from './helpers';

let cli = '';
let disposeCli = (): void => {};
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
});
after(() => disposeCli());

const clean = `${REL_FIXTURES}/clean.md`;

test('outline --format json: projects → ideas with 1-based lines, fields, mentors, skills, issues', () => {
  const r = runCli(cli, ['outline', '--format', 'json', clean]);
  assert.equal(r.status, 0, r.stderr);
  const outline = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(outline).sort(), ['file', 'projects', 'template']);
  assert.equal(outline.file, clean);
  assert.equal(typeof outline.template.id, 'string');
  assert.equal(typeof outline.template.reason, 'string');
  assert.equal(outline.projects.length, 1);
  const project = outline.projects[0];
  assert.equal(project.title, 'Kubernetes');
  assert.equal(project.line, 9);
  assert.equal(project.ideas.length, 1);
  const idea = project.ideas[0];
  assert.equal(idea.title, 'Add a dry-run mode to the scheduler');
  assert.equal(idea.line, 11);
  assert.deepEqual(
    idea.fields.map((f: { name: string; label: string; line: number }) => [f.name, f.label, f.line]),
    [
      ['description', 'Description', 13],
      ['skills', 'Recommended Skills', 14],
      ['mentors', 'Mentor(s)', 15],
      ['issue', 'Issue', 16],
    ],
  );
  assert.equal(idea.fields[1].value, 'Go, Kubernetes');
  assert.deepEqual(idea.mentors, [{ name: 'Jane Doe', handle: 'janedoe' }]);
  assert.deepEqual(idea.skills, ['Go', 'Kubernetes']);
  assert.deepEqual(idea.issues, [
    { url: 'https://github.com/kubernetes/kubernetes/issues/12345', owner: 'kubernetes', repo: 'kubernetes', number: 12345 },
  ]);
});

test('outline text: an indented tree with lines', () => {
  const r = runCli(cli, ['outline', clean]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], clean);
  assert.match(lines[1]!, /^template: /);
  assert.ok(lines.includes('  Kubernetes  line:9'), r.stdout);
  assert.ok(lines.includes('    Add a dry-run mode to the scheduler  line:11'), r.stdout);
  assert.ok(lines.includes('      mentors: Jane Doe (@janedoe)'), r.stdout);
  assert.ok(lines.includes('      skills: Go, Kubernetes'), r.stdout);
  assert.ok(lines.includes('      issue: https://github.com/kubernetes/kubernetes/issues/12345'), r.stdout);
});

test('outline of a non-idea file: no projects, exit 0', () => {
  const r = runCli(cli, ['outline', '--format', 'json', `${REL_FIXTURES}/notes.md`]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).projects, []);
});

test('outline of a folder or a missing file: exit 2', () => {
  const dir = runCli(cli, ['outline', REL_FIXTURES]);
  assert.equal(dir.status, 2);
  assert.match(dir.stderr, /outline takes one file/);
  const missing = runCli(cli, ['outline', `${REL_FIXTURES}/absent.md`]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, `soc-ideas: ${REL_FIXTURES}/absent.md: no such file or directory\n`);
});
