# ctest repo_self_contained: fails when a git-tracked file points at the team's
# reading folder beside the repository. Nothing in the build, the tests, the
# fuzz corpora or the docs may depend on it: a lone clone has to work.
#   cmake -DSOURCE_DIR=<repository> -P tests/repo_self_contained.cmake
# Prints "SKIPPED: …" (ctest reports the test as skipped) when the source is
# not a git checkout, e.g. an unpacked source tarball.

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository> -P ${CMAKE_CURRENT_LIST_FILE}")
endif()

# Built from two pieces so that this file never matches itself.
set(_up "..")
set(_pattern "${_up}/shared")

find_program(_git git)
if(NOT _git OR NOT EXISTS "${SOURCE_DIR}/.git")
  message("SKIPPED: ${SOURCE_DIR} is not a git checkout (or git is missing)")
  return()
endif()

file(RELATIVE_PATH _self "${SOURCE_DIR}" "${CMAKE_CURRENT_LIST_FILE}")

# Tracked files only, as they are in the work tree (uncommitted edits count);
# binary files are skipped (-I).
execute_process(
  COMMAND "${_git}" -c "safe.directory=${SOURCE_DIR}" -C "${SOURCE_DIR}" grep -n -I --fixed-strings
          -e "${_pattern}" -- . ":(exclude)${_self}"
  RESULT_VARIABLE _status
  OUTPUT_VARIABLE _hits
  ERROR_VARIABLE _error)

if(_status EQUAL 1)
  message("repo_self_contained: no tracked file mentions ${_pattern}")
elseif(_status EQUAL 0)
  message(FATAL_ERROR
    "These tracked files point outside the repository (${_pattern}). Use tests/data/api "
    "for fixtures and docs/API.md for the API contract instead:\n${_hits}")
else()
  message(FATAL_ERROR "git grep failed (${_status}): ${_error}")
endif()
