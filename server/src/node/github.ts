// GitHub's REST API from Node (the CLI and the Node language server): the engine's HttpGet is Node's
// fetch. Tests point the base URL at a local server and shorten the timeout through the environment.
import type { HttpGet } from '../engine/upstream/github';

export const nodeHttpGet: HttpGet = (url, init) => fetch(url, init);

/** Where requests go and how long each may take: `SOC_IDEAS_GITHUB_API`, `SOC_IDEAS_GITHUB_TIMEOUT_MS` (for tests). */
export function githubEndpoint(env: NodeJS.ProcessEnv): { apiBase?: string; timeoutMs?: number } {
  const apiBase = env.SOC_IDEAS_GITHUB_API?.trim();
  const timeoutMs = Number(env.SOC_IDEAS_GITHUB_TIMEOUT_MS);
  return { ...(apiBase ? { apiBase } : {}), ...(timeoutMs > 0 ? { timeoutMs } : {}) };
}
