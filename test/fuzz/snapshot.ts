// Plain-data views of a parse and of findings, so two parses can be compared with deepEqual
// (the model holds a LineIndex and project ↔ idea back references).
import type { Finding } from '../../server/src/engine/findings/findings';
import type { Field, Idea, IdeaDocument } from '../../server/src/engine/parse/model';

export function modelOf(doc: IdeaDocument) {
  return {
    isIdeaFile: doc.isIdeaFile,
    headings: doc.headings,
    projects: doc.projects.map((p) => ({ title: p.title, heading: p.heading, span: p.span, ideas: p.ideas.map((i) => i.heading.span.start) })),
    ideas: doc.ideas.map(ideaOf),
    samples: doc.samples.map(ideaOf),
    comments: doc.comments,
    codeBlocks: doc.codeBlocks,
    frontMatter: doc.frontMatter ? { span: doc.frontMatter.span, keys: doc.frontMatter.keys, error: doc.frontMatter.error, idea: doc.frontMatter.idea?.heading.span.start } : undefined,
  };
}

function ideaOf(idea: Idea) {
  return {
    title: idea.title,
    heading: idea.heading,
    span: idea.span,
    project: idea.project?.heading.span.start ?? null,
    fields: idea.fields.map(fieldOf),
    mentors: idea.mentors,
    skills: idea.skills,
    issues: idea.issues,
  };
}

function fieldOf(field: Field) {
  return { ...field, subItems: field.subItems.map((s) => ({ ...s })) };
}

/** Findings without their functions or identity: rule, severity, message, span, fix edits. */
export function findingsOf(findings: readonly Finding[]) {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    span: f.span,
    fix: f.fix ? { title: f.fix.title, interactive: f.fix.interactive === true, edits: f.fix.edits.map((e) => ({ span: e.span, newText: e.newText })) } : null,
  }));
}
