#include "cbec/analysis/family.hpp"
#include "cbec/analysis/spreg/spreg_analyses.hpp"

namespace cbec {

Family spreg_family() {
  Family f;
  f.analyses = {lmtests_analysis()};
  f.groups = {{"spreg", "Spatial regression on weights (--w file --id column): lmtests", "method", false, "", {}}};
  return f;
}

}  // namespace cbec
