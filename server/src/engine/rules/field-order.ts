import type { Rule } from './rule';

export const fieldOrder: Rule = {
  id: 'field-order',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
