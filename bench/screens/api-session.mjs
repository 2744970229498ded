// Screening as the screening page does it: one batch session (estimator.openSession), the
// file's bytes fed in 1 MB slices cut anywhere, each unit answered once with its reasons and
// the cells passed through, and the export table written beside in the same pass.
import { DATE, PROGRAM, REGION, TODAY, csvBytes } from '../lib/ours.mjs';
import { facadeMethodMissing, loadApi } from '../lib/ours-build.mjs';

const SLICE = 1 << 20;

export default {
  name: 'this project: JS API session, 1 MB slices, reasons + table (the page)',
  available: () => facadeMethodMissing('openSession') ?? true,
  input: csvBytes,
  async load() {
    const est = await loadApi();
    if (typeof est.openSession !== 'function') throw new Error('estimator.openSession is not a function');
    const options = { region: REGION, date: DATE, program: PROGRAM, today: TODAY, output: 'reasons', table: true };
    return async (input) => {
      const s = await est.openSession(options);
      let out = '';
      let table = 0;
      for (let at = 0; at < input.length; at += SLICE) {
        out += s.feed(input.subarray(at, at + SLICE));
        table += s.takeTable().length;
      }
      out += s.finish();
      table += s.takeTable().length;
      s.close();
      if (!table) throw new Error('no table was written');
      return out;
    };
  },
};
