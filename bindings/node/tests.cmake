# Tests of the Node.js binding (label `node`), included from tests/CMakeLists.txt.
# Each test of bindings/node/test/*.test.js is one CTest test (`node --test` with its name as
# the pattern); the example examples/node/fetch_user.js is one more. A setup test installs the
# npm dependencies (`npm ci`, pinned by package-lock.json) first. Without Node.js they report "skipped" (77).
# Only in uninstrumented builds: node itself is not built with the sanitizers, and loading an
# ASan / TSan librhai.so into it needs the runtimes preloaded into V8, which is not worth the
# CI time; the C tests (label capi) cover the library under the sanitizers.
string(TOLOWER "${CMAKE_BUILD_TYPE}" node_build_type)
if(node_build_type MATCHES "^(asan|tsan|fuzz)$")
  return()
endif()
set(node_dir ${PROJECT_SOURCE_DIR}/bindings/node)
set(node_env "RHAI_LIBRARY=$<TARGET_FILE:rhai>")

add_test(NAME node/install COMMAND bash ${node_dir}/scripts/install.sh)
set_tests_properties(node/install PROPERTIES LABELS node FIXTURES_SETUP node_deps
  SKIP_RETURN_CODE 77 TIMEOUT 300)

# One CTest test per test('name', ...) of each file.
file(GLOB node_tests CONFIGURE_DEPENDS ${node_dir}/test/*.test.js)
foreach(file ${node_tests})
  get_filename_component(group ${file} NAME)
  string(REGEX REPLACE "\\.test\\.js$" "" group ${group})
  file(STRINGS ${file} test_lines REGEX "^test\\('")
  foreach(line ${test_lines})
    string(REGEX REPLACE "^test\\('([^']+)'.*" "\\1" tname "${line}")
    add_test(NAME "node/${group}/${tname}" COMMAND bash ${node_dir}/scripts/run-test.sh ${file} "${tname}")
    set_tests_properties("node/${group}/${tname}" PROPERTIES LABELS node FIXTURES_REQUIRED node_deps
      SKIP_RETURN_CODE 77 TIMEOUT 180 ENVIRONMENT "${node_env}")
  endforeach()
endforeach()

add_test(NAME node/example_fetch_user
  COMMAND bash ${node_dir}/scripts/run-test.sh ${PROJECT_SOURCE_DIR}/examples/node/fetch_user.js)
set_tests_properties(node/example_fetch_user PROPERTIES LABELS node FIXTURES_REQUIRED node_deps
  SKIP_RETURN_CODE 77 TIMEOUT 60 ENVIRONMENT "${node_env}"
  PASS_REGULAR_EXPRESSION "result: Ada Lovelace \\(ada@example.com\\)")
