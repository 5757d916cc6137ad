// The processes of one run of cbec. Outside mpirun, or built without MPI, there is one. Under
// mpirun (CBEC_MPI builds, processes/mpi.cpp) every rank runs the same command: replications are
// split across the ranks (stats/draw_exchange.hpp) with the same numbers as one process, and so are
// the rows of a fixed-effects regression (stats/reduce_exchange.hpp; numbers equal up to rounding);
// only rank 0 writes standard output and files, and an error on any rank ends all of them with the
// message of the lowest failing rank.
#pragma once
#include <string>

namespace cbec::cli {

// Joins the run's processes (MPI_Init under mpirun) and installs the draw and reduce exchanges;
// standard output of every rank but 0 is discarded.
void start_processes(int argc, char** argv);
// Whether this process writes the output (rank 0, or the only process).
bool writes_output();
// Refuses, with a message saying what to do, a command that cannot yet run as several processes.
void require_one_process(const std::string& command);
// The exit code of a process that stopped because another one failed (PeerFailure).
constexpr int kPeerFailed = -1;
// Ends the run. code: 0, this process's exit code with `message` (its one-line error), or
// kPeerFailed. Prints the run's error once and returns the program's exit code.
int finish_processes(int code, const std::string& message);

}  // namespace cbec::cli
