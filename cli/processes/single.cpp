// One process: cbec built without MPI (cli/processes.hpp).
#include <iostream>

#include "../processes.hpp"

namespace cbec::cli {

void start_processes(int, char**) {}

bool writes_output() { return true; }

void require_one_process(const std::string&) {}

int finish_processes(int code, const std::string& message) {
  if (!message.empty()) std::cerr << message << "\n";
  return code;
}

}  // namespace cbec::cli
