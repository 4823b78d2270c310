import type { Rule } from './rule';

export const fieldValue: Rule = {
  id: 'field-value',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
