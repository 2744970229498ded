// This project, the full explained answer through the Emscripten module, synchronously:
// JSON.stringify(request) → Module.estimate → JSON.parse. The answer carries every
// condition with its Chinese sentence and citation, the policy, what-ifs and notes.
import { TODAY, toRequest, fromAnswer, refusal } from '../lib/ours.mjs';
import { loadModule, wasmMissing } from '../lib/ours-build.mjs';

export default {
  name: 'this project: wasm Module.estimate (sync)',
  ours: true,
  available: () => wasmMissing() ?? true,
  refusal,
  async load() {
    const Module = await loadModule();
    const estimate = Module.estimate;
    return (c) => fromAnswer(JSON.parse(estimate(JSON.stringify(toRequest(c)), TODAY)));
  },
  // the whole page (imported lazily: zlib and esbuild are no part of a cold start)
  sizes: async () => (await import('../lib/sizes.mjs')).siteEntries(),
};
