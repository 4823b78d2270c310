// The language server in an editor we did not write: headless Neovim, its built-in LSP client and a
// minimal config (init.lua). probe.lua reads back the diagnostics, a completion after `Mentor(s): `
// and the document symbols, and writes them as JSON; this test checks them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleNodeEntry } from '../bundle';

const REPO = resolve(__dirname, '../..');
const HERE = join(REPO, 'test/neovim');
const FIXTURES = join(REPO, 'test/fixtures/neovim');

const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const NVIM = nvimVersion.status === 0 ? nvimVersion.stdout.split('\n')[0] : undefined;
const skip = NVIM ? false : 'nvim is not installed (Debian: apt-get install neovim; .ci/run installs it)';

interface Diagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface CompletionItem {
  label: string;
  textEdit?: { range: { start: { line: number; character: number } }; newText: string };
  insertText?: string;
}
interface DocumentSymbol {
  name: string;
  kind: number;
  children?: DocumentSymbol[];
}
interface ProbeResult {
  nvim: string;
  filetype: string;
  attached: boolean;
  indexed: boolean;
  errors: string[];
  diagnostics: Diagnostic[];
  completion_position: { line: number; character: number };
  completion: { items: CompletionItem[] } | CompletionItem[] | null;
  symbols: DocumentSymbol[] | null;
}

let scratch = '';
let result: ProbeResult | undefined;
let failure = '';

before(async () => {
  if (skip) return;
  scratch = mkdtempSync(join(tmpdir(), 'soc-ideas-nvim-'));
  // A private bundle with scripts/build.mjs's options for the server: the LSP tests rebuild dist/ at
  // the same time, and Neovim must never start a half-written dist/server.js.
  const server = join(scratch, 'server.js');
  await bundleNodeEntry(join(REPO, 'server/src/node/main.ts'), server);
  const workspace = join(scratch, 'workspace');
  cpSync(FIXTURES, workspace, { recursive: true });
  const out = join(scratch, 'probe.json');
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', join(HERE, 'init.lua'), '-c', `luafile ${join(HERE, 'probe.lua')}`, 'ideas.md'], {
    cwd: workspace,
    encoding: 'utf8',
    // A guard against a hung editor, not a measurement: probe.lua's own waits end far sooner.
    timeout: 120_000,
    env: {
      ...process.env,
      SOC_IDEAS_SERVER: server,
      SOC_IDEAS_ROOT: workspace,
      SOC_IDEAS_OUT: out,
      SOC_IDEAS_NODE: process.execPath,
      // Neovim's log, state and cache go to the scratch folder, not the user's home.
      XDG_STATE_HOME: join(scratch, 'state'),
      XDG_CACHE_HOME: join(scratch, 'cache'),
      XDG_DATA_HOME: join(scratch, 'data'),
      XDG_CONFIG_HOME: join(scratch, 'config'),
    },
  });
  if (!existsSync(out)) {
    failure = `nvim wrote no result (status ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`;
    return;
  }
  result = JSON.parse(readFileSync(out, 'utf8')) as ProbeResult;
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function probe(): ProbeResult {
  assert.ok(result, failure);
  return result;
}

test('Neovim attaches the server to the markdown buffer without errors', { skip }, () => {
  const r = probe();
  assert.deepEqual(r.errors, []);
  assert.equal(r.filetype, 'markdown');
  assert.equal(r.attached, true);
  assert.match(r.nvim, /^\d+\.\d+\.\d+$/);
});

test('vim.diagnostic.get holds the rule codes at the right places', { skip }, () => {
  const diagnostics = probe().diagnostics.map((d) => ({ code: d.code, line: d.lnum, col: d.col, severity: d.severity, source: d.source }));
  assert.deepEqual(diagnostics.sort((a, b) => a.line - b.line), [
    // "#### Offline map tiles" has no Issue: on the heading's text (0-based line 5, after "#### ").
    { code: 'missing-field', line: 5, col: 5, severity: 1, source: 'soc-ideas' },
    // "-\tMetor(s): …": the misspelt label after the marker and the tab.
    { code: 'field-label', line: 9, col: 2, severity: 2, source: 'soc-ideas' },
  ]);
  const label = probe().diagnostics.find((d) => d.code === 'field-label')!;
  assert.match(label.message, /Mentor\(s\)/);
});

test('completion after "Mentor(s): " offers the mentors of the workspace, the other file\'s too', { skip }, () => {
  const r = probe();
  assert.equal(r.indexed, true, 'the server reported the end of indexing the workspace');
  const items = Array.isArray(r.completion) ? r.completion : (r.completion?.items ?? []);
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('Priya Raman (@priyaraman)'), `a mentor from more-ideas.md: ${labels.join(', ')}`);
  assert.ok(labels.includes('Ana Lima (@analima)'), labels.join(', '));
  const priya = items.find((i) => i.label === 'Priya Raman (@priyaraman)')!;
  const inserted = priya.textEdit?.newText ?? priya.insertText ?? priya.label;
  assert.equal(inserted, 'Priya Raman (@priyaraman)');
  if (priya.textEdit) assert.deepEqual(priya.textEdit.range.start, r.completion_position);
});

test('document symbols: project → idea', { skip }, () => {
  const symbols = probe().symbols;
  assert.ok(Array.isArray(symbols), 'hierarchical DocumentSymbol[]');
  const tree = symbols.map((p) => ({ name: p.name, ideas: (p.children ?? []).map((i) => i.name) }));
  assert.deepEqual(tree, [
    { name: 'Lighthouse', ideas: ['Offline map tiles', 'Route sharing'] },
    { name: 'Beacon', ideas: ['Battery report'] },
  ]);
});
