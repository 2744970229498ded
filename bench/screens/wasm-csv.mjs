// Screening through the Emscripten module: Module.screenCsv(bytes, defaultsJson, today), one
// boundary crossing for the whole batch. The input is the office's CSV file as bytes (what
// File.arrayBuffer() gives a page); the time includes Embind's copy in and the decoding of
// the returned text.
import { SCREEN_DEFAULTS, TODAY, csvBytes } from '../lib/ours.mjs';
import { loadModule, wasmExportMissing } from '../lib/ours-build.mjs';

export default {
  name: 'this project: wasm Module.screenCsv',
  available: () => wasmExportMissing('screenCsv') ?? true,
  input: csvBytes,
  async load() {
    const Module = await loadModule();
    if (typeof Module.screenCsv !== 'function') throw new Error('Module.screenCsv is not a function');
    const screenCsv = Module.screenCsv;
    const run = (input) => screenCsv(input, SCREEN_DEFAULTS, TODAY);
    run.memoryBytes = () => Module.HEAPU8.buffer.byteLength;
    return run;
  },
};
