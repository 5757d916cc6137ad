#include "cbec/frame/spatial_weights.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"

namespace cbec {

void check_dense_size(size_t n, const std::string& what, const std::string& instead) {
  if (n > kMaxDenseUnits)
    throw SpecError(fmt::format("{} are dense: {} units make {:.3g} weights (more than {} units is refused); {}", what, n,
                                static_cast<double>(n) * static_cast<double>(n - 1), kMaxDenseUnits, instead));
}

}  // namespace cbec
