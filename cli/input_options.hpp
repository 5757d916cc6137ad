// How the data file is read, shared by every subcommand that reads one: delimiter, encoding and
// the number formats that are read as numbers only when declared.
#pragma once
#include <CLI/CLI.hpp>

#include "cbec/io/csv_reader.hpp"

namespace cbec::cli {

void add_input_options(CLI::App& cmd, CsvDeclaration& o);

}  // namespace cbec::cli
