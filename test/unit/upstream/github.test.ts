// The engine's GitHub client and the online rules, against a local server that answers like GitHub's
// REST API (test/fakeGitHub.ts), through Node's real fetch: ETag and 304, the rate limit, 404, 5xx,
// an answer slower than the timeout, the bounds on requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubIssues, type GitHubIssuesOptions, type IssueNotice } from '../../../server/src/engine/upstream/github';
import { checkUpstream, completeUpstream } from '../../../server/src/engine/upstream/check';
import { nodeHttpGet } from '../../../server/src/node/github';
import { type FakeGitHub, SPECIAL, startFakeGitHub } from '../../fakeGitHub';
import { expectationsOf, lintText } from '../rules/harness';

let github: FakeGitHub;
before(async () => {
  github = await startFakeGitHub();
});
after(() => github.close());

const alpha = (number: number, owner = 'alpha') => ({ owner, repo: 'alpha', number });

function client(options: Partial<GitHubIssuesOptions> = {}, notices: IssueNotice[] = []): GitHubIssues {
  return new GitHubIssues({ get: nodeHttpGet, apiBase: github.url, timeoutMs: 300, onNotice: (n) => notices.push(n), ...options });
}

/** Requests the fake server got from one test's client (each test asks about its own issues). */
function since(mark: number) {
  return github.requests.slice(mark);
}

for (const rule of ['issue-state', 'issue-assigned']) {
  test(`${rule}: fires exactly on the expected lines, with GitHub's answers`, async () => {
    const text = readFileSync(join(import.meta.dirname, `../../fixtures/rules/${rule}.md`), 'utf8');
    const uri = 'file:///fixtures/ideas.md';
    const result = await lintText(text, { template: 'cncf-2019' }, uri);
    assert.deepEqual(result.findings.filter((f) => f.rule === rule), [], 'the ordinary check says nothing of upstream issues');
    const checked = await completeUpstream({ uri, result }, client());
    const got = checked.findings.filter((f) => f.rule === rule).map((f) => `${checked.doc.lines.positionAt(f.span.start).line + 1} ${f.rule} ${f.severity}`);
    const wanted = expectationsOf(text).filter((e) => e.split(' ')[1] === rule);
    assert.deepEqual(got.sort(), wanted.sort());
  });
}

test('the messages say what GitHub said', async () => {
  const text = readFileSync(join(import.meta.dirname, '../../fixtures/rules/issue-state.md'), 'utf8');
  const result = await lintText(text, { template: 'cncf-2019' });
  const { findings } = await completeUpstream({ uri: 'file:///fixtures/ideas.md', result }, client());
  const messages = findings.filter((f) => f.rule === 'issue-state').map((f) => f.message);
  assert.match(messages[0]!, /^`alpha\/alpha#2` is closed: /);
  assert.match(messages[1]!, /^`alpha\/alpha#3` is closed as not planned/);
  assert.match(messages[2]!, /^GitHub has no issue `alpha\/alpha#404` \(404\)/);
  assert.match(messages[3]!, /^`alpha\/alpha#5` is a merged pull request/);
});

test('an answer is kept with its ETag: asking again sends If-None-Match, and a 304 keeps it', async () => {
  const issues = client({ freshForMs: 0 });
  const mark = github.requests.length;
  assert.equal(await issues.refresh([alpha(1)]), true);
  assert.equal(issues.known(alpha(1))?.status, 'found');
  assert.equal(await issues.refresh([alpha(1)]), false, 'a 304 changes nothing');
  const [first, second] = since(mark);
  assert.equal(first?.headers['if-none-match'], undefined);
  assert.equal(second?.headers['if-none-match'], '"etag-1"');
  const answer = issues.known(alpha(1));
  assert.ok(answer?.status === 'found');
  assert.deepEqual(answer.issue.labels, ['good first issue', 'gsoc']);
  assert.equal(answer.issue.title, 'Add a plugin API');
});

test('a fresh answer is not asked again; revalidating asks', async () => {
  const issues = client();
  const mark = github.requests.length;
  await issues.refresh([alpha(2)]);
  assert.equal(issues.refresh([alpha(2)]), undefined, 'nothing to ask');
  await issues.refresh([alpha(2)], { revalidate: true });
  assert.equal(since(mark).length, 2);
});

test('each issue is asked once, however it is spelt and however many ask at once', async () => {
  const issues = client();
  const mark = github.requests.length;
  await Promise.all([issues.refresh([alpha(10), alpha(10, 'Alpha')]), issues.refresh([alpha(10, 'ALPHA')])]);
  assert.equal(since(mark).length, 1);
});

test('no token, no Authorization header; a token goes as a bearer token', async () => {
  const mark = github.requests.length;
  await client().refresh([alpha(11)]);
  await client({ token: 'secret' }).refresh([alpha(11)]);
  const [anonymous, withToken] = since(mark);
  assert.equal(anonymous?.headers.authorization, undefined);
  assert.equal(withToken?.headers.authorization, 'Bearer secret');
  assert.equal(withToken?.headers.accept, 'application/vnd.github+json');
});

test('a 5xx and a slow answer are no finding, and each is said once', async () => {
  const notices: IssueNotice[] = [];
  const issues = client({}, notices);
  await issues.refresh([alpha(SPECIAL.serverError), alpha(SPECIAL.slow), alpha(SPECIAL.slow + 1)]);
  assert.deepEqual(issues.known(alpha(SPECIAL.serverError)), { status: 'unknown', reason: 'GitHub answered 502' });
  assert.equal(issues.known(alpha(SPECIAL.slow))?.status, 'unknown');
  assert.deepEqual(
    notices.map((n) => `${n.kind}: ${n.message}`).sort(),
    ['unavailable: GitHub answered 502: some upstream issues are not checked', 'unavailable: GitHub did not answer within 300 ms: some upstream issues are not checked'],
  );
  // A failure stands for a while: asking again at once sends nothing.
  assert.equal(issues.refresh([alpha(SPECIAL.serverError)]), undefined);
});

test('at most `concurrency` requests are open at once', async () => {
  // Counted where the client sends them (the server sees an aborted request close a little later).
  let open = 0;
  let maxOpen = 0;
  const counted: typeof nodeHttpGet = (url, init) => {
    maxOpen = Math.max(maxOpen, ++open);
    return nodeHttpGet(url, init).finally(() => open--);
  };
  const mark = github.requests.length;
  await client({ get: counted, concurrency: 2 }).refresh([900, 901, 902, 903, 904].map((n) => alpha(n)));
  assert.equal(since(mark).length, 5);
  assert.equal(maxOpen, 2);
});

test('the budget bounds the requests of a run, said once', async () => {
  const notices: IssueNotice[] = [];
  const issues = client({ maxRequests: 2 }, notices);
  const mark = github.requests.length;
  await issues.refresh([alpha(1), alpha(2), alpha(3), alpha(5)]);
  assert.equal(since(mark).length, 2);
  assert.deepEqual(notices.map((n) => n.kind), ['budget']);
});

test('a rate limit stops asking: no request until it is over, said once', async () => {
  const fresh = await startFakeGitHub();
  try {
    const notices: IssueNotice[] = [];
    const issues = new GitHubIssues({ get: nodeHttpGet, apiBase: fresh.url, concurrency: 1, onNotice: (n) => notices.push(n) });
    await issues.refresh([alpha(SPECIAL.rateLimited), alpha(1), alpha(2), alpha(3)]);
    assert.equal(fresh.requests.length, 1, 'nothing asked after the 403');
    assert.equal(issues.known(alpha(1)), undefined);
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.kind, 'rate-limit');
    assert.match(notices[0]!.message, /^GitHub's rate limit is reached \(60 requests an hour without a token\): no more upstream issues are looked up until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(await issues.refresh([alpha(5)]), false);
    assert.equal(fresh.requests.length, 1);
  } finally {
    await fresh.close();
  }
});

test('a refused token stops asking, said once', async () => {
  const notices: IssueNotice[] = [];
  const issues = client({ token: SPECIAL.refusedToken, concurrency: 1 }, notices);
  const mark = github.requests.length;
  await issues.refresh([alpha(1), alpha(2)]);
  assert.equal(since(mark).length, 1);
  assert.deepEqual(notices.map((n) => n.kind), ['auth']);
});

test('checkUpstream: known answers give findings at once, the rest come with `pending`; off rules ask nothing', async () => {
  const text = readFileSync(join(import.meta.dirname, '../../fixtures/rules/issue-state.md'), 'utf8');
  const uri = 'file:///fixtures/ideas.md';
  const result = await lintText(text, { template: 'cncf-2019' }, uri);
  const issues = client();
  const first = checkUpstream({ uri, result }, issues);
  assert.ok(first.pending, 'answers are still to come');
  assert.equal(first.result, result, 'nothing known yet: the result as it was');
  assert.equal(await first.pending, true);
  const second = checkUpstream({ uri, result }, issues);
  assert.equal(second.pending, undefined);
  assert.equal(second.result.findings.filter((f) => f.rule === 'issue-state').length, 4);

  const mark = github.requests.length;
  const off = checkUpstream({ uri, result, settings: { rules: { 'issue-state': 'off', 'issue-assigned': 'off' } } }, client());
  assert.equal(off.pending, undefined);
  assert.equal(since(mark).length, 0);
});
