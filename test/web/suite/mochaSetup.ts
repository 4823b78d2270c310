/// <reference types="mocha" />
// Mocha's browser build, set up before the test files are evaluated (they call `suite` at load time).
// In the web extension host there is no DOM, so the spec reporter prints through console.log, which
// @vscode/test-web forwards to the terminal.
// The browser build puts its instance on the global object (`mocha`); what it exports is the class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js');
const browserMocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;

browserMocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000 });

export { browserMocha };
