// fflate for the screening Worker: its asynchronous unzip()/zip() start
// Workers of their own from blob: URLs, which the page's Content-Security-
// Policy forbids (worker-src 'self'). The XLSX libraries call those; here they
// run fflate's synchronous functions instead and answer through the same
// callback (we already are off the page's thread, in the screening Worker).
import { unzipSync, zipSync } from 'fflate';

export * from 'fflate';

function later(cb, run) {
  Promise.resolve().then(() => {
    let result;
    try {
      result = run();
    } catch (e) {
      cb(e, null);
      return;
    }
    cb(null, result);
  });
  return () => {};
}

export function unzip(data, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  return later(cb, () => unzipSync(data, opts));
}

export function zip(data, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  return later(cb, () => zipSync(data, opts));
}
