// The front matter of an idea file is YAML that cannot be read (issue 12): Jekyll stops building the
// site at such a page, and the keys after the error may be lost. The parse never fails on it: the
// keys read up to the error are still the idea's fields.
import type { Rule } from './rule';

export const frontMatter: Rule = {
  id: 'front-matter',
  defaultSeverity: 'warning',
  description: 'The YAML front matter of an idea file cannot be read.',
  fixable: false,
  structural: true,
  check(context) {
    const error = context.doc.frontMatter?.error;
    if (!error) return;
    context.report({ span: error.span, message: `${upper(error.message)}. Jekyll will not build this page; fix the YAML (quote a value that holds \`: \` or starts with \`*\`, \`&\`, \`[\`).` });
  },
};

function upper(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
