// Linked with --pre-js: this runs inside the MODULARIZE factory, so the `var`s
// below shadow globals for the glue only and touch no global.
// Browser and Node: the real WebAssembly. WeChat mini-program (base library
// >= 2.13): only WXWebAssembly exists, and it instantiates from a package path
// (the mini-program passes `instantiateWasm`, so the glue never fetches).
var WebAssembly = (typeof WXWebAssembly !== 'undefined')
  ? {
      instantiate: function (pathOrModule, imports) { return WXWebAssembly.instantiate(pathOrModule, imports); },
      Memory: WXWebAssembly.Memory,
      Table: WXWebAssembly.Table,
      Global: WXWebAssembly.Global,
      Instance: WXWebAssembly.Instance,
      Module: WXWebAssembly.Module,
      RuntimeError: WXWebAssembly.RuntimeError || Error
    }
  : (typeof globalThis !== 'undefined' ? globalThis
     : typeof self !== 'undefined' ? self
     : typeof global !== 'undefined' ? global : {}).WebAssembly;
// The glue decides it runs in Node when `process.versions.node` is a string,
// and then calls require('fs'), __dirname and process.argv. A mini-program's
// logic layer can have such a `process` (DevTools runs on NW.js) but none of
// the rest: where WXWebAssembly exists, the glue sees no `process` at all.
// Elsewhere it sees the real one (read from the global object: a `var`
// initializer cannot see the global of the same name it shadows).
var process = (typeof WXWebAssembly !== 'undefined') ? undefined
  : (typeof globalThis !== 'undefined' ? globalThis
     : typeof self !== 'undefined' ? self
     : typeof global !== 'undefined' ? global : {}).process;
