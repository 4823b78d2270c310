import type { Rule } from './rule';

export const issueLink: Rule = {
  id: 'issue-link',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
