# Options default to on only when sixlink is the top-level project, so that a host
# project's add_subdirectory(sixlink) builds just the library.
set(_top ${PROJECT_IS_TOP_LEVEL})
option(SIXLINK_BUILD_CLI "Build the sixlink command-line program" ${_top})
option(SIXLINK_BUILD_PYTHON "Build the Python module sixlink._core" ${_top})
option(SIXLINK_BUILD_TESTS "Build the GoogleTest and pytest suites" ${_top})
option(SIXLINK_BUILD_EXAMPLES "Build the examples (run as tests)" ${_top})
option(SIXLINK_BUILD_BENCHMARKS "Build the Google Benchmark suites" ${_top})
option(SIXLINK_INSTALL "Generate install and export rules" ${_top})
option(SIXLINK_WERROR "Treat compiler warnings as errors" OFF)
option(SIXLINK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SIXLINK_FUZZ "Build the libFuzzer targets (needs clang)" OFF)
set(SIXLINK_OPENMP "AUTO" CACHE STRING "Use OpenMP: AUTO, ON or OFF")
set_property(CACHE SIXLINK_OPENMP PROPERTY STRINGS AUTO ON OFF)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES AND _top)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(SIXLINK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

if(SIXLINK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SIXLINK_FUZZ needs clang (libFuzzer): CXX=clang++-14")
  endif()
  # Instrument everything for coverage and check it with ASan and UBSan; the
  # fuzz targets themselves link -fsanitize=fuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -g)
  add_link_options(-fsanitize=address,undefined)
endif()
