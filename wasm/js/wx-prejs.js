// Linked with --pre-js: this runs inside the MODULARIZE factory, so the `var`
// below shadows the global WebAssembly for the glue only and touches no global.
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
