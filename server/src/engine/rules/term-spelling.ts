import type { Rule } from './rule';

export const termSpelling: Rule = {
  id: 'term-spelling',
  defaultSeverity: 'info',
  description: 'TODO',
  fixable: false,
  check() {},
};
