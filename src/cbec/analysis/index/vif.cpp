// vif: variance inflation factors (Stata's estat vif) with screening above a threshold, one
// variable at a time (the largest VIF) or every variable above it at once; rows with a missing
// value are dropped.
#include <fmt/format.h>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/index/vif.hpp"
#include "cbec/report/index_json.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

Analysis vif_analysis() {
  Analysis a;
  a.name = "vif";
  a.command = "index";
  a.summary = "Variance inflation factors, dropping the largest while above the threshold (or all above it at once)";
  a.options = {columns_option("variables", "Variables to screen", true), number_option("threshold", 10, "VIF screening threshold", 1),
               choice_option("screen", {"one-at-a-time", "all-at-once"}, "one-at-a-time",
                             "one-at-a-time: drop the largest VIF above the threshold and recompute; all-at-once: drop every variable above it in one step")};
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    const std::vector<std::string> names = o.list("variables");
    std::vector<size_t> incomplete;
    const Eigen::MatrixXd all = columns_matrix(frame, names, incomplete);
    Eigen::MatrixXd X(all.rows() - static_cast<Eigen::Index>(incomplete.size()), all.cols());
    for (Eigen::Index i = 0, k = 0, m = 0; i < all.rows(); ++i) {
      if (m < static_cast<Eigen::Index>(incomplete.size()) && incomplete[static_cast<size_t>(m)] == static_cast<size_t>(i)) {
        ++m;
        continue;
      }
      X.row(k++) = all.row(i);
    }
    if (X.rows() == 0) throw DataError(fmt::format("VIF: every row has a missing value: {}", missing_indicators(frame, names)));
    const auto steps = vif_screen(X, names, o.number("threshold"), o.text("screen") == "all-at-once");
    std::vector<Table> tables = vif_tables(steps);
    nlohmann::json json = to_json(steps);
    json["nobs"] = X.rows();
    json["dropped"] = {{"missing", incomplete.size()}};
    if (!incomplete.empty())
      tables.front().notes.push_back(fmt::format("Dropped: {} rows with a missing value: {}.", incomplete.size(), missing_indicators(frame, names)));
    // The screen keeps two variables at least: their VIFs are both 1 / (1 - r^2), so which to drop is the user's choice.
    const VifStep& last = steps.back();
    if (last.names.size() == 2 && last.vif.maxCoeff() > o.number("threshold")) {
      const std::string said = fmt::format("The screen stops at two variables: {} and {} both have VIF {} > {:g} (two variables' VIFs are "
                                           "equal); choose which to leave out.",
                                           last.names[0], last.names[1], format_fixed(last.vif[0], 3), o.number("threshold"));
      tables.back().notes.push_back(said);
      json["stopped_at_two"] = true;
    }
    return Outcome{tables, {}, json};
  };
  return a;
}

}  // namespace cbec
