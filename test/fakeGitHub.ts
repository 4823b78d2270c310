// A local stand-in for GitHub's REST API (`GET /repos/{owner}/{repo}/issues/{n}`), started by a test on
// 127.0.0.1 (port 0), so the real client code runs with no network. Answers follow GitHub's documented
// shapes (docs.github.com, REST "Get an issue"): `state`, `state_reason`, `title`, `labels` as objects,
// `assignee` and `assignees`, a `pull_request` key with `merged_at` for pull requests; an `ETag` on
// every 200 and a 304 for a matching `If-None-Match`; `x-ratelimit-*` headers. Some numbers answer
// as GitHub does when something is wrong (see SPECIAL).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An issue of owner `alpha`, repository `alpha`, by number, as GitHub would describe it. */
export const ISSUES: Readonly<Record<number, Record<string, unknown>>> = {
  1: issue(1, { title: 'Add a plugin API', labels: ['good first issue', 'gsoc'] }),
  2: issue(2, { title: 'Support OCI images', state: 'closed', state_reason: 'completed' }),
  3: issue(3, { title: 'Rewrite in Rust', state: 'closed', state_reason: 'not_planned' }),
  5: issue(5, { title: 'Add metrics', state: 'closed', pull: { merged_at: '2024-03-01T10:00:00Z' } }),
  6: issue(6, { title: 'Draft: tracing', pull: { merged_at: null } }),
  10: issue(10, { title: 'Dashboard', assignees: ['someone-else'] }),
  11: issue(11, { title: 'CLI completion', assignees: ['jane-doe'] }),
  12: issue(12, { title: 'Docs site', assignees: ['john-roe', 'someone-else'] }),
  13: issue(13, { title: 'Old work', state: 'closed', state_reason: 'completed', assignees: ['someone-else'] }),
};

/** Numbers that answer as GitHub does when something is wrong. */
export const SPECIAL = {
  /** 404 Not Found, GitHub's JSON message. */
  missing: 404,
  /** 502 Bad Gateway. */
  serverError: 500,
  /** 403 with `x-ratelimit-remaining: 0` (the primary rate limit), and every later request too. */
  rateLimited: 403,
  /** From this number on, never answers (until the server closes): beyond any client's timeout. */
  slow: 900,
  /** This token is refused (401 Bad credentials). */
  refusedToken: 'refused',
} as const;

function issue(
  number: number,
  o: { title: string; state?: 'open' | 'closed'; state_reason?: string; labels?: string[]; assignees?: string[]; pull?: { merged_at: string | null } },
): Record<string, unknown> {
  const user = (login: string) => ({ login, id: login.length, type: 'User', html_url: `https://github.com/${login}` });
  const base = `https://api.github.com/repos/alpha/alpha/issues/${number}`;
  return {
    url: base,
    html_url: `https://github.com/alpha/alpha/${o.pull ? 'pull' : 'issues'}/${number}`,
    id: 1000 + number,
    number,
    title: o.title,
    user: user('reporter'),
    labels: (o.labels ?? []).map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false, description: null })),
    state: o.state ?? 'open',
    state_reason: o.state_reason ?? null,
    locked: false,
    assignee: o.assignees?.[0] ? user(o.assignees[0]) : null,
    assignees: (o.assignees ?? []).map(user),
    milestone: null,
    comments: 0,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-02-01T00:00:00Z',
    closed_at: o.state === 'closed' ? '2024-02-01T00:00:00Z' : null,
    body: 'What to do.',
    ...(o.pull ? { pull_request: { url: base.replace('/issues/', '/pulls/'), html_url: `https://github.com/alpha/alpha/pull/${number}`, merged_at: o.pull.merged_at } } : {}),
  };
}

export interface FakeRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeGitHub {
  /** Base URL, to pass as SOC_IDEAS_GITHUB_API. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: FakeRequest[] = [];
  const held: ServerResponse[] = [];
  let rateLimited = false;
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push({ path, headers: req.headers });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': rateLimited ? '0' : '42', 'x-ratelimit-reset': String(resetAt), ...headers });
      res.end(JSON.stringify(body));
    };
    const m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(path);
    if (!m || req.method !== 'GET') return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const number = Number(m[3]);
    if (req.headers.authorization === `Bearer ${SPECIAL.refusedToken}`) return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    if (rateLimited || number === SPECIAL.rateLimited) {
      rateLimited = true;
      return json(403, { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' });
    }
    if (number >= SPECIAL.slow) {
      held.push(res);
      return;
    }
    if (number === SPECIAL.serverError) {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
      return;
    }
    const found = ISSUES[number];
    if (!found || m[1]!.toLowerCase() !== 'alpha' || m[2]!.toLowerCase() !== 'alpha') {
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue' });
    }
    const etag = `"etag-${number}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '42', 'x-ratelimit-reset': String(resetAt) });
      res.end();
      return;
    }
    json(200, found, { etag });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
