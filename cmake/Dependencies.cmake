# nlohmann/json for every build; Catch2 v2 for the native tests.
if(EMSCRIPTEN)
  # Under emcmake, find_package only searches the emscripten sysroot, and the
  # imported target would put /usr/include on em++'s path, which breaks the
  # wasm sysroot. So: a folder holding only a link to the nlohmann headers.
  find_path(UIE_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include
            NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  set(_shim "${CMAKE_BINARY_DIR}/_shim/include")
  file(MAKE_DIRECTORY "${_shim}")
  if(NOT EXISTS "${_shim}/nlohmann")
    file(CREATE_LINK "${UIE_NLOHMANN_DIR}/nlohmann" "${_shim}/nlohmann" SYMBOLIC)
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_shim}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()
