// A template is data: which heading levels, which fields in which order, what each value looks like.
import type { FieldKey } from '../parse/model';

export interface TemplateField {
  readonly key: FieldKey;
  /** The label exactly as the template writes it: `Mentor(s)`, `Upstream Issue (URL)`. */
  readonly label: string;
  readonly required: boolean;
  /** The template's own text after the label (placeholder or comment), shown on hover and as a hint. */
  readonly hint?: string;
  /** Allowed values, when the template lists them (`Easy, Medium, or Hard`). Compared case-insensitively. */
  readonly choices?: readonly string[];
  /** Placeholder strings that must not be left in a value. */
  readonly placeholders?: readonly string[];
  /** A limit the template states for the value (an issue form's "max 300 characters"). */
  readonly limit?: FieldLimit;
}

export interface FieldLimit {
  readonly count: number;
  readonly unit: 'characters' | 'words' | 'sentences';
}

export type TemplateSourceKind = 'setting' | 'inline' | 'sibling' | 'file' | 'form' | 'preset';

export interface TemplateSource {
  readonly kind: TemplateSourceKind;
  /** URI of the file the template came from (setting path, the idea file, PROJECT_IDEA_TEMPLATE.md). */
  readonly uri?: string;
  /** 0-based line of the template block in that file. */
  readonly line?: number;
  /** Why this source was chosen, for the user: "best match for the fields used (7 of 7)". */
  readonly reason: string;
}

export interface MentorSpec {
  /** `inline`: `- Mentor(s): Jane Doe (@jane)`; `sublist`: one `  - ` item per mentor. */
  readonly layout: 'inline' | 'sublist';
  readonly email: boolean;
  /** Fewest mentors an idea needs (2024+: 2). */
  readonly min: number;
  /** false: the template does not ask for GitHub handles (a file's own convention without them). */
  readonly handles?: boolean;
}

export interface Template {
  /** Preset id (`cncf-2019`) or a stable id for a file template. */
  readonly id: string;
  readonly name: string;
  /** Heading level of a project section; null when ideas have no project level. */
  readonly projectLevel: number | null;
  readonly ideaLevel: number;
  readonly fields: readonly TemplateField[];
  /** Bullet the template writes fields with: marker and the white space after it. */
  readonly bullet: { readonly marker: '-' | '*' | '+'; readonly gap: string };
  readonly mentors: MentorSpec;
  /**
   * A built-in preset picked because it best matches the file, and only weakly, not one the file
   * states or inherits: its required fields bind only where the file's own convention agrees
   * (FINDINGS-POLICY), and no finding from it is an error.
   */
  readonly guessed?: boolean;
  /**
   * The template names fields only, not how they are written (label markup and colon, bullets,
   * mentor entries): a file's own convention, read from a list no preset fits.
   */
  readonly freeForm?: boolean;
  /**
   * Read from the other files of the folder (one idea per file in front matter): how many. A field
   * the file lacks is judged by them, not by the file's own ideas.
   */
  readonly acrossFiles?: number;
  /** The file is written by a program (a generated README): what it lacks, no author can add. */
  readonly generated?: boolean;
}

export interface ResolvedTemplate {
  readonly template: Template;
  readonly source: TemplateSource;
  /** Problems met while looking for it (unreadable template file…), shown to the user. */
  readonly notes: readonly string[];
}
