import type { Rule } from './rule';

export const mentorCount: Rule = {
  id: 'mentor-count',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
