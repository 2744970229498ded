// This project, the full explained answer through the public JS API (what the page and
// the mini-program call): await estimator.estimate(request, {today}).
import { TODAY, toRequest, fromAnswer, refusal } from '../lib/ours.mjs';
import { loadApi, wasmMissing } from '../lib/ours-build.mjs';

export default {
  name: 'this project: JS API estimate (async)',
  ours: true,
  available: () => wasmMissing() ?? true,
  refusal,
  async load() {
    const est = await loadApi();
    return async (c) => fromAnswer(await est.estimate(toRequest(c), { today: TODAY }));
  },
};
