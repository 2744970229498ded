// The facade build/build.js copies here is the web page's (wasm/js/estimator-api.js):
// its types are the JS API's own d.ts, so the mini-program is checked against them.
export * from 'uie-estimator-api';
