// Output options shared by every subcommand: table format, output file, JSON.
#pragma once
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/core/stage_timer.hpp"
#include "cbec/report/table.hpp"

namespace cbec::cli {

struct OutputOptions {
  std::string format = "text";  // text, md, latex, csv, html, xlsx
  std::string out;              // output file (format from its extension unless --format is given)
  bool json = false;            // print the full results as JSON on standard output
  std::string json_out;         // write the JSON to this file
  bool timing = false;          // report the stage times (standard error; JSON `timing`)
};

void add_output_options(CLI::App& cmd, OutputOptions& o);
// Prints or writes the tables, and the JSON if asked. With a timer (--timing) the output stage is
// timed, the times are added to the JSON as `timing` (output there: rendering the tables and the
// JSON without the timing itself) and printed on standard error.
void emit(const std::vector<Table>& tables, const nlohmann::json& results, const OutputOptions& o, StageTimer* timer = nullptr);

}  // namespace cbec::cli
