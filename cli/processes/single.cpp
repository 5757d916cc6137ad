// One process: cbec built without MPI (cli/processes.hpp).
#include <iostream>

#include "cbec/stats/reduce_exchange.hpp"
#include "../processes.hpp"

namespace cbec::cli {

// Nothing to split: the one-process exchange, for symmetry with processes/mpi.cpp (the library
// ignores an exchange of one process).
void start_processes(int, char**) {
  static SingleProcessReduce one;
  install_reduce_exchange(&one);
}

bool writes_output() { return true; }

void require_one_process(const std::string&) {}

int finish_processes(int code, const std::string& message) {
  if (!message.empty()) std::cerr << message << "\n";
  return code;
}

}  // namespace cbec::cli
