// Screening through the Emscripten module from JSONL: Module.screen(bytes, today), one
// contract request per line, one compact line out per request.
import { TODAY, jsonlBytes } from '../lib/ours.mjs';
import { loadModule, wasmExportMissing } from '../lib/ours-build.mjs';

export default {
  name: 'this project: wasm Module.screen (JSONL)',
  available: () => wasmExportMissing('screenCsv') ?? true, // "screen" alone is too common a string
  input: jsonlBytes,
  async load() {
    const Module = await loadModule();
    if (typeof Module.screen !== 'function') throw new Error('Module.screen is not a function');
    const screen = Module.screen;
    return (input) => screen(input, TODAY);
  },
};
