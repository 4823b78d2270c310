import type { Rule } from './rule';

export const listMarker: Rule = {
  id: 'list-marker',
  defaultSeverity: 'info',
  description: 'TODO',
  fixable: false,
  check() {},
};
