# The C ABI's libraries (included from the top CMakeLists.txt after the rhai_capi stage).
#   rhai         librhai.so: the src/capi objects plus every stage, exporting only rhai_*
#                (src/capi/rhai.map), so a host never sees a C++ symbol of ours.
#   rhai_static  librhai.a: every stage archive merged into one (link it with the C++ runtime:
#                -lstdc++ -lpthread).
find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h)
if(NOT RAPIDJSON_INCLUDE_DIR)
  message(FATAL_ERROR "RapidJSON not found: install rapidjson-dev (scripts/install-deps.sh)")
endif()
target_include_directories(rhai_capi PUBLIC ${RAPIDJSON_INCLUDE_DIR})

file(GLOB capi_srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/capi/*.cpp)
add_library(rhai SHARED ${capi_srcs})
target_include_directories(rhai PRIVATE ${RAPIDJSON_INCLUDE_DIR})
target_link_libraries(rhai PRIVATE rhai_api)
target_include_directories(rhai INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
set_target_properties(rhai PROPERTIES
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
  LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/capi/rhai.map)
target_link_options(rhai PRIVATE
  -Wl,--version-script=${CMAKE_CURRENT_SOURCE_DIR}/src/capi/rhai.map -Wl,--no-undefined)

# One archive from the stage archives (cmake/merge_archives.cmake).
include(${PROJECT_SOURCE_DIR}/cmake/merge_archives.cmake)
rhai_merge_archives(rhai_static ${CMAKE_CURRENT_BINARY_DIR}/librhai.a
  rhai_capi rhai_api rhai_packages rhai_vm rhai_compiler rhai_syntax rhai_runtime)
set_target_properties(rhai_static PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES ${CMAKE_CURRENT_SOURCE_DIR}/include)

# `cmake --install` of these libraries: cmake/install.cmake.
