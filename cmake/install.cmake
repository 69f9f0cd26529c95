# What `cmake --install` puts under the prefix, and the targets consumers link:
#   include/rhai/*.hpp, rhai.h, version.h   the public headers
#   include/rhai/internal/runtime/*.hpp     the few internal headers the public ones include
#                                           (copied here, never reached in src/)
#   lib/librhai_cpp.a                        the C++ API: every stage but the C ABI, merged
#   lib/librhai.so, lib/librhai.a            the C ABI (src/capi/capi.cmake)
#   lib/cmake/rhai/                          find_package(rhai CONFIG): rhai::rhai (C++),
#                                            rhai::c (librhai.so), rhai::c_static (librhai.a)
#   lib/pkgconfig/rhai.pc                    pkg-config for C hosts of the C ABI
#   bin/rhai-run, bin/rhai-repl
# The same rhai::rhai / rhai::c / rhai::c_static names exist for add_subdirectory users.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
include(${PROJECT_SOURCE_DIR}/cmake/merge_archives.cmake)

rhai_merge_archives(rhai_cpp ${PROJECT_BINARY_DIR}/librhai_cpp.a
  rhai_api rhai_packages rhai_vm rhai_compiler rhai_syntax rhai_runtime)

add_library(rhai::rhai ALIAS rhai_api)
add_library(rhai::c ALIAS rhai)
add_library(rhai::c_static ALIAS rhai_static)

file(GLOB rhai_public_headers ${PROJECT_SOURCE_DIR}/include/rhai/*.hpp ${PROJECT_SOURCE_DIR}/include/rhai/*.h)

# The internal headers the public ones include, directly or not: followed from the public
# headers' `#include "dir/file.hpp"` lines at configure time, so a new include is picked up
# (tests/install compiles a consumer against the installed tree alone).
set(rhai_internal_headers)
set(queue ${rhai_public_headers})
while(queue)
  list(POP_FRONT queue header)
  file(STRINGS ${header} lines REGEX "^#include \"[a-z_]+/[a-z_]+\\.hpp\"")
  foreach(line ${lines})
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" inc "${line}")
    if(inc MATCHES "^rhai/" OR inc IN_LIST rhai_internal_headers OR NOT EXISTS ${PROJECT_SOURCE_DIR}/src/${inc})
      continue()
    endif()
    list(APPEND rhai_internal_headers ${inc})
    list(APPEND queue ${PROJECT_SOURCE_DIR}/src/${inc})
  endforeach()
endwhile()
install(FILES ${rhai_public_headers} ${PROJECT_BINARY_DIR}/include/rhai/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/rhai COMPONENT dev)
foreach(h ${rhai_internal_headers})
  get_filename_component(sub ${h} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/src/${h}
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/rhai/internal/${sub} COMPONENT dev)
endforeach()

install(TARGETS rhai LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${PROJECT_BINARY_DIR}/librhai.a ${PROJECT_BINARY_DIR}/librhai_cpp.a
  DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(TARGETS rhai-run rhai-repl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(rhai_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/rhai)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/rhai-config.cmake.in
  ${PROJECT_BINARY_DIR}/rhai-config.cmake INSTALL_DESTINATION ${rhai_cmake_dir}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR)
# 0.x: a minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/rhai-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/rhai-config.cmake ${PROJECT_BINARY_DIR}/rhai-config-version.cmake
  DESTINATION ${rhai_cmake_dir} COMPONENT dev)

# pkg-config: relative to the .pc file's own place, so the prefix can move.
file(RELATIVE_PATH rhai_pc_to_prefix ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(${PROJECT_SOURCE_DIR}/cmake/rhai.pc.in ${PROJECT_BINARY_DIR}/rhai.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/rhai.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
