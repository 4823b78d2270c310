import type { Rule } from './rule';

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
