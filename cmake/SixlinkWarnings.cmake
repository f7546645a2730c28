# Warnings for sixlink's own targets only (never imposed on consumers).
function(sixlink_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${SIXLINK_WERROR}>:/WX>)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             $<$<BOOL:${SIXLINK_WERROR}>:-Werror>)
  endif()
endfunction()
