import type { Rule } from './rule';

export const mentorHandle: Rule = {
  id: 'mentor-handle',
  defaultSeverity: 'error',
  description: 'TODO',
  fixable: false,
  check() {},
};
