// The four lint output formats. Each takes sorted findings and returns the whole output text.
import schema from '../../../schemas/soc-ideas.schema.json';
import { RULE_IDS } from '../engine/rules/ids';
import type { LintFormat } from './args';
import { escapeControls } from './controls';
import { countFindings, type CliFinding } from './report';

export const TOOL_NAME = 'soc-ideas';

/**
 * Where a rule's page is, relative to the package (it ships `docs/rules/`). The project has no
 * repository or site of its own (package.json names none), so SARIF gets no `helpUri` or
 * `informationUri`, which must be absolute URIs: each rule carries its `help` text, naming this page.
 */
export function ruleDocPath(rule: string): string {
  return `docs/rules/${rule}.md`;
}

function ruleHelp(rule: string): { text: string; markdown: string } {
  const description = ruleDescription(rule);
  return {
    text: `${description} Documentation: ${ruleDocPath(rule)} in the soc-ideas package.`,
    markdown: `${description}\n\nDocumentation: \`${ruleDocPath(rule)}\` in the soc-ideas package (also shown by \"Show documentation for ${rule}\" in VS Code).`,
  };
}

/** The schema holds each rule's one-line description, so the editor and SARIF say the same thing. */
function ruleDescription(rule: string): string {
  const rules = schema.properties.rules.properties as Record<string, { description: string } | undefined>;
  return rules[rule]?.description ?? rule;
}

export interface FormatOptions {
  readonly color: boolean;
  readonly version: string;
}

export function formatFindings(format: LintFormat, findings: readonly CliFinding[], options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, options.version);
    case 'github':
      return formatGithub(findings);
    case 'stylish':
      return formatStylish(findings, options.color);
  }
}

export function formatJson(findings: readonly CliFinding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}

// ---- stylish (after eslint's) ----

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const paint = { red: ansi(31), yellow: ansi(33), blue: ansi(34), dim: ansi(2), underline: ansi(4), bold: ansi(1) };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(findings: readonly CliFinding[], color: boolean): string {
  if (findings.length === 0) return '';
  const c = color ? paint : { red: id, yellow: id, blue: id, dim: id, underline: id, bold: id };
  const byFile = new Map<string, CliFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push('', c.underline(escapeControls(file)));
    const rows = list.map((f) => [`${f.line}:${f.column}`, f.severity, escapeControls(f.message.replace(/\r?\n/g, ' ')), f.rule] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    const msgWidth = Math.max(...rows.map((r) => r[2].length));
    for (const [pos, severity, message, rule] of rows) {
      const sev = severity.padEnd(sevWidth);
      const paintedSev = severity === 'error' ? c.red(sev) : severity === 'warning' ? c.yellow(sev) : c.blue(sev);
      out.push(`  ${c.dim(pos.padEnd(posWidth))}  ${paintedSev}  ${message.padEnd(msgWidth)}  ${c.dim(rule)}`);
    }
  }
  const { errors, warnings, infos } = countFindings(findings);
  const summary = `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  out.push('', errors > 0 ? c.bold(c.red(summary)) : warnings > 0 ? c.bold(c.yellow(summary)) : c.bold(summary), '');
  return out.join('\n');
}

function id(s: string): string {
  return s;
}

// ---- GitHub Actions workflow commands ----

/** Control characters (CR among them) made visible first: the runner prints the message into the job's log. */
function escapeData(s: string): string {
  return escapeControls(s).replace(/%/g, '%25').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: readonly CliFinding[]): string {
  return findings
    .map((f) => {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      return `::${command} ${props}::${escapeData(f.message)}\n`;
    })
    .join('');
}

// ---- SARIF 2.1.0 ----

function sarifLevel(severity: CliFinding['severity']): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative URI reference: forward slashes, each segment percent-encoded. */
function sarifUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(findings: readonly CliFinding[], version: string): string {
  const ruleIndex = new Map<string, number>(RULE_IDS.map((rule, i) => [rule, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            rules: RULE_IDS.map((rule) => ({
              id: rule,
              shortDescription: { text: ruleDescription(rule) },
              help: ruleHelp(rule),
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: sarifLevel(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
