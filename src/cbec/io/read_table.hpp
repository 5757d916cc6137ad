// Reads a data file by its extension: .csv/.txt/.tsv (CSV) or .dta (Stata).
#pragma once
#include <string>

#include "cbec/frame/frame.hpp"

namespace cbec {

Frame read_table(const std::string& path);

}  // namespace cbec
