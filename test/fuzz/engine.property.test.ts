// Property tests of the engine on hostile input (issue 5): generated markdown, mutated idea files,
// edit sequences through a SectionCache, and every truncation of our small fixtures.
// Fixed seed by default; FUZZ_SEED=<n> and FUZZ_RUNS=<percent of the default counts> override.
import { after, test } from 'node:test';
import fc from 'fast-check';
import { SectionCache } from '../../server/src/engine/parse/parse';
import { FUZZ_SEED, applyEdit, countCase, edit, fuzzParameters, generatedCases, markdownDocument, mutate, mutation } from './arbitraries';
import { assertEngineInvariants, assertParsesAlike, assertSpansInside, lintStrict } from './invariants';
import { corpusFiles, ourFixtures } from './seeds';

const fixtures = ourFixtures();
const corpus = corpusFiles();

/** fc.assert, with the seed to replay in the failure message. */
async function check(name: string, property: fc.IAsyncProperty<never> | fc.IAsyncPropertyWithHooks<never>, runs: number): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<unknown>, fuzzParameters(runs));
  } catch (error) {
    (error as Error).message = `${name}: replay with FUZZ_SEED=${FUZZ_SEED}\n${(error as Error).message}`;
    throw error;
  }
}

after(() => {
  const total = [...generatedCases.values()].reduce((a, b) => a + b, 0);
  console.log(`# fuzz (seed ${FUZZ_SEED}): ${total} generated cases — ${[...generatedCases].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});

test('arbitrary idea-file markdown: parse alike, spans inside, lint stable, fixes settle', async () => {
  await check(
    'arbitrary markdown',
    fc.asyncProperty(markdownDocument, async (text) => {
      countCase('arbitrary');
      await assertEngineInvariants(text);
    }) as never,
    300,
  );
});

test('mutations of our fixture idea files', async () => {
  await check(
    'fixture mutations',
    fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (seed, mutations) => {
      countCase('fixture-mutation');
      await assertEngineInvariants(mutations.reduce(mutate, seed.text));
    }) as never,
    250,
  );
});

test('mutations of the shared corpus', async (t) => {
  if (!corpus.length) {
    t.skip('../shared/corpus is absent: corpus mutations not run');
    return;
  }
  await check(
    'corpus mutations',
    fc.asyncProperty(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (seed, mutations) => {
      countCase('corpus-mutation');
      await assertEngineInvariants(mutations.reduce(mutate, seed.text));
    }) as never,
    60,
  );
});

test('edit sequences: the cached sectional parse equals a whole-document parse after every edit', async () => {
  const start = fc.oneof(
    { arbitrary: fc.constantFrom(...fixtures.map((f) => f.text)), weight: 3 },
    { arbitrary: markdownDocument, weight: 3 },
    ...(corpus.length ? [{ arbitrary: fc.constantFrom(...corpus.map((f) => f.text)), weight: 1 }] : []),
  );
  await check(
    'edit sequences',
    fc.asyncProperty(start, fc.array(edit, { minLength: 1, maxLength: 10 }), async (initial, edits) => {
      countCase('edit-sequence');
      const cache = new SectionCache();
      let text = initial;
      assertParsesAlike(text, cache);
      for (const e of edits) {
        text = applyEdit(text, e);
        assertParsesAlike(text, cache);
      }
    }) as never,
    150,
  );
});

test('every truncation of some small fixtures', async () => {
  // Which fixtures: a seeded pick of small ones, within a budget of positions (FUZZ_RUNS scales it).
  const budget = 3000 * (fuzzParameters(100).numRuns! / 100);
  const small = fixtures.filter((f) => f.text.length <= 1400);
  const picked = fc.sample(fc.shuffledSubarray(small, { minLength: small.length, maxLength: small.length }), { seed: FUZZ_SEED, numRuns: 1 })[0] ?? [];
  let used = 0;
  for (const seed of picked) {
    if (used + seed.text.length > budget) continue;
    used += seed.text.length;
    const cache = new SectionCache();
    for (let end = 0; end <= seed.text.length; end++) {
      countCase('truncation');
      const text = seed.text.slice(0, end);
      const doc = assertParsesAlike(text, cache);
      // Lint every 11th prefix (and the whole file): the rules are the slow part.
      if (end % 11 === 0 || end === seed.text.length) {
        const { findings } = await lintStrict(text, doc);
        assertSpansInside(doc, findings);
      }
    }
  }
});
