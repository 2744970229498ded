# Script mode: assembles the static site OUT from WEB (the page, without the
# WeChat mini-program under web/miniprogram/ and without README files),
# FACADE (the JS API), BATCH (its batch methods, for the screening page), GLUE (estimator.js, with estimator.wasm beside it: the screening page's)
# and LITE (estimator-lite.js and .wasm: the single-estimate page's, without screening). OUT is rebuilt from scratch
# so a file removed from web/ never lingers; what takes time (minifying,
# compressing) is cached by content hash in OUT-cache/.
#
# 1. the page's files from web/, the facade, the glue and the module; every
#    script minified (scripts/minify-site.mjs);
# 2. the screening page's XLSX libraries and the receipt's QR encoder bundled from node_modules
#    (scripts/bundle-vendor.mjs);
# 3. precompressed siblings beside every text and wasm file: F.br (brotli -q 11)
#    and F.gz (gzip -9 -n: no name or time stamp, so a build is reproducible).
#    A server sends them as they are, with Content-Encoding (scripts/serve.mjs;
#    nginx: brotli_static / gzip_static, see web/README.md).
cmake_minimum_required(VERSION 3.20)   # script mode too: IN_LIST

file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(cache "${OUT}-cache")
file(MAKE_DIRECTORY "${cache}")

file(GLOB_RECURSE page RELATIVE "${WEB}" "${WEB}/*")
foreach(f IN LISTS page)
  # The mini-program, the docs and the type check's declarations (types/, tsconfig.json) are no part of the site.
  if(f MATCHES "^miniprogram/" OR f MATCHES "\\.md$" OR f MATCHES "^types/" OR f STREQUAL "tsconfig.json")
    continue()
  endif()
  get_filename_component(dir "${f}" DIRECTORY)
  file(COPY "${WEB}/${f}" DESTINATION "${OUT}/${dir}")
endforeach()
# The facade's batch methods are the screening page's alone: minified with the page.
file(COPY "${BATCH}" DESTINATION "${OUT}")
# The facade, the Emscripten glue and the module; the glue and the facade are
# minified with the page too (emcc -O2 leaves the glue's names and comments:
# 11.0 KB brotli as built, 6.7 minified; the facade 3.4 → 1.6).
get_filename_component(glue_dir "${GLUE}" DIRECTORY)
get_filename_component(glue_name "${GLUE}" NAME_WE)
file(COPY "${FACADE}" "${GLUE}" "${glue_dir}/${glue_name}.wasm" DESTINATION "${OUT}")
# The single-estimate page's module (estimator-lite: no screening entry points).
get_filename_component(lite_dir "${LITE}" DIRECTORY)
get_filename_component(lite_name "${LITE}" NAME_WE)
file(COPY "${LITE}" "${lite_dir}/${lite_name}.wasm" DESTINATION "${OUT}")

find_program(UIE_NODE node)
find_program(UIE_BROTLI brotli)
find_program(UIE_GZIP gzip)
if(NOT UIE_NODE OR NOT UIE_BROTLI OR NOT UIE_GZIP)
  message(FATAL_ERROR "node, brotli and gzip are needed to assemble the site (bash scripts/install-deps.sh installs them)")
endif()
# The rules library (法规库, OUT/rules/): one page per policy and an index, written
# from the rule data by the whole module built beside the glue (scripts/rules-browser.mjs);
# before minifying, which takes its search script too.
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env "UIE_WASM_DIR=${glue_dir}"
          "${UIE_NODE}" "${WEB}/../scripts/rules-browser.mjs" "${OUT}/rules"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "writing the rules library failed (scripts/rules-browser.mjs)")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs
          "${UIE_NODE}" "${WEB}/../scripts/minify-site.mjs" --cache "${cache}" "${OUT}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "minifying the page's scripts failed")
endif()
# The screening page's XLSX reader and writer (screen/vendor/, loaded only when
# an XLSX file is read or written) and the receipt's QR encoder (vendor/qr.mjs,
# loaded only when a receipt or a kiosk's result is shown), bundled from npm
# packages, already minified.
execute_process(
  COMMAND "${UIE_NODE}" "${WEB}/../scripts/bundle-vendor.mjs" "${OUT}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bundling the XLSX libraries and the QR encoder failed (scripts/bundle-vendor.mjs; npm ci installs esbuild)")
endif()


file(GLOB_RECURSE site_files "${OUT}/*")
set(used "")
foreach(f IN LISTS site_files)
  if(NOT f MATCHES "\\.(html|js|mjs|css|wasm|json|svg|txt)$")
    continue()
  endif()
  file(SHA256 "${f}" hash)
  list(APPEND used "${cache}/${hash}.br" "${cache}/${hash}.gz")
  if(NOT EXISTS "${cache}/${hash}.br")
    execute_process(COMMAND "${UIE_BROTLI}" -q 11 -f -o "${cache}/${hash}.br.tmp" "${f}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "brotli failed on ${f}")
    endif()
    file(RENAME "${cache}/${hash}.br.tmp" "${cache}/${hash}.br")
  endif()
  if(NOT EXISTS "${cache}/${hash}.gz")
    execute_process(COMMAND "${UIE_GZIP}" -9 -n -c "${f}" OUTPUT_FILE "${cache}/${hash}.gz.tmp" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "gzip failed on ${f}")
    endif()
    file(RENAME "${cache}/${hash}.gz.tmp" "${cache}/${hash}.gz")
  endif()
  configure_file("${cache}/${hash}.br" "${f}.br" COPYONLY)
  configure_file("${cache}/${hash}.gz" "${f}.gz" COPYONLY)
endforeach()

# Forget what no file of this site needs any more, so the cache stays small.
file(GLOB cached "${cache}/*.br" "${cache}/*.gz")
foreach(c IN LISTS cached)
  if(NOT c IN_LIST used)
    file(REMOVE "${c}")
  endif()
endforeach()
