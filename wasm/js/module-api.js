// Linked with --post-js: runs inside the MODULARIZE factory, after the glue.
// Gives the module its public functions, which take and return strings, on
// top of the raw Embind bindings (…View), which return a view of the
// module's memory. Decoding that view in one TextDecoder call is what makes
// a result cheap to hand over (Embind's own std::string return reads every
// byte in JavaScript first). Batches go in as bytes copied into memory the
// module allocated, not as a JS string converted character by character.
//
// Module.estimate(request, today[, lang])    request: JSON text or UTF-8 bytes
// Module.questions(request, today[, lang])
// Module.screen(input, today)                input: JSONL text or bytes
// Module.screenCsv(input, defaults, today[, output[, lang]])
//                                            defaults: {region, date, program, policy} or its JSON text;
//                                            output: 'lines' (default), 'reasons', 'table' or 'full'
// Module.csvColumns(input, program[, lang[, cells]])  what each column of the CSV's header row
//                                            (or of a row of U+0000-separated cells) holds
// Module.csvCells(input)                     CSV text → rows of cells (U+0001 / U+0000)
// Module.csvText(rows)                       rows of cells → CSV text, as the table writes it
// Module.catalog()
// Module.sessionOpen(input, output, defaults, today, lang, table) → a session number (0: none)
//                                            input 'jsonl' or 'csv'; table: tee the CSV table
// Module.sessionFeed(n, input[, cells])      more of the batch (text or bytes; cells: rows as
//                                            U+0001/U+0000-separated text) → the answers of whole items
// Module.sessionNameColumns(n, names)        the header named by a mapping (U+0000-separated)
// Module.sessionFinish(n), Module.sessionTable(n) (the table teed since the last call;
//   sessionTableBytes(n) the same as a Uint8Array of UTF-8),
// Module.sessionError(n), Module.sessionItems(n), Module.sessionClose(n),
// Module.sessionTally(n) (JSON text), Module.sessionOutcomes(n) (a Float64Array copy, six numbers an item)
// Module.reformLoad(text) → a reform's engine number (0: refused; Module.reformIssues() says why, as JSON)
// Module.reformDrop(k), Module.parameters(request, today, lang, k)
// Module.compare(request, today[, lang])     not in estimator-lite
(function () {
  var textDecoder = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8') : null;
  var textEncoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

  function text(view) {
    // WeChat's older JS engines have no TextDecoder: the glue's own decoder.
    return textDecoder ? textDecoder.decode(view) : UTF8ArrayToString(view, 0, view.length);
  }

  // Runs `use(pointer, length)` on a copy of `input` (a string or bytes) in
  // the module's memory, freed afterwards.
  function withBytes(input, use) {
    var bytes;
    if (typeof input === 'string') {
      bytes = textEncoder ? textEncoder.encode(input) : intArrayFromString(input, true);
    } else if (input instanceof Uint8Array) {
      bytes = input;
    } else if (typeof ArrayBuffer !== 'undefined' && input instanceof ArrayBuffer) {
      bytes = new Uint8Array(input);
    } else {
      throw new TypeError('expected text or bytes');
    }
    var ptr = Module['_malloc'](bytes.length || 1);
    try {
      HEAPU8.set(bytes, ptr);   // HEAPU8 is read now: memory may have grown since the last call
      return use(ptr, bytes.length);
    } finally {
      Module['_free'](ptr);
    }
  }

  function defaultsOf(d) {
    if (typeof d === 'string') d = d ? JSON.parse(d) : {};
    d = d || {};
    var s = function (v) { return typeof v === 'string' ? v : ''; };
    return [s(d.region), s(d.date), s(d.program), s(d.policy)];
  }

  Module['estimate'] = function (request, today, lang) {
    return text(Module['estimateView'](request, today || '', lang || 'zh'));
  };
  Module['questions'] = function (request, today, lang) {
    return text(Module['questionsView'](request, today || '', lang || 'zh'));
  };
  Module['screen'] = function (input, today) {
    return withBytes(input, function (ptr, n) { return text(Module['screenView'](ptr, n, today || '')); });
  };
  var OUTPUTS = { lines: 0, reasons: 1, table: 2, full: 3, none: 4 };
  Module['screenCsv'] = function (input, defaults, today, output, lang) {
    var d = defaultsOf(defaults);
    var how = OUTPUTS[output] || 0;
    return withBytes(input, function (ptr, n) {
      return text(Module['screenCsvView'](ptr, n, d[0], d[1], d[2], d[3], today || '', lang || 'zh', how));
    });
  };
  Module['csvColumns'] = function (input, program, lang, cells) {
    return withBytes(input, function (ptr, n) {
      return text(Module['csvColumnsView'](ptr, n, program || '', lang || 'zh', !!cells));
    });
  };
  Module['csvCells'] = function (input) {
    return withBytes(input, function (ptr, n) { return text(Module['csvCellsView'](ptr, n)); });
  };
  Module['csvText'] = function (rows) {
    return withBytes(rows, function (ptr, n) { return text(Module['csvTextView'](ptr, n)); });
  };
  Module['catalog'] = function () { return text(Module['catalogView']()); };
  // Sessions (not in estimator-lite, which has no sessionOpenRaw).
  Module['sessionOpen'] = function (input, output, defaults, today, lang, table, engine, outcomes) {
    var d = defaultsOf(defaults);
    return Module['sessionOpenRaw'](input === 'jsonl' ? 0 : 1, OUTPUTS[output] || 0, d[0], d[1], d[2], d[3], today || '',
                                    lang || 'zh', !!table, engine || 0, !!outcomes);
  };
  Module['sessionTally'] = function (n) { return Module['sessionTallyRaw'](n); };
  Module['sessionOutcomes'] = function (n) { return Module['sessionOutcomesView'](n).slice(); };
  Module['reformLoad'] = function (input) {
    return withBytes(input, function (ptr, len) { return Module['reformLoadRaw'](ptr, len); });
  };
  Module['reformIssues'] = function () { return Module['reformIssuesRaw'](); };
  Module['reformDrop'] = function (k) { Module['reformDropRaw'](k); };
  Module['compare'] = function (request, today, lang) {
    return text(Module['compareView'](request, today || '', lang || 'zh'));
  };
  Module['parameters'] = function (request, today, lang, k) {
    return text(Module['parametersView'](request, today || '', lang || 'zh', k || 0));
  };
  Module['sessionFeed'] = function (n, input, cells) {
    return withBytes(input, function (ptr, len) { return text(Module['sessionFeedView'](n, ptr, len, !!cells)); });
  };
  Module['sessionNameColumns'] = function (n, names) {
    withBytes(names, function (ptr, len) { Module['sessionNameColumnsRaw'](n, ptr, len); });
  };
  Module['sessionFinish'] = function (n) { return text(Module['sessionFinishView'](n)); };
  Module['sessionTable'] = function (n) { return text(Module['sessionTableView'](n)); };
  // The same as UTF-8 bytes (a copy): kept for an export without decoding it.
  Module['sessionTableBytes'] = function (n) { return Module['sessionTableView'](n).slice(); };
  Module['sessionError'] = function (n) { return Module['sessionErrorRaw'](n); };
  Module['sessionItems'] = function (n) { return Module['sessionItemsRaw'](n); };
  Module['sessionClose'] = function (n) { Module['sessionCloseRaw'](n); };
})();
