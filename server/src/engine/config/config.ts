// `.soc-ideas.json` and the `socIdeas.*` settings say the same things: which template, which rules.
import type { Severity } from '../findings/findings';
import type { MaintainersList } from './maintainers';

export type RuleLevel = Severity | 'off';

export interface SocIdeasConfig {
  /** A template file path (relative to the config file) or a built-in preset id. */
  readonly template?: string;
  /** Per-rule level: `"field-order": "off"`, `"mentor-count": "error"`. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /**
   * The maintainers list (a path relative to the config file): CSV with project, name and GitHub
   * handle columns (CNCF's `project-maintainers.csv`), or a JSON or YAML list. mentor-maintainer
   * reads it; without it the rule says nothing.
   */
  readonly maintainers?: string;
}

/** A config as found on disk, with where it came from and what was wrong with it. */
export interface LoadedConfig {
  readonly config: SocIdeasConfig;
  /** URI of the `.soc-ideas.json` file, when one was found. */
  readonly uri?: string;
  /** Problems in the file (bad JSON, unknown rule ids, bad levels), each with its 0-based line. */
  readonly problems: readonly ConfigProblem[];
  /** The maintainers list the config names, read (a list that could not be read is a problem instead). */
  readonly maintainers?: MaintainersList;
  /** Where the config's `"maintainers"` value is, for a problem with the list. */
  readonly maintainersAt?: { readonly line: number; readonly character: number };
}

export interface ConfigProblem {
  readonly message: string;
  readonly line: number;
  readonly character: number;
}

export const CONFIG_FILE_NAME = '.soc-ideas.json';
