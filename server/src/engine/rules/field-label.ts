import type { Rule } from './rule';

export const fieldLabel: Rule = {
  id: 'field-label',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
