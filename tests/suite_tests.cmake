# Run by ctest (a TEST_INCLUDE_FILES script, see cc_test() in
# CMakeLists.txt): registers one test per gtest suite of the executable
# ${exe}, named ${prefix}.<Suite> and running --gtest_filter=<Suite>.*.
# A process per suite rather than per test: a sanitizer build spends about
# 0.1 s of CPU starting each process, which for ~800 unit tests was more
# than the tests themselves.
get_filename_component(exe_name "${exe}" NAME)
if(NOT EXISTS "${exe}")
  # Not built in this build directory (each test.sh stage builds only what
  # it runs): unlabelled, so `ctest -L` leaves it out, as gtest_discover_tests
  # does with its NOT_BUILT tests.
  add_test("${exe_name}_NOT_BUILT" "${exe_name}_NOT_BUILT")
  return()
endif()
execute_process(COMMAND "${exe}" --gtest_list_tests
  OUTPUT_VARIABLE listing RESULT_VARIABLE rc TIMEOUT 60)
if(NOT rc EQUAL 0)
  # A test that fails, so that the run says why instead of finding nothing.
  add_test("${prefix}.${exe_name}_LISTING_FAILED" "${exe}" --gtest_list_tests)
  set_tests_properties("${prefix}.${exe_name}_LISTING_FAILED" PROPERTIES LABELS "${label}")
  return()
endif()
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  # Suite lines start in column 0 and end with '.' (before any comment).
  if(line MATCHES "^([A-Za-z0-9_/]+)\\.")
    set(suite "${CMAKE_MATCH_1}")
    add_test("${prefix}.${suite}" "${exe}" "--gtest_filter=${suite}.*")
    set_tests_properties("${prefix}.${suite}" PROPERTIES LABELS "${label}"
      WORKING_DIRECTORY "${dir}")
  endif()
endforeach()
