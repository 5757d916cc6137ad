// Every analysis cbec has, in one list; the CLI, the study file and Python are built from it.
#pragma once
#include <string>
#include <vector>

#include "cbec/analysis/family.hpp"

namespace cbec {

const std::vector<Analysis>& all_analyses();
std::vector<CommandGroup> command_groups();

// The analysis of that name; a SpecError naming the known ones (and a renamed old name) otherwise.
const Analysis& find_analysis(const std::string& name);

}  // namespace cbec
