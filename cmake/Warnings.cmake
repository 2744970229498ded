# Warnings for our own targets. -Werror only where UIE_STRICT asks for it, so a
# newer compiler's new warning never blocks someone building the project.
option(UIE_STRICT "Treat warnings as errors" OFF)

function(uie_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast)
  if(UIE_STRICT)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
