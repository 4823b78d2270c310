// The built-in templates a user can choose from (the editor's template picker), each with what tells
// them apart: heading levels, fields and how mentors are written.
import type { TemplateChoice } from '../../protocol';
import { PRESETS } from '../template/presets';
import type { Template } from '../template/types';

export function presetChoices(): TemplateChoice[] {
  return PRESETS.map((t) => ({ id: t.id, name: t.name, summary: templateSummary(t) }));
}

/** "projects at ###, ideas at ####, mentors inline: Description, Recommended Skills, Mentor(s), Issue". */
export function templateSummary(t: Template): string {
  const levels = [...(t.projectLevel !== null ? [`projects at ${'#'.repeat(t.projectLevel)}`] : []), `ideas at ${'#'.repeat(t.ideaLevel)}`];
  const mentors = `mentors ${t.mentors.layout === 'sublist' ? 'as a sub-list' : 'inline'}`;
  return `${[...levels, mentors].join(', ')}: ${t.fields.filter((f) => f.required).map((f) => f.label).join(', ')}`;
}
