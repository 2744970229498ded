// Linked with --post-js: runs inside the MODULARIZE factory, after the glue.
// The batch entry points (screening, sessions, reforms, parameters, compare)
// are module-api-batch.js's, linked into the whole module only: the single
// page's estimator-lite has no bindings for them, so its glue carries none.
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
// A view of the module's memory as text: shared with module-api-batch.js,
// linked after this file into the same factory scope.
var uieTextDecoder = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8') : null;
function uieViewText(view) {
  // WeChat's older JS engines have no TextDecoder: the glue's own decoder.
  return uieTextDecoder ? uieTextDecoder.decode(view) : UTF8ArrayToString(view, 0, view.length);
}

Module['estimate'] = function (request, today, lang) {
  return uieViewText(Module['estimateView'](request, today || '', lang || 'zh'));
};
Module['questions'] = function (request, today, lang) {
  return uieViewText(Module['questionsView'](request, today || '', lang || 'zh'));
};
Module['catalog'] = function () { return uieViewText(Module['catalogView']()); };
