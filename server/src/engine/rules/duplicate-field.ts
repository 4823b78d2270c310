import type { Rule } from './rule';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  defaultSeverity: 'error',
  description: 'TODO',
  fixable: false,
  check() {},
};
