# treatysearch_warnings(target): the project's warning set, applied per target (never global,
# so that a parent project's flags are left alone).
function(treatysearch_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                         -Wimplicit-fallthrough
                         # GCC 12 reports false -Wrestrict in std::string concatenation
                         # (GCC bug 105329).
                         $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(TREATYSEARCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
