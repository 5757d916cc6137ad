// How the data file is read, shared by every subcommand that reads one: delimiter, encoding and
// the number formats that are read as numbers only when declared.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

#include "cbec/io/csv_reader.hpp"

namespace cbec::cli {

struct InputOptions {
  std::string delimiter, encoding, thousands;
  bool percent = false;
};

void add_input_options(CLI::App& cmd, InputOptions& o);
CsvOptions csv_options(const InputOptions& o);

}  // namespace cbec::cli
