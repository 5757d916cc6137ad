#include "cbec/analysis/family.hpp"

namespace cbec {

Family spatial_family() {
  Family f;
  return f;
}

}  // namespace cbec
