// One call from text to findings: config, template, parse, rules. The CLI and the server use it.
import type { LoadedConfig, RuleLevel } from './config/config';
import { loadConfig } from './config/configFile';
import { loadMaintainers, type MaintainersList } from './config/maintainers';
import type { Finding } from './findings/findings';
import { type Host, type Logger, silentLogger, uriDirname } from './host';
import { type LintCache, lint } from './rules/lint';
import type { IdeaDocument } from './parse/model';
import type { Rule } from './rules/rule';
import { type SectionCache, parseDocument } from './parse/parse';
import { resolveTemplate } from './template/resolve';
import type { ResolvedTemplate } from './template/types';
import type { WorkspaceVocabulary } from './workspace/workspace';

export interface CheckSettings {
  /** Preset id or template path (relative to `baseUri`); wins over the config file's `template`. */
  readonly template?: string;
  /** Folder a relative settings template path is resolved against; defaults to the file's folder. */
  readonly baseUri?: string;
  /** Levels that win over the config file's. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** URI of a maintainers list that wins over the config file's (the CLI's `--config`). */
  readonly maintainers?: string;
}

export interface CheckInput {
  readonly uri: string;
  readonly text: string;
  readonly host: Host;
  readonly settings?: CheckSettings;
  readonly workspace?: WorkspaceVocabulary;
  /** Reuse a parse (the server parses incrementally) instead of parsing `text` again. */
  readonly doc?: IdeaDocument;
  readonly cache?: SectionCache;
  /** Findings of unchanged ideas from the last check of this document. */
  readonly lintCache?: LintCache;
  /** Reuse a loaded config / resolved template (the server caches them per folder). */
  readonly config?: LoadedConfig;
  readonly resolved?: ResolvedTemplate;
  readonly logger?: Logger;
  /** The rules to run (default: all); a subset gives a subset of the findings. */
  readonly rules?: readonly Rule[];
  /** Characters above which no rule runs (default RULES_SIZE_LIMIT). */
  readonly rulesSizeLimit?: number;
}

export interface CheckResult {
  readonly doc: IdeaDocument;
  readonly resolved: ResolvedTemplate;
  readonly config: LoadedConfig;
  readonly findings: Finding[];
  /** Set when checks were limited (a huge file): what was left out, for the user. */
  readonly notice?: string;
}

/**
 * Above this many characters only the outline is built and no rule runs: a 30 MB file is parsed
 * in seconds, but every rule over it would hold an editor for many more. Real idea files are
 * 2–160 KB; generated 3 MB files are checked in full.
 */
export const RULES_SIZE_LIMIT = 8_000_000;

export async function checkDocument(input: CheckInput): Promise<CheckResult> {
  const logger = input.logger ?? silentLogger;
  const doc = input.doc ?? parseDocument(input.text, input.cache ? { cache: input.cache } : {});
  const config = input.config ?? (await loadConfig(input.uri, input.host));
  const resolved = input.resolved ?? (await resolveFor(input, doc, config));
  const limit = input.rulesSizeLimit ?? RULES_SIZE_LIMIT;
  if (doc.text.length > limit) {
    const size = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} M` : `${n}`);
    const notice = `checks limited: this file has ${size(doc.text.length)} characters and rules run on files up to ${size(limit)}, so only the outline is shown`;
    logger.log(`${input.uri}: ${notice}`);
    return { doc, resolved, config, findings: [], notice };
  }
  const levels = { ...config.config.rules, ...input.settings?.rules };
  const maintainers = await maintainersFor(input, config);
  const findings = lint(doc, {
    uri: input.uri,
    template: resolved.template,
    levels,
    ...(input.workspace ? { workspace: input.workspace } : {}),
    ...(maintainers ? { maintainers } : {}),
    ...(input.lintCache ? { cache: input.lintCache } : {}),
    ...(input.rules ? { rules: input.rules } : {}),
    onRuleError: (rule, error) => logger.log(`rule ${rule.id} failed on ${input.uri}: ${String((error as Error)?.stack ?? error)}`),
  });
  if (doc.limited) {
    // Findings still come, from the structure as it was read; one notice says what was cut.
    const notice = `checks limited: ${doc.limited}`;
    logger.log(`${input.uri}: ${notice}`);
    return { doc, resolved, config, findings, notice };
  }
  return { doc, resolved, config, findings };
}

/** The template for a document: settings first, then the config file, then what the file says. */
export function resolveFor(input: Pick<CheckInput, 'uri' | 'host' | 'settings'>, doc: IdeaDocument, config: LoadedConfig): Promise<ResolvedTemplate> {
  const fromSettings = input.settings?.template?.trim();
  const configured = fromSettings
    ? { value: fromSettings, baseUri: input.settings?.baseUri ?? uriDirname(input.uri), from: 'setting' as const }
    : config.config.template && config.uri
      ? { value: config.config.template, baseUri: uriDirname(config.uri), from: 'config' as const }
      : undefined;
  return resolveTemplate({ uri: input.uri, doc, host: input.host, ...(configured ? { configured } : {}) });
}

/**
 * The maintainers list of a check: the settings' (a list they name that cannot be read was told
 * where they were made, and is none here), else the config file's.
 */
export async function maintainersFor(input: Pick<CheckInput, 'host' | 'settings'>, config: LoadedConfig): Promise<MaintainersList | undefined> {
  const fromSettings = input.settings?.maintainers;
  if (fromSettings === undefined) return config.maintainers;
  const read = await loadMaintainers(input.host, fromSettings);
  return 'list' in read ? read.list : undefined;
}
