// `.soc-ideas.json`: read it, say precisely what is wrong with it, use what is right. Pure; never throws.
// A small JSON reader of our own keeps the offset of every value, so each problem points at its spot
// (JSON.parse gives neither positions of keys nor, in every Node version, the offset of a syntax error).
import { CONFIG_FILE_NAME, type ConfigProblem, type LoadedConfig, type RuleLevel, type SocIdeasConfig } from './config';
import { readContent, uriDirname, uriJoin, uriResolve, type FileContent, type Host } from '../host';
import { loadMaintainers } from './maintainers';
import { editDistance } from '../parse/labels';
import { RULE_IDS } from '../rules/ids';
import { LineIndex } from '../parse/text';
import { JsonSyntaxError, readJson, type JsonNode } from './json';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];
const KNOWN_KEYS = ['$schema', 'template', 'rules', 'maintainers'];
const KNOWN_RULES: ReadonlySet<string> = new Set(RULE_IDS);
/** Parse the text of a `.soc-ideas.json`; `uri` is where it came from (kept in the result). */
export function parseConfigText(text: string, uri: string): LoadedConfig {
  // Editors drop a BOM from the text they show (and our Node host does too), so positions ignore it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const problems: ConfigProblem[] = [];
  const problem = (message: string, offset: number): void => {
    const { line, character } = lines.positionAt(offset);
    problems.push({ message, line, character });
  };

  let root: JsonNode;
  try {
    root = readJson(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    problem(`Invalid JSON: ${e.message}`, e.offset);
    return { config: {}, uri, problems };
  }
  if (root.kind !== 'object') {
    problem('The config must be a JSON object: { "template": …, "rules": { … } }', root.offset);
    return { config: {}, uri, problems };
  }

  let template: string | undefined;
  let rules: Record<string, RuleLevel> | undefined;
  let maintainers: string | undefined;
  let maintainersAt: { line: number; character: number } | undefined;
  for (const member of root.members) {
    if (member.key === 'template') {
      if (member.value.kind === 'string') template = member.value.value;
      else problem('"template" must be a string: a template file path or a built-in preset id', member.value.offset);
    } else if (member.key === 'maintainers') {
      if (member.value.kind === 'string' && member.value.value.trim()) {
        maintainers = member.value.value.trim();
        maintainersAt = lines.positionAt(member.value.offset);
      } else problem('"maintainers" must be a file path (relative to this file): a CSV, JSON or YAML list of each project\'s maintainers', member.value.offset);
    } else if (member.key === 'rules') {
      if (member.value.kind !== 'object') {
        problem('"rules" must be an object: { "rule-id": "error" | "warning" | "info" | "hint" | "off" }', member.value.offset);
        continue;
      }
      rules = {};
      for (const rule of member.value.members) {
        if (!KNOWN_RULES.has(rule.key)) {
          problem(`Unknown rule id "${rule.key}"${suggestRule(rule.key)}`, rule.keyOffset);
          continue;
        }
        const level = rule.value.kind === 'string' ? rule.value.value : undefined;
        if (level !== undefined && (RULE_LEVELS as readonly string[]).includes(level)) {
          rules[rule.key] = level as RuleLevel;
        } else {
          problem(`Bad level for "${rule.key}": use one of ${RULE_LEVELS.map((l) => `"${l}"`).join(', ')}`, rule.value.offset);
        }
      }
    } else if (!KNOWN_KEYS.includes(member.key)) {
      problem(`Unknown key "${member.key}": a config has only "template", "rules" and "maintainers"`, member.keyOffset);
    }
  }
  const config: SocIdeasConfig = {
    ...(template !== undefined ? { template } : {}),
    ...(rules !== undefined ? { rules } : {}),
    ...(maintainers !== undefined ? { maintainers } : {}),
  };
  return { config, uri, problems, ...(maintainersAt ? { maintainersAt } : {}) };
}

/** ` (did you mean "field-order"?)` when a known id is close, else ''. */
function suggestRule(id: string): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of RULE_IDS) {
    const d = editDistance(id.toLowerCase(), known, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

/** The config a file's content gives: undefined for no file; a config file that is not read is a problem. */
export function configFromContent(content: FileContent, uri: string): LoadedConfig | undefined {
  if (content === undefined) return undefined;
  if (typeof content === 'string') return parseConfigText(content, uri);
  return { config: {}, uri, problems: [{ message: `${CONFIG_FILE_NAME} is ${content.unreadable}; the defaults are used`, line: 0, character: 0 }] };
}

/** The nearest `.soc-ideas.json` walking up from the file's folder; an empty config when there is none. */
export async function loadConfig(fileUri: string, host: Host): Promise<LoadedConfig> {
  let dir = uriDirname(fileUri);
  for (let depth = 0; depth < 100; depth++) {
    const uri = uriJoin(dir, CONFIG_FILE_NAME);
    const loaded = configFromContent(await readContent(host, uri), uri);
    if (loaded) return withMaintainers(loaded, host);
    const parent = uriDirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { config: {}, problems: [] };
}

/**
 * The config with the maintainers list it names read through the host; a list that is missing,
 * refused by the host or not usable is a problem of the config (at its `"maintainers"` value), and
 * mentor-maintainer then says nothing.
 */
export async function withMaintainers(loaded: LoadedConfig, host: Host): Promise<LoadedConfig> {
  const path = loaded.config.maintainers;
  if (path === undefined || loaded.uri === undefined || loaded.maintainers) return loaded;
  const read = await loadMaintainers(host, uriResolve(uriDirname(loaded.uri), path));
  if ('list' in read) return { ...loaded, maintainers: read.list };
  const at = loaded.maintainersAt ?? { line: 0, character: 0 };
  return { ...loaded, problems: [...loaded.problems, { message: `"maintainers": ${read.problem}; mentor-maintainer is not checked`, ...at }] };
}
