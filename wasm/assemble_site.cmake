# Script mode: assembles the static site OUT from WEB (the page, without the
# WeChat mini-program under web/miniprogram/), FACADE (the JS API) and GLUE
# (estimator.js, with estimator.wasm beside it). OUT is rebuilt from scratch
# so a file removed from web/ never lingers.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
file(GLOB_RECURSE page RELATIVE "${WEB}" "${WEB}/*")
foreach(f IN LISTS page)
  if(f MATCHES "^miniprogram/")
    continue()
  endif()
  get_filename_component(dir "${f}" DIRECTORY)
  file(COPY "${WEB}/${f}" DESTINATION "${OUT}/${dir}")
endforeach()
get_filename_component(glue_dir "${GLUE}" DIRECTORY)
get_filename_component(glue_name "${GLUE}" NAME_WE)
file(COPY "${FACADE}" "${GLUE}" "${glue_dir}/${glue_name}.wasm" DESTINATION "${OUT}")
