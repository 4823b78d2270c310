// `socIdeas.*` settings per resource, through `workspace/configuration` when the client offers it,
// else what `didChangeConfiguration` pushed, else the defaults. Cached per URI until the client
// says the configuration changed.
import type { Connection } from 'vscode-languageserver';
import type { CheckSettings } from '../engine/check';
import { uriDirname } from '../engine/host';
import { DEFAULT_SETTINGS, normaliseSettings, type SocIdeasSettings } from '../protocol';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<SocIdeasSettings>>();
  private pushed: SocIdeasSettings = DEFAULT_SETTINGS;
  /** Bumped on every change: results that depend on settings compare it. */
  generation = 0;
  pullSupported = false;
  workspaceFolders: string[] = [];

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<SocIdeasSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'socIdeas' })
        .then(normaliseSettings, (error: unknown) => {
          this.connection.console.error(`reading socIdeas settings for ${uri} failed: ${String(error)}`);
          return DEFAULT_SETTINGS;
        });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: drop what was read; keep pushed settings for clients that push. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    this.generation++;
    const section = (pushedSettings as { socIdeas?: unknown } | null | undefined)?.socIdeas;
    if (section !== undefined) this.pushed = normaliseSettings(section);
  }

  /** The workspace folder holding a URI (the longest match), else the URI's own folder. */
  folderOf(uri: string): string {
    let best: string | undefined;
    for (const folder of this.workspaceFolders) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      if (uri.startsWith(prefix) && (!best || folder.length > best.length)) best = folder;
    }
    return best ?? uriDirname(uri);
  }

  /** What the engine needs from the settings: the template (relative to the workspace folder) and rule levels. */
  checkSettings(uri: string, settings: SocIdeasSettings): CheckSettings {
    return {
      ...(settings.template.trim() ? { template: settings.template.trim(), baseUri: this.folderOf(uri) } : {}),
      ...(Object.keys(settings.rules).length ? { rules: settings.rules } : {}),
    };
  }
}
