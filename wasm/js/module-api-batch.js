// Linked with --post-js after module-api.js, into the whole module only
// (estimator.js: the screening page, the comparison, Node, the mini-program):
// the batch entry points over their raw bindings. See module-api.js for the
// list; estimator-lite has none of these bindings.
(function () {
  var text = uieViewText;   // module-api.js
  var textEncoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

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
  // Sessions.
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
