#include "commands.hpp"

namespace cbec::cli {

std::vector<AddCommand> all_commands() {
  return {add_analysis_commands, add_analyses, add_run, add_simulate, add_weights};
}

}  // namespace cbec::cli
