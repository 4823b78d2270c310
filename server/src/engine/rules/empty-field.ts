import type { Rule } from './rule';

export const emptyField: Rule = {
  id: 'empty-field',
  defaultSeverity: 'error',
  description: 'TODO',
  fixable: false,
  check() {},
};
