// Code that runs rarely (reading the rule image once; composing an error
// message) is compiled for size in the WebAssembly build, where every
// kilobyte is downloaded; the hot paths keep full speed. Natively (g++) this
// is a no-op.
#pragma once

#if defined(__clang__) && defined(__EMSCRIPTEN__)
#define UIE_COLD_BEGIN _Pragma("clang attribute push (__attribute__((minsize)), apply_to = function)")
#define UIE_COLD_END _Pragma("clang attribute pop")
#else
#define UIE_COLD_BEGIN
#define UIE_COLD_END
#endif
