// Text from idea files (headings, labels, skills, file names) reaches terminals and CI logs through the
// human formats. Control characters in it could clear the screen, forge links (OSC 8), rewrite lines
// (CR, BS) or reorder what is shown (bidi overrides), so they are shown as visible escapes instead.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `ESC` becomes `\x1b`, `U+202E` becomes `\u202e`; tab and newline stay for the callers to handle. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
