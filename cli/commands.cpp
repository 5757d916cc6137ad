#include "commands.hpp"

namespace cbec::cli {

std::vector<AddCommand> all_commands() {
  return {add_describe, add_reg, add_analysis_commands, add_analyses, add_run, add_simulate, add_xtreg, add_transform, add_panel, add_weights, add_treat, add_threshold, add_subgroup, add_psm, add_regions};
}

}  // namespace cbec::cli
