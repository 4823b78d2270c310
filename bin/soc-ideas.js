#!/usr/bin/env node
// Through V8's code cache (server/src/node/compileCache.ts): most of compiling the bundle is skipped.
require('../dist/compile-cache.js').runCached(require.resolve('../dist/cli.js'));
