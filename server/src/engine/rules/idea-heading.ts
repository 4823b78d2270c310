import type { Rule } from './rule';

export const ideaHeading: Rule = {
  id: 'idea-heading',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
