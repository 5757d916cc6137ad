// Every analysis cbec has, in one list; the CLI, the study file and Python are built from it.
#pragma once
#include <string>
#include <vector>

#include "cbec/analysis/analysis.hpp"

namespace cbec {

// A command-line subcommand and the analyses it groups (`cbec did --method cs`).
struct CommandGroup {
  std::string name, summary;
  std::string selector = "method";     // the option choosing the analysis; "" when the group has one
  bool selector_positional = false;    // `cbec spatial moran data.csv` instead of --method moran
  std::string default_analysis;        // when the selector is omitted ("" = required)
  std::vector<const Analysis*> analyses;
};

const std::vector<Analysis>& all_analyses();
std::vector<CommandGroup> command_groups();

// The analysis of that name; a SpecError naming the known ones (and a renamed old name) otherwise.
const Analysis& find_analysis(const std::string& name);

}  // namespace cbec
