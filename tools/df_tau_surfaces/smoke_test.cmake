# CTest df_tau_surfaces_smoke: a second of simulation by the table generator, with one thread and with
# two, must give the same tables (the comment lines, with the date and the CPU time, aside), and its
# quantiles must land near the shipped surfaces (--check-shipped). A different seed from the shipped
# run's, so the comparison uses other random numbers.
file(MAKE_DIRECTORY ${OUT})
set(args --seed 7 --experiments 10 --replications 10000 --sizes 20 25 30 40 50 100 --check-shipped)
foreach(threads 1 2)
  execute_process(COMMAND ${GEN} ${args} --threads ${threads} --out ${OUT}/threads${threads}.cpp RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "df_tau_surfaces with ${threads} thread(s) failed (exit ${rc})")
  endif()
endforeach()
file(STRINGS ${OUT}/threads1.cpp one REGEX "^[^/]")
file(STRINGS ${OUT}/threads2.cpp two REGEX "^[^/]")
list(LENGTH one lines)
if(lines LESS 663)
  message(FATAL_ERROR "df_tau_surfaces wrote ${lines} table lines, expected 3 x 221 rows and more")
endif()
if(NOT one STREQUAL two)
  message(FATAL_ERROR "df_tau_surfaces: the tables differ between one and two threads")
endif()
