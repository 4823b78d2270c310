// What the editor writes for the user to fill in (a new idea's title and mentor entries): the
// placeholder rule flags it where it is left, as it flags the template's own placeholders.
export const INSERTED_PLACEHOLDERS = {
  title: 'Idea title',
  mentor: { name: 'Name', handle: 'handle', email: 'email' },
  /**
   * Pieces of an entry left as inserted (`Name (@handle, email)`), each flagged alone once the rest is
   * filled in; none can be part of a real entry (a name ending in "name" is not `Name (@`).
   */
  mentorTexts: ['(@handle)', '(@handle,', ', email)'],
} as const;
