import type { Rule } from './rule';

export const skillSpelling: Rule = {
  id: 'skill-spelling',
  defaultSeverity: 'info',
  description: 'TODO',
  fixable: false,
  check() {},
};
