// The spatial regression analyses (`cbec spreg --method <name>`, study type <name>), one file each.
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis lmtests_analysis();

}  // namespace cbec
