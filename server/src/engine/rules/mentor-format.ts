import type { Rule } from './rule';

export const mentorFormat: Rule = {
  id: 'mentor-format',
  defaultSeverity: 'warning',
  description: 'TODO',
  fixable: false,
  check() {},
};
