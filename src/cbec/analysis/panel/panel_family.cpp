#include "cbec/analysis/family.hpp"

namespace cbec {

Family panel_family() {
  Family f;
  return f;
}

}  // namespace cbec
