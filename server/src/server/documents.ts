// Open documents: their text (updated incrementally, as the client sends ranges) and their parse.
// Each document keeps a SectionCache, so a re-parse after an edit runs remark only on the sections
// the edit touched; the parse itself is memoised per text generation and done synchronously when first asked.
// Caches key on `generation`, never on the LSP version alone: a client may send one version twice.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { IdeaDocument } from '../engine/parse/model';
import { LintCache } from '../engine/rules/lint';
import { SectionCache, parseDocument } from '../engine/parse/parse';
import { LineIndex } from '../engine/parse/text';

/** Generations whose edit starts a document keeps (see unchangedBefore). */
const EDITS_KEPT = 16;

export class OpenDocument {
  private text: string;
  /** The text's lines, kept up to date by each edit (the parse re-uses them); made when first needed. */
  private lineIndex: LineIndex | undefined;
  private currentVersion: number;
  readonly cache = new SectionCache();
  /** Findings of unchanged ideas, re-used by the next check. */
  readonly lintCache = new LintCache();
  private parsed: { generation: number; doc: IdeaDocument } | undefined;
  /** Bumped on every update of the text (whatever version the client gave it). */
  generation = 0;
  /** Bumped when something this document's check depends on changed (another file, settings). */
  epoch = 0;
  /** Where and when the text last changed: the line the user is writing on (0-based, in the new text). */
  lastEdit: { readonly line: number; readonly at: number } | undefined;
  /** Per text generation (the last few), the first offset its edits changed (see unchangedBefore). */
  private readonly editStarts: Array<{ readonly generation: number; readonly start: number }> = [];
  /** Set once its first check got past its first stage (a large document's first check is staged: server/analysis.ts). */
  checked = false;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.text = content;
    this.currentVersion = version;
  }

  get version(): number {
    return this.currentVersion;
  }

  getText(): string {
    return this.text;
  }

  private get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    // Tell the parse cache where the text changed, so the next parse need not compare the texts.
    // The text and its line index are edited here (as the client counts lines: \n, \r\n, lone \r),
    // and the parse takes that index as it is.
    let editEnd: number | undefined;
    let changedFrom = Infinity;
    for (const change of changes) {
      const text = this.text;
      const length = text.length;
      if ('range' in change) {
        let start = this.lines.offsetAt(change.range.start);
        let end = this.lines.offsetAt(change.range.end);
        if (start > end) [start, end] = [end, start];
        this.cache.noteEdit(start, end, change.text.length, length);
        const next = text.slice(0, start) + change.text + text.slice(end);
        this.lineIndex = this.lines.edited(next, start, length - end);
        this.text = next;
        editEnd = start + change.text.length;
        changedFrom = Math.min(changedFrom, start);
      } else {
        this.cache.noteEdit(0, length, change.text.length, length);
        this.text = change.text;
        this.lineIndex = undefined;
        editEnd = undefined; // the whole text replaced: no line being written
        changedFrom = 0;
      }
    }
    this.currentVersion = version;
    this.generation++;
    this.editStarts.push({ generation: this.generation, start: changedFrom });
    if (this.editStarts.length > EDITS_KEPT) this.editStarts.shift();
    this.lastEdit = editEnd === undefined ? undefined : { line: this.lines.positionAt(editEnd).line, at: Date.now() };
  }

  /**
   * The text before this offset is as it was at `generation` (every edit since began at or after
   * it): Infinity for the same generation, 0 when the edits since are no longer known.
   */
  unchangedBefore(generation: number): number {
    if (generation === this.generation) return Infinity;
    const since = this.editStarts.findIndex((e) => e.generation === generation + 1);
    if (generation > this.generation || since < 0) return 0;
    let start = Infinity;
    for (let k = since; k < this.editStarts.length; k++) start = Math.min(start, this.editStarts[k]!.start);
    return start;
  }

  /** The parse of the current text (re-using the cached sections). */
  parse(): IdeaDocument {
    if (this.parsed?.generation !== this.generation) {
      this.parsed = { generation: this.generation, doc: parseDocument(this.text, { cache: this.cache, lines: this.lines }) };
    }
    return this.parsed.doc;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const doc = new OpenDocument(uri, languageId, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  close(uri: string): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    this.docs.delete(uri);
    return doc;
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }
}
