// Built-in templates: every version of the CNCF-style project-idea template (see DESIGN.md,
// "Where the template comes from"), oldest first. Detection keeps the older preset on a tie.
import type { MentorSpec, Template, TemplateField } from './types';

const TAB = { marker: '-', gap: '\t' } as const;
const SPACE = { marker: '-', gap: ' ' } as const;

const INLINE: MentorSpec = { layout: 'inline', email: false, min: 1 };
const INLINE_EMAIL: MentorSpec = { layout: 'inline', email: true, min: 1 };
const SUBLIST_TWO: MentorSpec = { layout: 'sublist', email: true, min: 2 };

function field(key: string, label: string, extra: Omit<TemplateField, 'key' | 'label' | 'required'> = {}): TemplateField {
  return { key, label, required: true, ...extra };
}

/** Fields admins add after selection: allowed, never required. */
function adminField(key: string, label: string, hint?: string): TemplateField {
  return hint === undefined ? { key, label, required: false } : { key, label, required: false, hint };
}

const description = field('description', 'Description');
const skills = field('skills', 'Recommended Skills');
const mentors = field('mentors', 'Mentor(s)');
const outcome = field('outcome', 'Expected Outcome');
const upstreamIssueUrl = field('issue', 'Upstream Issue (URL)');
const upstreamIssue = field('issue', 'Upstream Issue');
const lfxUrl = adminField('lfx_url', 'LFX URL');

const SENTENCES = '(2-5+ sentences)';
const gsocDescription = field('description', 'Description', { hint: SENTENCES, placeholders: ['2-5+ sentences', SENTENCES] });
const gsocOutcome = field('outcome', 'Expected outcome');

const HOURS = '175 or 350 Hours';
const DIFFICULTY = 'Easy, Medium, or Hard';
const HOUR_CHOICES = ['175 Hours', '350 Hours'];
const DIFFICULTY_CHOICES = ['Easy', 'Medium', 'Hard'];
// 2022 wrote the placeholders bare, 2023 in parentheses.
const gsocSize2022 = field('size', 'Expected project size', { hint: HOURS, choices: HOUR_CHOICES, placeholders: [HOURS] });
const gsocDifficulty2022 = field('difficulty', 'Difficulty', { hint: DIFFICULTY, choices: DIFFICULTY_CHOICES, placeholders: [DIFFICULTY] });
const gsocSize2023 = field('size', 'Expected project size', {
  hint: `(${HOURS})`,
  choices: HOUR_CHOICES,
  placeholders: [HOURS, `(${HOURS})`],
});
const gsocDifficulty2023 = field('difficulty', 'Difficulty', {
  hint: `(${DIFFICULTY})`,
  choices: DIFFICULTY_CHOICES,
  placeholders: [DIFFICULTY, `(${DIFFICULTY})`],
});

const SIZE_COMMENT =
  '# one of small (~90 hour projects), medium (~175 hour projects) and large (~350 hour projects)';
const MENTORS_2024_COMMENT = '#For GSoC, it is **required** to have at least 2 mentors with 1 being a primary mentor.';
const MENTORS_TEMPLATE_COMMENT =
  '# It is recommended to have at least 2 mentors, and at least one of them should be the primary mentor. For GSoC, it is **required** to have at least 2 mentors.';
const JANE = 'Jane Doe (@jane-github, jane@email.address)';
const JOHN = 'John Doe (@john-github, john@email.address)';
const LFX_MENTOR = 'Mentor Name (@mentor_github, mentor@email.addy)';
const LFX_MENTOR_2 = '2nd Mentor Name (@mentor_github, mentor@email.addy)';

export const PRESETS: readonly Template[] = [
  {
    id: 'cncf-2019',
    name: 'CNCF project idea template (2019)',
    projectLevel: 3,
    ideaLevel: 4,
    fields: [description, skills, mentors, field('issue', 'Issue')],
    bullet: TAB,
    mentors: INLINE,
  },
  {
    id: 'cncf-2020',
    name: 'CNCF project idea template (2020)',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [description, skills, mentors, upstreamIssueUrl],
    bullet: TAB,
    mentors: INLINE,
  },
  {
    id: 'cb-2020',
    name: 'CNCF CommunityBridge selected projects (2020)',
    projectLevel: 3,
    ideaLevel: 4,
    fields: [
      description,
      skills,
      mentors,
      adminField('mentee', 'Mentee', '(Communty Bridge URL)'),
      upstreamIssueUrl,
      adminField('lfx_url', 'Community Bridge project (URL)'),
    ],
    bullet: TAB,
    mentors: INLINE,
  },
  {
    id: 'cncf-2022',
    name: 'CNCF project idea template (2022, spaces)',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [description, skills, mentors, upstreamIssueUrl],
    bullet: SPACE,
    mentors: INLINE,
  },
  {
    id: 'gsoc-2022',
    name: 'CNCF GSoC template (2022)',
    projectLevel: 3,
    ideaLevel: 4,
    fields: [gsocDescription, gsocOutcome, skills, mentors, gsocSize2022, gsocDifficulty2022, upstreamIssueUrl],
    bullet: SPACE,
    mentors: INLINE,
  },
  {
    id: 'cncf-2023',
    name: 'CNCF project idea template (2023)',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [description, outcome, skills, mentors, upstreamIssueUrl],
    bullet: SPACE,
    mentors: INLINE,
  },
  {
    id: 'gsoc-2023',
    name: 'CNCF GSoC template (2023)',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [
      gsocDescription,
      gsocOutcome,
      skills,
      field('mentors', 'Mentor(s)', { hint: '(Name, github, email)', placeholders: ['Name, github, email', '(Name, github, email)'] }),
      gsocSize2023,
      gsocDifficulty2023,
      upstreamIssueUrl,
    ],
    bullet: SPACE,
    mentors: INLINE_EMAIL,
  },
  {
    id: 'lfx-2023',
    name: 'CNCF LFX Mentorship template (2023)',
    projectLevel: 3,
    ideaLevel: 4,
    fields: [
      description,
      outcome,
      skills,
      field('mentors', 'Mentor(s)', { hint: LFX_MENTOR, placeholders: [LFX_MENTOR] }),
      upstreamIssue,
      lfxUrl,
    ],
    bullet: SPACE,
    mentors: INLINE_EMAIL,
  },
  {
    id: 'cncf-2024',
    name: 'CNCF GSoC template (2024)',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [
      description,
      outcome,
      skills,
      field('size', 'Expected project size', {
        hint: SIZE_COMMENT,
        choices: ['small (~90 hour projects)', 'medium (~175 hour projects)', 'large (~350 hour projects)'],
        placeholders: [SIZE_COMMENT],
      }),
      field('mentors', 'Mentor(s)', { hint: MENTORS_2024_COMMENT, placeholders: [MENTORS_2024_COMMENT, JANE, JOHN] }),
      upstreamIssueUrl,
    ],
    bullet: SPACE,
    mentors: SUBLIST_TWO,
  },
  {
    // PROJECT_IDEA_TEMPLATE.md of 2024-01-17: the 2023 fields with the 2024 mentor sub-list.
    id: 'cncf-template-2024',
    name: 'CNCF PROJECT_IDEA_TEMPLATE.md (2024)',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [
      description,
      outcome,
      skills,
      field('mentors', 'Mentor(s)', { hint: MENTORS_TEMPLATE_COMMENT, placeholders: [MENTORS_TEMPLATE_COMMENT, JANE, JOHN] }),
      upstreamIssueUrl,
    ],
    bullet: SPACE,
    mentors: SUBLIST_TWO,
  },
  {
    id: 'lfx-2024',
    name: 'CNCF LFX Mentorship template (2024)',
    projectLevel: 3,
    ideaLevel: 4,
    fields: [
      description,
      outcome,
      skills,
      field('mentors', 'Mentor(s)', {
        hint: 'please use the same email address as you use on the LFX Mentorship Platform at https://mentorship.lfx.linuxfoundation.org',
        placeholders: [LFX_MENTOR, LFX_MENTOR_2],
      }),
      upstreamIssue,
      lfxUrl,
    ],
    bullet: SPACE,
    mentors: SUBLIST_TWO,
  },
  {
    // An LFX term README that cncf/mentoring generates from its proposal form (2026+): the
    // description is a quoted block (its outcomes inside it), skills are repeated as technologies.
    id: 'lfx-generated',
    name: 'CNCF LFX Mentorship README generated from the proposal form',
    projectLevel: 3,
    ideaLevel: 4,
    fields: [
      description,
      skills,
      { key: 'technologies', label: 'Technologies', required: false },
      field('mentors', 'Mentor(s)'),
      upstreamIssue,
      lfxUrl,
    ],
    bullet: SPACE,
    mentors: { layout: 'sublist', email: true, min: 1 },
    generated: true,
  },
  {
    id: 'tidb',
    name: 'TiDB talent challenge program',
    projectLevel: 4,
    ideaLevel: 5,
    fields: [description, skills, mentors, field('issue', 'Upstream Issue or RFC (URL)'), adminField('difficulty', 'Difficulty')],
    bullet: SPACE,
    mentors: INLINE,
  },
];

export function presetById(id: string): Template | undefined {
  const wanted = id.trim().toLowerCase();
  return PRESETS.find((p) => p.id === wanted);
}
