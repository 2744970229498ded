# Embeds every rules/**/*.json into a generated C++ source, so the shipped CLI
# and wasm module need no files at run time.
file(GLOB_RECURSE UIE_PACK_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/rules/*.json")
# rules/schema/ holds the JSON Schemas editors check the packs with, and
# rules/reforms/ the example what-ifs (estimate --reform): neither are packs.
list(FILTER UIE_PACK_FILES EXCLUDE REGEX "/rules/(schema|reforms)/")
list(SORT UIE_PACK_FILES)
set(UIE_EMBEDDED_PACKS_CPP "${CMAKE_BINARY_DIR}/generated/embedded_packs.cpp")
add_custom_command(
  OUTPUT "${UIE_EMBEDDED_PACKS_CPP}"
  COMMAND "${CMAKE_COMMAND}" -DOUT=${UIE_EMBEDDED_PACKS_CPP} -DROOT=${CMAKE_SOURCE_DIR}
          "-DFILES=${UIE_PACK_FILES}" -P "${CMAKE_SOURCE_DIR}/cmake/embed_packs.cmake"
  DEPENDS ${UIE_PACK_FILES} "${CMAKE_SOURCE_DIR}/cmake/embed_packs.cmake"
  COMMENT "Embedding rule packs"
  VERBATIM)
# Targets in other directories depend on this target (a custom command's
# output is only visible to targets of the directory that defines it).
add_custom_target(uie_embedded_packs DEPENDS "${UIE_EMBEDDED_PACKS_CPP}")
