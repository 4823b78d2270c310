// `.soc-ideas.json`: read it, say precisely what is wrong with it, use what is right. Pure; never throws.
// A small JSON reader of our own keeps the offset of every value, so each problem points at its spot
// (JSON.parse gives neither positions of keys nor, in every Node version, the offset of a syntax error).
import { CONFIG_FILE_NAME, type ConfigProblem, type LoadedConfig, type RuleLevel, type SocIdeasConfig } from './config';
import { readContent, uriDirname, uriJoin, type FileContent, type Host } from '../host';
import { editDistance } from '../parse/labels';
import { RULE_IDS } from '../rules/ids';
import { LineIndex } from '../parse/text';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];
const KNOWN_KEYS = ['$schema', 'template', 'rules'];
const KNOWN_RULES: ReadonlySet<string> = new Set(RULE_IDS);
/** Arrays and objects nest at most this deep: the reader recurses, and a config needs 2 levels. */
const MAX_JSON_DEPTH = 64;

/** A JSON value with the offset where it starts; object members keep their key's offset. */
type JsonNode =
  | { readonly kind: 'object'; readonly offset: number; readonly members: readonly JsonMember[] }
  | { readonly kind: 'array'; readonly offset: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly offset: number; readonly value: string }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly offset: number };

interface JsonMember {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: JsonNode;
}

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Strict JSON (RFC 8259) reader that reports the offset of the first error. */
function readJson(text: string): JsonNode {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos]!)) pos++;
  };
  const describe = (): string => (pos >= text.length ? 'end of file' : `'${text[pos]}'`);

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    while (pos < text.length) {
      const c = text[pos]!;
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('Invalid escape in string');
        }
      } else if (c.charCodeAt(0) < 0x20) {
        fail('Unterminated string (line break or control character inside it)');
      } else {
        out += c;
        pos++;
      }
    }
    return fail('Unterminated string', start);
  };

  const readValue = (depth: number): JsonNode => {
    skipSpace();
    const offset = pos;
    const c = text[pos];
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH) fail(`Nesting too deep (more than ${MAX_JSON_DEPTH} levels of arrays and objects)`);
    if (c === '{') {
      pos++;
      const members: JsonMember[] = [];
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return { kind: 'object', offset, members };
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail(`Expected a property name in double quotes, found ${describe()}`);
        const keyOffset = pos;
        const key = readString();
        skipSpace();
        if (text[pos] !== ':') fail(`Expected ':' after the property name, found ${describe()}`);
        pos++;
        members.push({ key, keyOffset, value: readValue(depth + 1) });
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return { kind: 'object', offset, members };
        }
        fail(`Expected ',' or '}' after a property value, found ${describe()}`);
      }
    }
    if (c === '[') {
      pos++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return { kind: 'array', offset, items };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return { kind: 'array', offset, items };
        }
        fail(`Expected ',' or ']' after an array item, found ${describe()}`);
      }
    }
    if (c === '"') return { kind: 'string', offset, value: readString() };
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
    if (literal) {
      pos += literal[0].length;
      const word = literal[0];
      return { kind: word === 'null' ? 'null' : word === 'true' || word === 'false' ? 'boolean' : 'number', offset };
    }
    return fail(`Expected a value, found ${describe()}`);
  };

  const root = readValue(0);
  skipSpace();
  if (pos < text.length) fail(`Unexpected ${describe()} after the end of the JSON value`);
  return root;
}

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
  for (const member of root.members) {
    if (member.key === 'template') {
      if (member.value.kind === 'string') template = member.value.value;
      else problem('"template" must be a string: a template file path or a built-in preset id', member.value.offset);
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
      problem(`Unknown key "${member.key}": a config has only "template" and "rules"`, member.keyOffset);
    }
  }
  const config: SocIdeasConfig = {
    ...(template !== undefined ? { template } : {}),
    ...(rules !== undefined ? { rules } : {}),
  };
  return { config, uri, problems };
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
    if (loaded) return loaded;
    const parent = uriDirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { config: {}, problems: [] };
}
