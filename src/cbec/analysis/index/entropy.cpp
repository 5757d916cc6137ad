// entropy: the entropy-weight composite index, pooled over all rows, per year (standardized and
// weighted within each group) or time-varying (standardized pooled, weighted within each group);
// optionally hierarchical (--groups). Its scores are a new column for the steps that follow. A row
// with a missing indicator is refused (missing = refuse, the default: interpolate first) or left
// out of the standardization and weights with a missing score (missing = drop), and counted.
#include <cmath>
#include <fmt/format.h>

#include <cstdlib>
#include <limits>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/report/index_json.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

Analysis entropy_analysis() {
  Analysis a;
  a.name = "entropy";
  a.command = "index";
  a.summary = "Entropy-weight composite index (pooled, per year or time-varying); adds the scores as a column";
  a.options = {columns_option("indicators", "Indicator variables", true),
               columns_option("negative", "Indicators where less is better"),
               list_option("groups", "First-level group of each indicator, in the order of the indicators (hierarchical index)"),
               choice_option("standardize", {"minmax", "z"}, "minmax", "Standardization of the indicators"),
               number_option("shift", 0, "Added to the standardized values before the shares (e.g. 0.0001); the scores use the unshifted values"),
               flag_option("shift_scores", "Scores from the shifted values (x' + shift) too, instead of the unshifted x'"),
               choice_option("scope", {"pooled", "per-year", "time-varying"}, "pooled",
                             "pooled: n = units x years; per-year: standardize and weight within each --by group; time-varying: standardize pooled, weight within each group"),
               column_option("by", "The grouping column of scope per-year or time-varying (default: the panel's time column)"),
               choice_option("missing", {"refuse", "drop"}, "refuse",
                             "A row with a missing indicator: refuse (an error naming it; interpolate first) or drop (left out, its score missing)"),
               name_option("index")};
  a.needs.panel = PanelNeed::Optional;
  a.creates = [](const Options& o) { return std::vector<std::string>{o.text("name")}; };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const std::vector<std::string> names = o.list("indicators");
    const std::string name = o.text("name"), scope = o.text("scope");
    EntropyOptions eo;
    eo.standardize = o.text("standardize");
    eo.shift = o.number("shift");
    eo.score_shifted = o.flag("shift_scores");
    eo.groups = o.list("groups");
    eo.negative = negative_flags(names, o.list("negative"));
    const std::string by = o.has("by") ? o.text("by") : ctx.time;
    if (scope != "pooled" && by.empty()) throw SpecError(fmt::format("--scope {} needs --by (the grouping column, e.g. year)", scope));
    if (scope == "pooled" && o.has("by")) throw SpecError("--by needs --scope per-year or time-varying");
    std::vector<size_t> incomplete;
    const Eigen::MatrixXd all = o.text("missing") == "drop" ? columns_matrix(frame, names, incomplete) : complete_matrix(frame, names, "entropy");
    std::vector<size_t> rows;   // the rows used
    for (size_t i = 0, m = 0; i < frame.nrows(); ++i) {
      if (m < incomplete.size() && incomplete[m] == i) {
        ++m;
        continue;
      }
      rows.push_back(i);
    }
    if (rows.empty()) throw DataError(fmt::format("entropy: every row has a missing indicator: {}", missing_indicators(frame, names)));
    Eigen::MatrixXd X(static_cast<Eigen::Index>(rows.size()), all.cols());
    for (size_t r = 0; r < rows.size(); ++r) X.row(static_cast<Eigen::Index>(r)) = all.row(static_cast<Eigen::Index>(rows[r]));
    Outcome out;
    Eigen::VectorXd scores;
    if (scope == "pooled") {
      const EntropyResult r = entropy_weights(X, names, eo);
      out.tables.push_back(entropy_table(r, eo));
      std::vector<std::pair<std::string, double>> bars;
      for (size_t j = 0; j < names.size(); ++j) bars.emplace_back(names[j], r.w[static_cast<Eigen::Index>(j)]);
      out.figures.push_back(bar_chart("", fmt::format("Entropy weights of the indicators of {}", name), "Weight", bars));
      out.json = to_json(r);
      scores = r.scores;
    } else {
      const GroupedEntropyResult r = entropy_weights_by_group(X, names, incomplete.empty() ? frame.get(by) : frame.take(rows).get(by), scope, eo);
      out.tables.push_back(entropy_by_group_table(r, names, by, eo));
      std::vector<LinePoint> lines;
      bool numeric = true;
      for (size_t g = 0; g < r.levels.size() && numeric; ++g) {
        char* end = nullptr;
        const double x = std::strtod(r.levels[g].c_str(), &end);
        numeric = end && *end == '\0' && !r.levels[g].empty();
        for (size_t j = 0; j < names.size() && numeric; ++j) lines.push_back({x, r.results[g].w[static_cast<Eigen::Index>(j)], names[j]});
      }
      if (numeric) out.figures.push_back(line_chart("", fmt::format("Entropy weights of the indicators of {} by {}", name, by), by, "Weight", lines));
      out.json = to_json(r, by);
      scores = r.scores;
    }
    std::vector<double> column(frame.nrows(), std::numeric_limits<double>::quiet_NaN());
    for (size_t r = 0; r < rows.size(); ++r) column[rows[r]] = scores[static_cast<Eigen::Index>(r)];
    out.json["scores"] = nlohmann::json::array();  // one per data row, null where a row was left out
    for (double v : column) out.json["scores"].push_back(std::isnan(v) ? nlohmann::json() : nlohmann::json(v));
    if (!incomplete.empty()) {
      out.tables.front().notes.push_back(fmt::format("{} rows with a missing indicator are left out (missing = drop; first: data line {}); their score is missing.",
                                                     incomplete.size(), frame.line(incomplete.front())));
      out.json["dropped_rows"] = incomplete.size();
    }
    out.json["missing"] = o.text("missing");
    add_index_column(frame, name, column, out.tables.front());
    return out;
  };
  return a;
}

}  // namespace cbec
