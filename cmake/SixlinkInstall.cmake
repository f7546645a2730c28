# Install and export, so that consumers can find_package(sixlink CONFIG) against an
# install prefix and link sixlink::sixlink (tests/package proves it).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SIXLINK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/sixlink)

install(TARGETS sixlink EXPORT sixlinkTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/sixlink/config.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sixlink)
if(TARGET sixlink_cli)
  install(TARGETS sixlink_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT sixlinkTargets NAMESPACE sixlink:: DESTINATION ${SIXLINK_CMAKE_DIR})

set(SIXLINK_CONFIG_NEEDS_OPENMP OFF)
if(SIXLINK_HAVE_OPENMP AND NOT BUILD_SHARED_LIBS)
  set(SIXLINK_CONFIG_NEEDS_OPENMP ON)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/sixlinkConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/sixlinkConfig.cmake
                              INSTALL_DESTINATION ${SIXLINK_CMAKE_DIR})
# 0.x: a minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sixlinkConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sixlinkConfig.cmake ${PROJECT_BINARY_DIR}/sixlinkConfigVersion.cmake
        DESTINATION ${SIXLINK_CMAKE_DIR})

# A relocatable pkg-config file: the prefix is found from the .pc file's own place.
file(RELATIVE_PATH _pc_to_prefix "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" SIXLINK_PC_PREFIX "\${pcfiledir}/${_pc_to_prefix}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/sixlink.pc.in ${PROJECT_BINARY_DIR}/sixlink.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/sixlink.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
