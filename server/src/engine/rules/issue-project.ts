import type { Rule } from './rule';

export const issueProject: Rule = {
  id: 'issue-project',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
