import type { Rule } from './rule';

export const mentorIdentity: Rule = {
  id: 'mentor-identity',
  defaultSeverity: 'info',
  description: 'TODO',
  fixable: false,
  check() {},
};
