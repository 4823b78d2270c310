// Positions stay exact after the characters that break naive offset arithmetic: BOM, CRLF, lone CR,
// tabs, NUL, emoji and other surrogate pairs. A known finding sits after them; its line/character
// (UTF-16, as LSP counts) and the text under its span are asserted exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { LineIndex } from '../../server/src/engine/parse/text';
import { applyFixes, automaticFixes } from '../../server/src/engine/findings/fix';
import { lintStrict, assertSpansInside } from './invariants';

interface Variant {
  readonly name: string;
  readonly bom: boolean;
  readonly eol: string;
  readonly gap: string;
  /** Title of the idea that lacks a Description (missing-field sits on it). */
  readonly title: string;
  /** Text before the misspelt label's line, on the description line. */
  readonly description: string;
  readonly project: string;
}

/** The idea file, line by line: line numbers never depend on the variant. */
function ideaFile(v: Variant): string {
  const lines = [
    `${v.bom ? '\ufeff' : ''}# Acme ideas`,
    '',
    `### Harborline ${v.project}`,
    '',
    '#### Garbage collection',
    '',
    `-${v.gap}Description: ${v.description}`,
    `-${v.gap}Recommended Skills: Go, Rust`,
    `-${v.gap}Metor(s): Jane Doe (@jdoe)`, // line 8: field-label on "Metor(s)"
    `-${v.gap}Issue: https://github.com/acme/harbor/issues/1`,
    '',
    `#### ${v.title}`, // line 11: missing-field (Description) on the title
    '',
    `-${v.gap}Recommended Skills: Go`,
    `-${v.gap}Mentor(s): Jane Doe (@jdoe)`,
    `-${v.gap}Issue: https://github.com/acme/harbor/issues/2`,
    '',
  ];
  return lines.join(v.eol);
}

const variants: Variant[] = [];
for (const eol of ['\n', '\r\n', '\r']) {
  for (const gap of [' ', '\t']) {
    for (const bom of [false, true]) {
      variants.push({ name: `${JSON.stringify(eol)} gap ${JSON.stringify(gap)}${bom ? ' BOM' : ''}`, bom, eol, gap, title: 'Signed manifests', description: 'Plain text.', project: '' });
    }
  }
}
const hostile = [
  { name: 'emoji', title: '🚀 Signed 👩‍💻 manifests 🇩🇪', description: 'Fast 🚀🚀 and 𝕏 safe.', project: '🐳' },
  { name: 'astral letters', title: '𝐒𝐢𝐠𝐧𝐞𝐝 manifests', description: '𝒜𝒷𝒸 in maths letters.', project: '𝔘' },
  { name: 'NUL', title: 'Signed\u0000manifests', description: 'Has a \u0000 NUL byte \u0000 or two.', project: '\u0000' },
  { name: 'tabs', title: 'Signed\tmanifests', description: 'Tab\tseparated\tvalues.', project: '\t' },
  { name: 'lone surrogates', title: 'Signed \ud83d manifests', description: 'Broken \ude80 pair.', project: '\udbff' },
  { name: 'combining and wide', title: 'Signe\u0301d 中文 manifests', description: 'e\u0301\u0301 ﾟ wide ＡＢＣ.', project: 'ä' },
];
for (const h of hostile) {
  for (const eol of ['\n', '\r\n', '\r']) {
    variants.push({ ...h, name: `${h.name} ${JSON.stringify(eol)}`, bom: h.name === 'emoji', eol, gap: '\t' });
  }
}

/** Independent of LineIndex: split on the three line breaks and count UTF-16 units. */
function oracle(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length, character: offset - (lastBreak + 1) };
}

for (const v of variants) {
  test(`positions exact: ${v.name}`, async () => {
    const text = ideaFile(v);
    const { doc, findings } = await lintStrict(text);
    assertSpansInside(doc, findings);

    const label = findings.find((f) => f.rule === 'field-label' && text.slice(f.span.start, f.span.end) === 'Metor(s)');
    assert.ok(label, `field-label on "Metor(s)": ${JSON.stringify(findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end)]))}`);
    assert.deepEqual(doc.lines.positionAt(label.span.start), { line: 8, character: 1 + v.gap.length });
    assert.deepEqual(doc.lines.positionAt(label.span.end), { line: 8, character: 1 + v.gap.length + 'Metor(s)'.length });
    assert.deepEqual(doc.lines.positionAt(label.span.start), oracle(text, label.span.start));

    const missing = findings.find((f) => f.rule === 'missing-field' && /Description/.test(f.message));
    assert.ok(missing, 'missing-field for the idea without a Description');
    assert.equal(text.slice(missing.span.start, missing.span.end), v.title);
    assert.deepEqual({ start: doc.lines.positionAt(missing.span.start), end: doc.lines.positionAt(missing.span.end) }, {
      start: { line: 11, character: 5 },
      end: { line: 11, character: 5 + v.title.length },
    });
    assert.deepEqual(doc.lines.positionAt(missing.span.end), oracle(text, missing.span.end));

    // The fix of the label rewrites exactly "Metor(s)" and nothing else.
    if (label.fix && !label.fix.interactive) {
      const fixed = applyFixes(text, [label.fix]).text;
      assert.equal(fixed.slice(0, label.span.start), text.slice(0, label.span.start));
      assert.equal(fixed.slice(fixed.length - (text.length - label.span.end)), text.slice(label.span.end));
    }
  });
}

test('the BOM is not part of the first heading, and offsets keep counting it', () => {
  const text = '\ufeff# Ideas\r\n\r\n#### 🚀 Idea\r\n\r\n- Description: x\r\n';
  const doc = parseDocument(text);
  assert.equal(doc.headings[0]!.text, 'Ideas');
  assert.deepEqual(new LineIndex(text).rangeOf(doc.headings[0]!.textSpan), { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } });
  assert.equal(text.slice(doc.headings[1]!.textSpan.start, doc.headings[1]!.textSpan.end), '🚀 Idea');
  assert.deepEqual(doc.lines.positionAt(doc.headings[1]!.textSpan.end), { line: 2, character: 12 });
});

test('LineIndex: every offset maps to a position inside its line and back', () => {
  const texts = ['', '\r', '\n', '\r\n', 'a\r\rb\n\r\nc', '🚀\r\n𝕏\rx\u0000\t\n', '\ufeff\r\n\r\n', 'no break at all 🚀'];
  for (const text of texts) {
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, (text.match(/\r\n|\r|\n/g) ?? []).length + 1, JSON.stringify(text));
    for (let offset = 0; offset <= text.length; offset++) {
      const p = lines.positionAt(offset);
      const inCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
      if (inCrlf) {
        // Between \r and \n: the end of the line, never a position inside the line break.
        assert.deepEqual(p, lines.positionAt(offset - 1), `${JSON.stringify(text)} @${offset}`);
      } else {
        assert.deepEqual(p, oracle(text, offset), `${JSON.stringify(text)} @${offset}`);
        assert.equal(lines.offsetAt(p), offset, `${JSON.stringify(text)} @${offset} round trip`);
      }
    }
    // Positions past a line's end or past the document clamp instead of spilling over.
    assert.equal(lines.offsetAt({ line: 0, character: 10_000 }), lines.lineEnd(0));
    assert.equal(lines.offsetAt({ line: 10_000, character: 0 }), text.length);
    assert.equal(lines.offsetAt({ line: -1, character: 5 }), 0);
  }
});

test('fix-all on a CRLF file with emoji keeps CRLF and every character outside the edits', async () => {
  const v: Variant = { name: 'crlf emoji', bom: true, eol: '\r\n', gap: '\t', title: '🚀 Signed', description: '👩‍💻 x', project: '🐳' };
  const text = ideaFile(v);
  const { findings } = await lintStrict(text);
  const fixed = applyFixes(text, automaticFixes(findings)).text;
  assert.ok(fixed.startsWith('\ufeff# Acme ideas\r\n'), 'BOM and first line kept');
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare \\n introduced');
  assert.equal(fixed.replace(/\r\n/g, '').includes('\r'), false, 'no lone \\r introduced');
  for (const kept of ['🚀 Signed', '👩‍💻 x', '🐳', 'Jane Doe (@jdoe)']) assert.ok(fixed.includes(kept), kept);
});

test('an empty sub-item whose content starts on the next line: span and text agree (fuzz seed 2)', () => {
  const text = '## Idea\r\n-\tRecommended Skills: \n  - \n  - \r\n      - 👩‍💻 and\n-\tDescription: ';
  const doc = parseDocument(text);
  for (const field of doc.ideas[0]!.fields) for (const s of field.subItems) assert.equal(text.slice(s.span.start, s.span.end), s.text);
  for (const skill of doc.ideas[0]!.skills) assert.equal(text.slice(skill.span.start, skill.span.end), skill.raw);
});
