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

# One archive from the stage archives, through ar's MRI script.
set(rhai_static_stages rhai_capi rhai_api rhai_packages rhai_vm rhai_compiler rhai_syntax rhai_runtime)
set(rhai_static_mri ${CMAKE_CURRENT_BINARY_DIR}/librhai.mri)
set(mri_text "CREATE ${CMAKE_CURRENT_BINARY_DIR}/librhai.a\n")
set(stage_files)
foreach(stage ${rhai_static_stages})
  string(APPEND mri_text "ADDLIB $<TARGET_FILE:${stage}>\n")
  list(APPEND stage_files $<TARGET_FILE:${stage}>)
endforeach()
string(APPEND mri_text "SAVE\nEND\n")
file(GENERATE OUTPUT ${rhai_static_mri} CONTENT "${mri_text}")
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/librhai.a
  COMMAND ${CMAKE_COMMAND} -E rm -f ${CMAKE_CURRENT_BINARY_DIR}/librhai.a
  COMMAND sh -c "${CMAKE_AR} -M < ${rhai_static_mri}"
  DEPENDS ${rhai_static_stages} ${rhai_static_mri}
  COMMENT "Merging the stage archives into librhai.a" VERBATIM)
add_custom_target(rhai_static_archive ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/librhai.a)
add_library(rhai_static STATIC IMPORTED GLOBAL)
set_target_properties(rhai_static PROPERTIES
  IMPORTED_LOCATION ${CMAKE_CURRENT_BINARY_DIR}/librhai.a
  INTERFACE_INCLUDE_DIRECTORIES ${CMAKE_CURRENT_SOURCE_DIR}/include)
add_dependencies(rhai_static rhai_static_archive)

# `cmake --install`: the C ABI (librhai.so with its version links, librhai.a, rhai.h), where
# FFI hosts look for it: the Python binding's last resort is the dynamic loader's search path.
include(GNUInstallDirs)
install(TARGETS rhai LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/librhai.a DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/include/rhai/rhai.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/rhai)
