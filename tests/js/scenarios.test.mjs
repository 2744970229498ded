// The scenario vectors (tests/scenarios/*.json) against the WebAssembly build,
// through the JS API, with the README's matching rule. The native build runs
// the same vectors in C++; native-parity.test.mjs checks the two agree byte
// for byte.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { estimator, scenarios } from './lib/env.mjs';
import { match } from './lib/match.mjs';

const all = scenarios();

test('there are scenario vectors to run', () => {
  assert.ok(all.length > 0, 'no scenarios found in tests/scenarios/*.json');
});

const byFile = Map.groupBy ? Map.groupBy(all, (s) => s.file) : all.reduce((m, s) => m.set(s.file, [...(m.get(s.file) || []), s]), new Map());
for (const [file, list] of byFile) {
  describe(file, () => {
    for (const s of list) {
      test(s.name, async () => {
        const e = await estimator();
        const response = await e.estimate(s.request);
        const problems = match(s.expect, response);
        assert.deepEqual(problems, [], `response: ${JSON.stringify(response)}`);
      });
    }
  });
}
