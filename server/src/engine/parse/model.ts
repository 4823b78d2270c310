// The model every feature reads: an idea file as projects → ideas → fields.
// Pure data. Offsets are UTF-16 code-unit indices into the document text
// (JavaScript string indices); `LineIndex` turns them into line/character.

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** 0-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Canonical field keys. Templates may add others (any lower-case word). */
export type FieldKey =
  | 'description'
  | 'outcome'
  | 'skills'
  | 'mentors'
  | 'size'
  | 'difficulty'
  | 'issue'
  | 'lfx_url'
  | 'mentee'
  | 'technologies'
  | 'primary_mentor'
  | (string & {});

export interface Heading {
  readonly level: number;
  /** Heading text without markers, trimmed. */
  readonly text: string;
  /** The whole heading (both lines for a setext heading). */
  readonly span: Span;
  /** Just the text. */
  readonly textSpan: Span;
  readonly setext: boolean;
}

/** A list item inside a field (a mentor sub-list entry, an example bullet). */
export interface SubItem {
  readonly text: string;
  /** The item's text after its bullet marker. */
  readonly span: Span;
  /** The whole item, marker included. */
  readonly itemSpan: Span;
}

export type BulletChar = '-' | '*' | '+' | '';

export interface Field {
  /** Canonical key when the label is recognised, else null. */
  readonly key: FieldKey | null;
  /** The label as written, without bold markers or colon. */
  readonly label: string;
  readonly labelSpan: Span;
  /** Everything after the label on the item's lines, trimmed (sub-items included). */
  readonly value: string;
  /** Span of `value` in the text; empty span right after the colon when there is no value. */
  readonly valueSpan: Span;
  /** The first line of the value only (before any sub-list), trimmed. */
  readonly inlineValue: string;
  readonly inlineValueSpan: Span;
  /** The whole list item, from its marker to the end of its content. */
  readonly itemSpan: Span;
  /** The full lines the item occupies (start of first line to after the last line break). */
  readonly linesSpan: Span;
  /** '' when the field is a plain `Label: value` line outside a list. */
  readonly bullet: BulletChar;
  /** Span of the marker and the white space after it (`-\t`, `* `). Empty when no bullet. */
  readonly markerSpan: Span;
  /** The white space between marker and label, as written. */
  readonly markerGap: string;
  /** Columns of indentation before the marker. */
  readonly indent: number;
  readonly bold: boolean;
  readonly hasColon: boolean;
  readonly subItems: readonly SubItem[];
}

export type MentorForm =
  | 'name-handle' // Jane Doe (@jane)
  | 'name-handle-email' // Jane Doe (@jane, jane@x.org)
  | 'link' // [Jane Doe](https://github.com/jane)
  | 'link-handle' // [@jane](https://github.com/jane)
  | 'handle' // @jane
  | 'name' // Jane Doe
  | 'name-bare-handle' // Jane Doe (jane)
  | 'other';

export interface Mentor {
  /** The entry as written. */
  readonly raw: string;
  readonly span: Span;
  readonly name?: string;
  /** GitHub handle without the `@`. */
  readonly handle?: string;
  readonly email?: string;
  readonly form: MentorForm;
  /** Trailing role text such as `primary`. */
  readonly role?: string;
}

export interface Skill {
  readonly raw: string;
  /** Trimmed, trailing punctuation removed; the spelling as used. */
  readonly name: string;
  readonly span: Span;
}

export type IssueKind = 'issue' | 'pull' | 'issue-list' | 'repo' | 'github-other' | 'url' | 'text';

export interface IssueRef {
  readonly url: string;
  readonly span: Span;
  readonly kind: IssueKind;
  readonly owner?: string;
  readonly repo?: string;
  readonly number?: number;
}

export interface Idea {
  readonly title: string;
  readonly heading: Heading;
  /** From the heading to the next heading of the same or a higher level (or the end). */
  readonly span: Span;
  readonly project: Project | null;
  /** Sub-project and theme headings between the project and the idea, outermost first. */
  readonly path: readonly string[];
  /**
   * Written at the project level right after a project whose ideas are sub-headings: kept under
   * that project (idea-heading reports it).
   */
  readonly atProjectLevel: boolean;
  /**
   * A second field block under another idea's heading (its own heading was lost): `heading` is then
   * an empty span at its first field, and duplicate-field reports it.
   */
  readonly headless: boolean;
  /**
   * How the idea is written when not as a heading and its fields: a table row (`heading` is then its
   * title cell, each field a cell labelled by its header cell) or the file's front matter.
   */
  readonly syntax?: 'table-row' | 'front-matter';
  readonly fields: readonly Field[];
  readonly mentors: readonly Mentor[];
  readonly skills: readonly Skill[];
  readonly issues: readonly IssueRef[];
  /**
   * Where the idea was built from: `key` is the same object exactly when the idea's own section
   * (heading to next heading) has the same text, `base` is where that section starts now. Lets the
   * linter re-use an unchanged idea's findings after an edit elsewhere.
   */
  readonly origin?: { readonly key: object; readonly base: number };
}

export interface Project {
  readonly title: string;
  readonly heading: Heading;
  readonly span: Span;
  readonly ideas: Idea[];
}

export interface HtmlComment {
  readonly text: string;
  readonly span: Span;
}

export interface CodeBlock {
  readonly lang: string;
  readonly value: string;
  readonly span: Span;
  /** Span of `value` (the lines between the fences). */
  readonly valueSpan: Span;
}

/** The YAML front matter at the start of a file (Jekyll pages and collections). */
export interface FrontMatter {
  /** The block, fences included, with the line break after the closing fence. */
  readonly span: Span;
  /** The YAML between the fences. */
  readonly contentSpan: Span;
  /** Top-level keys as written, in order, with their values' spans. */
  readonly keys: ReadonlyArray<{ readonly key: string; readonly keySpan: Span; readonly valueSpan: Span }>;
  /** The first YAML error, or why the YAML was not read. */
  readonly error?: { readonly message: string; readonly span: Span };
  /** The file's one idea, when the keys make one (then it is `ideas[0]`). */
  readonly idea?: Idea;
}

export interface IdeaDocument {
  readonly text: string;
  readonly lines: LineIndexLike;
  /** Every heading outside code blocks and HTML comments, in order. */
  readonly headings: readonly Heading[];
  /** Projects that hold at least one idea, in order. */
  readonly projects: readonly Project[];
  /** Every idea, in order, including ideas outside any project. */
  readonly ideas: readonly Idea[];
  /** Ideas under a "Sample"/"Example"/"Template" heading: parsed but never checked. */
  readonly samples: readonly Idea[];
  readonly comments: readonly HtmlComment[];
  readonly codeBlocks: readonly CodeBlock[];
  /** True when the file holds at least one idea: only idea files get anything. */
  readonly isIdeaFile: boolean;
  /** The front matter, when the file starts with one. */
  readonly frontMatter?: FrontMatter;
  /** Set when an absurd structure was read in a bounded way (deep nesting, endless lazy lines): what was cut. */
  readonly limited?: string;
}

export interface LineIndexLike {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  lineStart(line: number): number;
  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number;
}
