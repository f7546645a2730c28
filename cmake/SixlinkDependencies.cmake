# Every dependency comes from a Debian 12 package (scripts/setup.sh installs them).
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(Eigen3 3.3 CONFIG REQUIRED NO_MODULE)  # public: dense weights are Eigen matrices
find_package(Boost 1.74 CONFIG REQUIRED)            # private: Boost.Graph for the linkage graph

set(SIXLINK_HAVE_OPENMP OFF)
if(NOT SIXLINK_OPENMP STREQUAL "OFF")
  if(SIXLINK_OPENMP STREQUAL "ON")
    find_package(OpenMP REQUIRED COMPONENTS CXX)
  else()
    find_package(OpenMP COMPONENTS CXX)
  endif()
  if(OpenMP_CXX_FOUND)
    set(SIXLINK_HAVE_OPENMP ON)
  endif()
endif()

if(SIXLINK_BUILD_CLI)
  find_package(CLI11 2.1 CONFIG REQUIRED)
endif()
