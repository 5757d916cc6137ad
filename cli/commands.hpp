// The registry of subcommands: each cmd_*.cpp defines one add_* function, listed in commands.cpp.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace cbec::cli {

using AddCommand = std::function<void(CLI::App&)>;
std::vector<AddCommand> all_commands();

// The subcommands generated from the analysis registry (analysis_commands.cpp).
void add_analysis_commands(CLI::App& app);
void add_analyses(CLI::App& app);
void add_run(CLI::App& app);
void add_simulate(CLI::App& app);
void add_weights(CLI::App& app);

}  // namespace cbec::cli
