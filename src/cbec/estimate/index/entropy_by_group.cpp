#include "cbec/estimate/index/entropy_by_group.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/frame/levels.hpp"

namespace cbec {

GroupedEntropyResult entropy_weights_by_group(const Eigen::MatrixXd& X, const std::vector<std::string>& names, const Column& group,
                                              const std::string& scope, const EntropyOptions& o) {
  if (scope != "per-year" && scope != "time-varying")
    throw SpecError(fmt::format("unknown entropy scope '{}' by group; use per-year or time-varying (pooled is the ungrouped method)", scope));
  if (static_cast<long>(group.size()) != X.rows()) throw SpecError(fmt::format("the group column '{}' needs one value per row", group.name));
  const Levels levels = code_levels(group);
  for (size_t i = 0; i < levels.codes.size(); ++i)
    if (levels.codes[i] < 0) throw DataError(fmt::format("the group column '{}' is missing in row {}", group.name, i + 1));
  // Time-varying: x' once over all rows; per-year: x' inside each group below.
  const Eigen::MatrixXd pooled = scope == "time-varying" ? entropy_standardize(X, names, o) : Eigen::MatrixXd();
  GroupedEntropyResult r;
  r.scope = scope;
  r.levels = levels.labels;
  r.scores.resize(X.rows());
  for (size_t g = 0; g < levels.labels.size(); ++g) {
    std::vector<long> rows;
    for (size_t i = 0; i < levels.codes.size(); ++i)
      if (levels.codes[i] == static_cast<int32_t>(g)) rows.push_back(static_cast<long>(i));
    if (rows.size() < 2) throw DataError(fmt::format("{} '{}' has {} row(s); entropy weights within a group need at least two", group.name, levels.labels[g], rows.size()));
    const Eigen::MatrixXd Xg = scope == "time-varying" ? Eigen::MatrixXd(pooled(rows, Eigen::all)) : Eigen::MatrixXd(X(rows, Eigen::all));
    EntropyResult res;
    try {
      res = scope == "time-varying" ? entropy_of_standardized(Xg, names, o) : entropy_weights(Xg, names, o);
    } catch (const Error& e) {  // say which group
      throw DataError(fmt::format("{} '{}': {}", group.name, levels.labels[g], e.what()));
    }
    if (scope == "time-varying") {  // standardized over all rows: the pooled range
      res.min = X.colwise().minCoeff().transpose();
      res.max = X.colwise().maxCoeff().transpose();
    }
    for (size_t k = 0; k < rows.size(); ++k) r.scores[rows[k]] = res.scores[static_cast<long>(k)];
    r.results.push_back(std::move(res));
  }
  return r;
}

}  // namespace cbec
