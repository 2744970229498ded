// The facade's extension build/build.js copies here (wasm/js/estimator-batch.js):
// it returns the facade with the batch methods and compare, all typed by the JS API's d.ts.
export * from 'uie-estimator-api';
