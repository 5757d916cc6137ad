// Output options shared by every subcommand: table format, output file, JSON.
#pragma once
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/report/table.hpp"

namespace cbec::cli {

struct OutputOptions {
  std::string format = "text";  // text, md, latex, csv, html, xlsx
  std::string out;              // output file (format from its extension unless --format is given)
  bool json = false;            // print the full results as JSON on standard output
  std::string json_out;         // write the JSON to this file
};

void add_output_options(CLI::App& cmd, OutputOptions& o);
// Prints or writes the tables, and the JSON if asked.
void emit(const std::vector<Table>& tables, const nlohmann::json& results, const OutputOptions& o);

}  // namespace cbec::cli
