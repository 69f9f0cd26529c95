# The install test (label `install`): tests/install/run.sh. Sanitizer builds skip it (their
# libraries need the sanitizer runtimes in every consumer).
string(TOLOWER "${CMAKE_BUILD_TYPE}" install_build_type)
if(NOT install_build_type MATCHES "^(asan|tsan|fuzz)$")
  add_test(NAME install/find_package_and_pkg_config
    COMMAND bash ${PROJECT_SOURCE_DIR}/tests/install/run.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR}
            ${CMAKE_CXX_COMPILER} ${CMAKE_C_COMPILER})
  set_tests_properties(install/find_package_and_pkg_config PROPERTIES LABELS install TIMEOUT 600)
endif()
