#include "cbec/analysis/family.hpp"

namespace cbec {

Family convergence_family() {
  Family f;
  return f;
}

}  // namespace cbec
