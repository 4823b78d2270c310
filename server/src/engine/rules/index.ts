// Every rule, in the order of the design's catalogue.
import { missingField } from './missing-field';
import { emptyField } from './empty-field';
import { unknownField } from './unknown-field';
import { fieldLabel } from './field-label';
import { fieldOrder } from './field-order';
import { duplicateField } from './duplicate-field';
import { placeholder } from './placeholder';
import { fieldValue } from './field-value';
import { mentorFormat } from './mentor-format';
import { mentorHandle } from './mentor-handle';
import { mentorCount } from './mentor-count';
import { mentorIdentity } from './mentor-identity';
import { mentorPrimary } from './mentor-primary';
import { mentorMaintainer } from './mentor-maintainer';
import { issueLink } from './issue-link';
import { issueProject } from './issue-project';
import { duplicateIdea } from './duplicate-idea';
import { ideaHeading } from './idea-heading';
import { ideaOrder } from './idea-order';
import { listMarker } from './list-marker';
import { skillSpelling } from './skill-spelling';
import { termSpelling } from './term-spelling';
import { toc } from './toc';
import { duplicateIssue } from './duplicate-issue';
import { issueState } from './issue-state';
import { issueAssigned } from './issue-assigned';
import { frontMatter } from './front-matter';
import { fieldLength } from './field-length';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  missingField,
  emptyField,
  unknownField,
  fieldLabel,
  fieldOrder,
  duplicateField,
  placeholder,
  fieldValue,
  mentorFormat,
  mentorHandle,
  mentorCount,
  mentorIdentity,
  mentorPrimary,
  mentorMaintainer,
  issueLink,
  issueProject,
  duplicateIdea,
  ideaHeading,
  ideaOrder,
  listMarker,
  skillSpelling,
  termSpelling,
  toc,
  duplicateIssue,
  issueState,
  issueAssigned,
  frontMatter,
  fieldLength,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The rules whose findings read only the structure (Rule.structural): a large file's first stage. */
export const STRUCTURAL_RULES: readonly Rule[] = RULES.filter((rule) => rule.structural);
