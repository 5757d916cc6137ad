#include "cbec/estimate/spatial_models/durbin_terms.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cbec/core/error.hpp"

namespace cbec {

std::vector<long> durbin_columns(const std::vector<std::string>& names, const std::vector<std::string>& terms) {
  const auto is_intercept = [](const std::string& n) { return n == "(Intercept)"; };
  for (const auto& t : terms) {
    if (is_intercept(t)) throw SpecError("durbin_terms: the intercept has no spatial lag; name regressors only");
    if (std::find(names.begin(), names.end(), t) == names.end())
      throw SpecError(fmt::format("durbin_terms: '{}' is not a regressor of the formula (regressors: {})", t, fmt::join(names, ", ")));
  }
  std::vector<long> cols;
  for (size_t j = 0; j < names.size(); ++j)
    if (!is_intercept(names[j]) && (terms.empty() || std::find(terms.begin(), terms.end(), names[j]) != terms.end()))
      cols.push_back(static_cast<long>(j));
  return cols;
}

}  // namespace cbec
