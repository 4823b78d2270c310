import type { Rule } from './rule';

export const missingField: Rule = {
  id: 'missing-field',
  defaultSeverity: 'error',
  description: 'TODO',
  fixable: false,
  check() {},
};
