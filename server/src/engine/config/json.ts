// The JSON reader of the config and of the lists it names: strict JSON (RFC 8259) that keeps the
// offset of every value, so each problem points at its spot (JSON.parse gives neither positions of
// keys nor, in every Node version, the offset of a syntax error). Bounded: nesting at most 64 levels.

/** Arrays and objects nest at most this deep: the reader recurses, and a config needs 2 levels, a maintainers list 3. */
export const MAX_JSON_DEPTH = 64;

/** A JSON value with the offset where it starts; object members keep their key's offset. */
export type JsonNode =
  | { readonly kind: 'object'; readonly offset: number; readonly members: readonly JsonMember[] }
  | { readonly kind: 'array'; readonly offset: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly offset: number; readonly value: string }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly offset: number };

export interface JsonMember {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: JsonNode;
}

export class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Strict JSON (RFC 8259) reader that reports the offset of the first error. */
export function readJson(text: string): JsonNode {
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
