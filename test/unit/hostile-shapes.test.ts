// Issue 16, "Linear structure": no shape of idea file hangs a check. Each hostile shape
// (scripts/hostile-shapes.ts) is checked at a size where a quadratic step took many seconds; the
// test bounds only the wall clock, generously, and asks for sensible findings: no crash, the
// ideas still found, and the notice where a bound applied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { HOSTILE_SHAPES } from '../../scripts/hostile-shapes';

/** Shapes read in a bounded way, with the notice that says so. */
const LIMITED = new Map([
  ['setext headings (x / ===)', /lazy continuation lines were cut/],
  ['list nested 1,000 deep', /indented more than 128 columns/],
  ['backslashes', /runs of more than 128 backslashes were read as text/],
]);

for (const shape of HOSTILE_SHAPES) {
  // A quarter of the bench's size (at least 100 KB): the slow steps were quadratic, so this still shows them.
  const bytes = Math.max(100_000, Math.round(shape.bytes / 4));
  test(`hostile shape finishes: ${shape.name} (${Math.round(bytes / 1000)} KB)`, { timeout: 30_000 }, async () => {
    const { text, template } = shape.make(bytes);
    const host = { readFile: async (uri: string) => (template !== undefined && uri === 'file:///h/template.md' ? template : undefined) };
    const result = await checkDocument({ uri: 'file:///h/ideas.md', text, host, ...(template !== undefined ? { settings: { template: 'template.md' } } : {}) });
    assert.ok(result.doc.ideas.length >= 1, 'the ideas are still found');
    const limited = LIMITED.get(shape.name);
    if (limited) assert.match(result.notice ?? '', limited);
    else assert.equal(result.notice, undefined);
  });
}

test('a run of backslashes read as text leaves values as written', async () => {
  const run = '\\'.repeat(300);
  const text = `### Project\n\n#### Idea\n\n- Description: before ${run} after\n- Mentor(s): Jane Doe (@jdoe)\n`;
  const result = await checkDocument({ uri: 'file:///h/ideas.md', text, host: { readFile: async () => undefined } });
  assert.match(result.notice ?? '', /backslashes were read as text/);
  const idea = result.doc.ideas[0]!;
  assert.equal(idea.fields.find((f) => f.key === 'description')?.value, `before ${run} after`);
  assert.equal(idea.mentors[0]?.handle, 'jdoe');
});
