// Where each rule's page is: the client's copy (the docs ship with the extension) or the one beside the
// Node server's bundle. A diagnostic links to it, and "Show documentation for RULE" opens it. One folder
// per server process, set at `initialize`.
import { RULE_IDS } from '../engine/rules/ids';

const KNOWN = new Set<string>(RULE_IDS);
let folder: string | undefined;

/** The folder URI holding `<rule>.md`; undefined: no pages to link to. */
export function setRuleDocsFolder(uri: string | undefined): void {
  folder = uri === undefined || uri === '' ? undefined : uri.endsWith('/') ? uri : `${uri}/`;
}

/** The URI of a rule's page, or undefined for an unknown rule or when there are no pages. */
export function ruleDocUri(rule: string): string | undefined {
  return folder !== undefined && KNOWN.has(rule) ? `${folder}${rule}.md` : undefined;
}
