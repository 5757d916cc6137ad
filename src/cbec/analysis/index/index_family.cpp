#include "cbec/analysis/family.hpp"

namespace cbec {

Family index_family() {
  Family f;
  return f;
}

}  // namespace cbec
