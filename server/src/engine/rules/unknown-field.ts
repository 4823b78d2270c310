import type { Rule } from './rule';

export const unknownField: Rule = {
  id: 'unknown-field',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
