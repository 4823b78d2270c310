// idea-order on the real corpus (../shared/corpus; skipped, saying so, when it is absent): one list
// of all of them is sorted but for one project, and that is the only finding; its quick fix moves the
// section with every line kept, and the file then checks clean.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { applyFixes } from '../../server/src/engine/findings/fix';
import { memoryHost } from '../unit/rules/harness';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const FILE = 'cncf-mentoring-lfx-2023-03-Sep-Nov-README.md';
const skip = existsSync(join(CORPUS, FILE)) ? false : `../shared/corpus not found at ${CORPUS}: corpus checks skipped`;

const orderFindings = async (name: string, text: string) =>
  (await checkDocument({ uri: `file:///corpus/${name}`, text, host: memoryHost() })).findings.filter((f) => f.rule === 'idea-order');

test('idea-order: only OpenKruise, in the one corpus list kept sorted but for it; the fix moves it whole', { skip }, async () => {
  const found: string[] = [];
  for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort()) {
    for (const f of await orderFindings(name, readFileSync(join(CORPUS, name), 'utf8'))) found.push(`${name}: ${f.message}`);
  }
  assert.deepEqual(found, [`${FILE}: "OpenKruise" is out of the alphabetical order that 18 of the 19 projects under "Accepted projects" keep: it belongs between "Meshery" and "Thanos".`]);
  const text = readFileSync(join(CORPUS, FILE), 'utf8');
  const [finding] = await orderFindings(FILE, text);
  const fixed = applyFixes(text, [{ ...finding!.fix!, interactive: false }]).text;
  const lines = (t: string) => t.split(/\r\n|\r|\n/).sort();
  assert.deepEqual(lines(fixed), lines(text), 'every line kept');
  assert.deepEqual(await orderFindings(FILE, fixed), []);
  const projects = fixed.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
  assert.deepEqual(projects.slice(projects.indexOf('Meshery'), projects.indexOf('Meshery') + 3), ['Meshery', 'OpenKruise', 'Thanos']);
});
