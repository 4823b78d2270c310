// GSoC asks for at least two mentors per idea since 2024; templates say how many.
import { valuePlace } from './field-support';
import type { Rule } from './rule';

export const mentorCount: Rule = {
  id: 'mentor-count',
  defaultSeverity: 'warning',
  description: 'An idea has fewer mentors than the template asks for.',
  fixable: false,
  scope: 'idea',
  check({ doc, template, report }) {
    const min = template.mentors.min;
    if (min <= 1) return;
    for (const idea of doc.ideas) {
      const fields = idea.fields.filter((f) => f.key === 'mentors');
      // No mentors field: missing-field says so; an empty one: empty-field.
      const first = fields[0];
      if (!first || fields.every((f) => f.value.trim() === '')) continue;
      const count = idea.mentors.length;
      if (count >= min) continue;
      report({
        span: valuePlace(idea, first),
        message: `This idea has ${count === 1 ? 'one mentor' : `${count} mentors`}; the template asks for at least ${min}. Add ${min - count === 1 ? 'another mentor' : `${min - count} more mentors`}.`,
      });
    }
  },
};
