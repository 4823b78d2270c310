// The online issue check in the real bundled server over stdio, asking a local server that answers like
// GitHub's REST API (SOC_IDEAS_GITHUB_API): only where the setting is on and the client said the
// workspace is trusted; answers are republished when they come; hover shows them; a reopened file is
// revalidated with ETags; a rate limit is one message to the user.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { GITHUB_ACCESS_NOTIFICATION, type GitHubAccessParams } from '../../server/src/protocol';
import { type FakeGitHub, SPECIAL, startFakeGitHub } from '../fakeGitHub';
import { buildServer, REPO_ROOT, TestClient, uriOf } from './client';

const text = readFileSync(join(REPO_ROOT, 'test/fixtures/rules/issue-state.md'), 'utf8');
const ON = { template: 'cncf-2019', github: { checkIssues: true } };
const OFF = { template: 'cncf-2019' };

let github: FakeGitHub;
let dir: string;
before(async () => {
  buildServer();
  github = await startFakeGitHub();
  dir = mkdtempSync(join(tmpdir(), 'soc-ideas-lsp-issues-'));
});
after(async () => {
  await github.close();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
/** A fresh file (its own URI), so each test's document is checked from scratch. */
function ideaFile(content = text): string {
  const path = join(dir, `ideas-${files++}.md`);
  writeFileSync(path, content);
  return uriOf(path);
}

function start(settings: Record<string, unknown>, api = github.url): Promise<TestClient> {
  return TestClient.start({ settings, env: { SOC_IDEAS_GITHUB_API: api, SOC_IDEAS_GITHUB_TIMEOUT_MS: '3000' } });
}

const online = (d: Diagnostic) => d.code === 'issue-state' || d.code === 'issue-assigned';
const hasOnline = (p: PublishDiagnosticsParams) => p.diagnostics.some(online);
const access = (client: TestClient, params: GitHubAccessParams) => client.notify(GITHUB_ACCESS_NOTIFICATION, params);

/** A round trip through the server: whatever it was doing for earlier messages has started by now. */
async function roundTrip(client: TestClient, uri: string): Promise<void> {
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
}

test('untrusted (the client has not said otherwise) or untrusted by word: no request, even with the setting on; trusted: asked, and republished', async () => {
  const client = await start(ON);
  try {
    const uri = ideaFile();
    const mark = github.requests.length;
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    await access(client, { trusted: false });
    await roundTrip(client, uri);
    assert.equal(github.requests.length - mark, 0, 'no request before the workspace is trusted');
    assert.ok(!client.diagnostics.filter((p) => p.uri === uri).some(hasOnline));

    await access(client, { trusted: true });
    const published = await client.waitForDiagnostics(uri, hasOnline);
    assert.ok(github.requests.length - mark > 0);
    const got = published.diagnostics.filter(online).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(got, ['15 issue-state', '22 issue-state', '29 issue-state', '36 issue-state']);
    // The 502 and the timeout are logged, not shown; a message is for the rate limit.
    assert.ok(!client.notifications.some((n) => n.method === 'window/showMessage'));
  } finally {
    await client.stop();
  }
});

test('with the setting off, a trusted workspace makes no request', async () => {
  const client = await start(OFF);
  try {
    await access(client, { trusted: true, token: 'secret' });
    const uri = ideaFile();
    const mark = github.requests.length;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    await roundTrip(client, uri);
    assert.equal(github.requests.length - mark, 0);
    assert.ok(!hasOnline(published));
  } finally {
    await client.stop();
  }
});

test('hover on a link shows what GitHub said; the token goes as a bearer token; reopening revalidates with the ETag', async () => {
  const client = await start(ON);
  try {
    await access(client, { trusted: true, token: 'secret' });
    const assigned = readFileSync(join(REPO_ROOT, 'test/fixtures/rules/issue-assigned.md'), 'utf8');
    const uri = ideaFile(assigned);
    const mark = github.requests.length;
    await client.open(uri, assigned);
    await client.waitForDiagnostics(uri, hasOnline);
    const firstRound = github.requests.slice(mark);
    assert.ok(firstRound.every((q) => q.headers.authorization === 'Bearer secret' && q.headers['if-none-match'] === undefined));

    const lines = assigned.split('\n');
    const line = lines.findIndex((l) => l.includes('issues/12'));
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line]!.indexOf('https') + 5 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*alpha\/alpha#12\*\* — issue/);
    assert.match(value, /“Docs site” — open/);
    assert.match(value, /Assigned to: @john-roe, @someone-else/);
    const labelled = lines.findIndex((l) => l.endsWith('/issues/1'));
    const hover1: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: labelled, character: lines[labelled]!.indexOf('https') + 5 } });
    assert.match((hover1.contents as { value: string }).value, /Labels: good first issue, gsoc/);

    // Reopened: asked again with If-None-Match; 304s keep the answers (and the findings).
    await client.close(uri);
    const again = github.requests.length;
    const since = client.mark;
    await client.open(uri, assigned);
    await client.waitForDiagnostics(uri, hasOnline, since);
    await waitUntil(() => github.requests.length - again >= firstRound.length);
    const secondRound = github.requests.slice(again);
    assert.ok(secondRound.every((q) => typeof q.headers['if-none-match'] === 'string'), JSON.stringify(secondRound.map((q) => q.headers['if-none-match'])));
  } finally {
    await client.stop();
  }
});

test('a rate limit is one message to the user, and stops the asking', async () => {
  const limited = await startFakeGitHub();
  const client = await start(ON, limited.url);
  try {
    await access(client, { trusted: true });
    const idea = (n: number) => `#### Idea ${n}\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Jane Doe (@jane-doe)\n- Issue: https://github.com/alpha/alpha/issues/${n}\n\n`;
    const content = `### Alpha\n\n${[SPECIAL.rateLimited, 1, 2, 3, 5, 10, 11, 12].map(idea).join('')}`;
    const uri = ideaFile(content);
    await client.open(uri, content);
    const message = await client.waitFor('window/showMessage');
    assert.match(message.message, /^SoC Ideas: GitHub's rate limit is reached .* no more upstream issues are looked up until .+Z\.$/);
    const sent = limited.requests.length;
    assert.ok(sent <= 4, `${sent} requests`);
    // Edits check the file again; nothing more is asked, and nothing more is said.
    await client.change(uri, 2, [{ text: `${content}\n` }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 2);
    await roundTrip(client, uri);
    assert.equal(limited.requests.length, sent);
    assert.equal(client.notifications.filter((n) => n.method === 'window/showMessage').length, 1);
  } finally {
    await limited.close();
    await client.stop();
  }
});

/** Polls a condition the server reaches by itself (requests it sends after a publish). */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(condition(), 'condition not reached');
}
