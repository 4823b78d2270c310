// `lint --check-issues`: each file's linked issues are looked up on GitHub (token: GITHUB_TOKEN) and
// the answers' findings join the file's before anything is printed. One client for the run, so an
// issue linked from several files is asked once; notices (rate limit, failures) go to stderr once.
import type { CheckResult } from '../engine/check';
import { GitHubIssues } from '../engine/upstream/github';
import { completeUpstream } from '../engine/upstream/check';
import type { WorkspaceVocabulary } from '../engine/workspace/workspace';
import { githubEndpoint, nodeHttpGet } from '../node/github';
import type { CliIo } from './lint';
import type { CliEnvironment } from './settings';

/** At most this many requests in one run: the whole cncf/mentoring repository links 629 distinct issues; a generated 3 MB file, thousands. */
const MAX_REQUESTS_PER_RUN = 1000;

export type IssueCheck = (uri: string, result: CheckResult) => Promise<CheckResult>;

export function issueCheck(io: CliIo, env: CliEnvironment, workspace: WorkspaceVocabulary): IssueCheck {
  const token = process.env.GITHUB_TOKEN?.trim();
  const github = new GitHubIssues({
    get: nodeHttpGet,
    ...githubEndpoint(process.env),
    ...(token ? { token } : {}),
    maxRequests: MAX_REQUESTS_PER_RUN,
    // One run: every issue is asked once, a failure is not retried.
    freshForMs: Infinity,
    retryAfterMs: Infinity,
    onNotice: (notice) =>
      io.stderr(`soc-ideas: ${notice.message}${notice.kind === 'rate-limit' && !token ? ' (set GITHUB_TOKEN for a higher limit)' : ''}`),
  });
  return (uri, result) => completeUpstream({ uri, result, settings: env.settings, workspace }, github);
}
