# One INTERFACE target that every Orgscope target links: language level,
# warnings and Qt strictness macros live here and nowhere else.
add_library(orgscope_common INTERFACE)
add_library(Orgscope::common ALIAS orgscope_common)
target_compile_features(orgscope_common INTERFACE cxx_std_20)
target_compile_options(orgscope_common INTERFACE -Wall -Wextra -Wpedantic)
if(ORGSCOPE_WERROR)
  target_compile_options(orgscope_common INTERFACE -Werror)
endif()
target_compile_definitions(orgscope_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  ORGSCOPE_VERSION="${PROJECT_VERSION}")
if(ORGSCOPE_BUILD_FUZZ)
  # Coverage instrumentation for every library the fuzzers link.
  target_compile_options(orgscope_common INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined,float-cast-overflow -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined,float-cast-overflow)
  target_link_options(orgscope_common INTERFACE -fsanitize=address,undefined)
endif()
if(ORGSCOPE_SANITIZE)
  target_compile_options(orgscope_common INTERFACE
    -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined,float-cast-overflow)
  target_link_options(orgscope_common INTERFACE -fsanitize=address,undefined)
endif()

# Precompiled headers: the build runs twice in CI (normal and sanitizers) on
# two cores, and most time goes into parsing the same Qt headers.
option(ORGSCOPE_PCH "Use precompiled headers" ON)
function(orgscope_precompile target header)
  if(ORGSCOPE_PCH)
    target_precompile_headers(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/${header})
  endif()
endfunction()

# orgscope_add_test(NAME name SOURCES a.cpp ... LIBS libs... [LABELS l...] [TIMEOUT s])
# Registers a Qt Test executable that runs headless.
function(orgscope_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  qt_add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test orgscope_common ${T_LIBS})
  # For the header-only helpers in tests/testsupport/ (prerequisite.h).
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests/bin")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set(_env
    "QT_QPA_PLATFORM=offscreen"
    "ORGSCOPE_SIM=$<TARGET_FILE:orgscope-sim>"
    "ORGSCOPE_APP=$<TARGET_FILE:orgscope>"
    "ORGSCOPE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data/api"
    "XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/tests/xdg/${T_NAME}/config"
    "XDG_DATA_HOME=${CMAKE_BINARY_DIR}/tests/xdg/${T_NAME}/data"
    "XDG_CACHE_HOME=${CMAKE_BINARY_DIR}/tests/xdg/${T_NAME}/cache"
    "QT_LOGGING_RULES=*.debug=false")
  if(ORGSCOPE_SANITIZE)
    # Leak detection for the test and for every process it starts (orgscope-sim,
    # orgscope inherit this environment). Set here, not by the caller: ctest's
    # ENVIRONMENT wins over the caller's, and `ctest --preset asan` alone must
    # check leaks too.
    list(APPEND _env
      "ASAN_OPTIONS=detect_leaks=1"
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0"
      "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  endif()
  set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${_env}" LABELS "${T_LABELS}")
  # A test whose initTestCase skipped (Qt then skips every function: "Totals: 0
  # passed, 0 failed, N skipped") is reported as skipped, not passed. Anchored
  # to the end of the output, so a sanitizer report after Qt's last line still
  # fails the test. One function skipping among passing ones stays a pass (its
  # SKIP line is in the output): see tests/README.md.
  set_tests_properties(${T_NAME} PROPERTIES SKIP_REGULAR_EXPRESSION
    "Totals: 0 passed, 0 failed, [0-9]+ skipped, [0-9]+ blacklisted, [0-9]+ms\n\\*+ Finished testing of [^\n]* \\*+\n$")
  if(ORGSCOPE_SANITIZE)
    # A child's sanitizer report that the test passes on (testsupport/childreport.h)
    # fails the test even when the test itself exits 0.
    set_tests_properties(${T_NAME} PROPERTIES FAIL_REGULAR_EXPRESSION "SUMMARY: [A-Za-z]+Sanitizer:")
  endif()
endfunction()

# A second run of a test registered with orgscope_add_test(), same executable
# and properties, with more environment: e.g. the simulator in another mode
# (ORGSCOPE_SIM_EXTRA_ARGS, read by testsupport's SimulatorProcess). The
# variant is NAME_SUFFIX and has XDG dirs of its own.
function(orgscope_add_test_variant)
  cmake_parse_arguments(V "" "NAME;SUFFIX" "ENV" ${ARGN})
  set(_name ${V_NAME}_${V_SUFFIX})
  add_test(NAME ${_name} COMMAND ${V_NAME})
  foreach(_p ENVIRONMENT TIMEOUT LABELS SKIP_REGULAR_EXPRESSION FAIL_REGULAR_EXPRESSION)
    get_test_property(${V_NAME} ${_p} _v)
    if(_p STREQUAL "ENVIRONMENT")
      list(TRANSFORM _v REPLACE "/xdg/${V_NAME}/" "/xdg/${_name}/")
      list(APPEND _v ${V_ENV})
    endif()
    if(_v)
      set_tests_properties(${_name} PROPERTIES ${_p} "${_v}")
    endif()
  endforeach()
endfunction()
