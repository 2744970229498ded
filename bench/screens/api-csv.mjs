// Screening through the public JS API: await estimator.screenCsv(bytes, {region, date,
// program, today}), as a page would call it with an uploaded file.
import { DATE, PROGRAM, REGION, TODAY, csvBytes } from '../lib/ours.mjs';
import { facadeMethodMissing, loadApi } from '../lib/ours-build.mjs';

export default {
  name: 'this project: JS API screenCsv (async)',
  available: () => facadeMethodMissing('screenCsv') ?? true,
  input: csvBytes,
  async load() {
    const est = await loadApi();
    if (typeof est.screenCsv !== 'function') throw new Error('estimator.screenCsv is not a function');
    const options = { region: REGION, date: DATE, program: PROGRAM, today: TODAY };
    return (input) => est.screenCsv(input, options);
  },
};
