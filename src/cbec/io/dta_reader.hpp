// Stata .dta in (all versions ReadStat reads), with value labels kept as variable labels only.
#pragma once
#include <string>

#include "cbec/frame/frame.hpp"

namespace cbec {

Frame read_dta(const std::string& path);

}  // namespace cbec
