import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/placeholder.md');
const options = { template: 'gsoc-2022' };

test('placeholder: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['placeholder'], options);
});

test('placeholder: spans the placeholder only, counting tabs and emoji as UTF-16 units', async () => {
  const text = '### A\n\n#### Idea\n\n-\tDescription: 🚀 (2-5+ sentences)\n-\tExpected outcome: o\n-\tRecommended Skills: Go\n-\tMentor(s): J D (@jd)\n-\tExpected project size: 175 Hours\n-\tDifficulty: Easy\n-\tUpstream Issue (URL): 🚀🚀 TBD\n';
  for (const eol of ['\n', '\r\n']) {
    const { findings, doc } = await lintText(text.replace(/\n/g, eol), options);
    const mine = findings.filter((f) => f.rule === 'placeholder');
    assert.deepEqual(
      mine.map((f) => [doc.lines.positionAt(f.span.start), doc.lines.positionAt(f.span.end)]),
      [
        [{ line: 4, character: 18 }, { line: 4, character: 34 }],
        [{ line: 10, character: 29 }, { line: 10, character: 32 }],
      ],
    );
  }
});
