import type { Rule } from './rule';

export const duplicateIdea: Rule = {
  id: 'duplicate-idea',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
