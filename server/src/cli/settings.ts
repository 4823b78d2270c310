// What `--config` and `--template` change: the settings handed to the engine and the host it reads through.
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, type RuleLevel } from '../engine/config/config';
import { parseConfigText } from '../engine/config/configFile';
import { parseMaintainers } from '../engine/config/maintainers';
import type { FileContent, Host } from '../engine/host';
import { presetById } from '../engine/template/presets';
import { fileUri, nodeHost, readBoundedSync } from '../node/nodeHost';
import { FileError } from './files';

export interface EngineSettings {
  readonly template?: string;
  /** Folder URI a relative `template` path is resolved against. */
  readonly baseUri?: string;
  readonly rules?: Record<string, RuleLevel>;
  /** URI of the `--config` file's maintainers list. */
  readonly maintainers?: string;
}

export interface CliEnvironment {
  readonly host: Host;
  readonly settings: EngineSettings;
  /** Problems in the `--config` file, already in `path:line:col: message` form. */
  readonly warnings: readonly string[];
  /** What a worker thread builds the same environment from (plain data: the `--config` file is read once). */
  readonly shared: SharedEnvironment;
}

export interface SharedEnvironment {
  readonly settings: EngineSettings;
  /** `--config` given: no `.soc-ideas.json` is read. */
  readonly configFilesHidden: boolean;
}

/**
 * `--config FILE` replaces the nearest `.soc-ideas.json`: the engine's host no longer sees any of those,
 * and the file's contents go in as settings (its template path relative to the file). `--template`
 * (a preset id or a path relative to the working folder) wins over both.
 */
export function cliEnvironment(options: { config?: string; template?: string }, cwd: string): CliEnvironment {
  let settings: EngineSettings = {};
  const warnings: string[] = [];
  let configFilesHidden = false;
  if (options.config !== undefined) {
    const path = resolve(cwd, options.config);
    // Bounded like every other read: a FIFO or /dev/zero named here must not hang the run.
    const text = readBoundedSync(path);
    if (text === undefined) throw new FileError(`${options.config}: cannot read config file`);
    if (typeof text === 'object') throw new FileError(`${options.config}: ${text.unreadable}`);
    const loaded = parseConfigText(text, fileUri(path));
    for (const p of loaded.problems) warnings.push(`${options.config}:${p.line + 1}:${p.character + 1}: ${p.message}`);
    const maintainers = loaded.config.maintainers !== undefined ? maintainersList(resolve(dirname(path), loaded.config.maintainers)) : undefined;
    if (maintainers && 'problem' in maintainers) {
      const at = loaded.maintainersAt ?? { line: 0, character: 0 };
      warnings.push(`${options.config}:${at.line + 1}:${at.character + 1}: "maintainers": ${maintainers.problem}; mentor-maintainer is not checked`);
    }
    settings = {
      ...(loaded.config.template !== undefined ? { template: loaded.config.template, baseUri: fileUri(dirname(path)) } : {}),
      ...(loaded.config.rules !== undefined ? { rules: { ...loaded.config.rules } } : {}),
      ...(maintainers && 'uri' in maintainers ? { maintainers: maintainers.uri } : {}),
    };
    configFilesHidden = true;
  }
  if (options.template !== undefined) {
    if (!presetById(options.template) && !existsSync(resolve(cwd, options.template))) {
      throw new FileError(`${options.template}: template file not found`);
    }
    settings = { ...settings, template: options.template, baseUri: fileUri(cwd) };
  }
  const shared = { settings, configFilesHidden };
  return { ...sharedEnvironment(shared), warnings, shared };
}

/** The `--config` file's maintainers list: its URI when it can be used (each thread reads it again through its host), else why not. */
function maintainersList(path: string): { uri: string } | { problem: string } {
  const name = basename(path);
  const text = readBoundedSync(path);
  if (text === undefined) return { problem: `${name} was not found` };
  if (typeof text === 'object') return { problem: `${name} is ${text.unreadable}` };
  const uri = fileUri(path);
  const load = parseMaintainers(text, uri);
  return 'problem' in load ? { problem: `${name} cannot be used: ${load.problem}` } : { uri };
}

/** The host and settings of a run, from what its main thread worked out. */
export function sharedEnvironment(shared: SharedEnvironment): Pick<CliEnvironment, 'host' | 'settings'> {
  return { host: memoized(shared.configFilesHidden ? withoutConfigFiles(nodeHost) : nodeHost), settings: shared.settings };
}

/**
 * Every linted file asks for the same configs and templates up its folders; a run reads each once.
 * (The run writes only the idea files it fixes, which the engine reads from the text it is given.)
 */
function memoized(host: Host): Host {
  const cache = new Map<string, Promise<FileContent>>();
  const listings = new Map<string, Promise<readonly string[] | undefined>>();
  return {
    readFile(uri) {
      let text = cache.get(uri);
      if (!text) cache.set(uri, (text = host.readFile(uri)));
      return text;
    },
    ...(host.listFolder
      ? {
          listFolder(uri: string) {
            let names = listings.get(uri);
            if (!names) listings.set(uri, (names = host.listFolder!(uri)));
            return names;
          },
        }
      : {}),
  };
}

function withoutConfigFiles(host: Host): Host {
  return {
    readFile: (uri) => (uri.endsWith(`/${CONFIG_FILE_NAME}`) ? Promise.resolve(undefined) : host.readFile(uri)),
    ...(host.listFolder ? { listFolder: (uri: string) => host.listFolder!(uri) } : {}),
  };
}
