// The template module: where the template in force comes from, and the built-in presets.
export type { MentorSpec, ResolvedTemplate, Template, TemplateField, TemplateSource, TemplateSourceKind } from './types';
export { PRESETS, presetById } from './presets';
export { templateFromMarkdown, looksLikeTemplate, type TemplateMeta } from './fromMarkdown';
export { templateFromProjectIdeaFile } from './projectIdeaTemplate';
export { findInlineTemplate } from './inline';
export { bestPreset } from './detect';
export { resolveTemplate, PROJECT_IDEA_TEMPLATE_FILE, type ConfiguredTemplate, type ResolveTemplateOptions } from './resolve';
