// Every rule id, as the design fixes them. Config validation and docs read this list.
export const RULE_IDS = [
  'missing-field',
  'empty-field',
  'unknown-field',
  'field-label',
  'field-order',
  'duplicate-field',
  'placeholder',
  'field-value',
  'mentor-format',
  'mentor-handle',
  'mentor-count',
  'mentor-identity',
  'mentor-primary',
  'issue-link',
  'issue-project',
  'duplicate-idea',
  'idea-heading',
  'list-marker',
  'skill-spelling',
  'term-spelling',
  'toc',
  'duplicate-issue',
  'issue-state',
  'issue-assigned',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
