#include "cbec/study/index_steps.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/estimate/index/vif.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

namespace {

// The indicator columns; rows with a missing value are listed (entropy needs every row, VIF drops them).
Eigen::MatrixXd indicator_matrix(const Frame& f, const std::vector<std::string>& names, std::vector<size_t>& incomplete) {
  Eigen::MatrixXd X(static_cast<Eigen::Index>(f.nrows()), static_cast<Eigen::Index>(names.size()));
  for (size_t j = 0; j < names.size(); ++j) {
    const auto& v = f.numeric(names[j]);
    for (size_t i = 0; i < v.size(); ++i) X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v[i];
  }
  for (Eigen::Index i = 0; i < X.rows(); ++i)
    if (!X.row(i).allFinite()) incomplete.push_back(static_cast<size_t>(i));
  return X;
}

StudySection entropy_step(const StudySpec& s, const AnalysisSpec& a, Frame& frame, StudySection sec) {
  const auto& names = a.lists.at("indicators");
  const std::vector<std::string> negative = a.lists.count("negative") ? a.lists.at("negative") : std::vector<std::string>{};
  const std::string name = a.text.count("name") ? a.text.at("name") : "index";
  const std::string scope = a.text.count("scope") ? a.text.at("scope") : "pooled";
  if (scope != "pooled" && scope != "per-year" && scope != "time-varying")
    throw SpecError(fmt::format("scope must be pooled, per-year or time-varying, not '{}'", scope));
  EntropyOptions eo;
  if (a.text.count("standardize")) eo.standardize = a.text.at("standardize");
  if (a.numbers.count("shift")) eo.shift = a.numbers.at("shift");
  for (const auto& n : names) eo.negative.push_back(std::find(negative.begin(), negative.end(), n) != negative.end());
  for (const auto& n : negative)
    if (std::find(names.begin(), names.end(), n) == names.end()) throw SpecError(fmt::format("negative names '{}', which is not among the indicators", n));
  std::vector<size_t> incomplete;
  const Eigen::MatrixXd X = indicator_matrix(frame, names, incomplete);
  if (!incomplete.empty())
    throw DataError(fmt::format("{} rows have a missing indicator (first: data line {}); the entropy method needs every unit-year: interpolate the gaps first",
                                incomplete.size(), incomplete.front() + 2));
  Eigen::VectorXd scores;
  if (scope == "pooled") {
    const EntropyResult r = entropy_weights(X, names, eo);
    sec.tables.push_back(entropy_table(r, eo));
    std::vector<std::pair<std::string, double>> bars;
    for (size_t j = 0; j < names.size(); ++j) bars.emplace_back(names[j], r.w[static_cast<Eigen::Index>(j)]);
    sec.figures.push_back(bar_chart("", fmt::format("Entropy weights of the indicators of {}", name), "Weight", bars));
    sec.results = to_json(r);
    scores = r.scores;
  } else {
    const GroupedEntropyResult r = entropy_weights_by_group(X, names, frame.get(s.time), scope, eo);
    sec.tables.push_back(entropy_by_group_table(r, names, s.time));
    std::vector<LinePoint> lines;
    for (size_t g = 0; g < r.levels.size(); ++g)
      for (size_t j = 0; j < names.size(); ++j) lines.push_back({std::stod(r.levels[g]), r.results[g].w[static_cast<Eigen::Index>(j)], names[j]});
    sec.figures.push_back(line_chart("", fmt::format("Entropy weights of the indicators of {} by {}", name, s.time), s.time, "Weight", lines));
    sec.results = to_json(r, s.time);
    scores = r.scores;
  }
  sec.tables.front().title = sec.title;
  sec.tables.front().notes.push_back(fmt::format("The scores are the new column '{}' for the analyses that follow.", name));
  frame.set(Column::numeric(name, std::vector<double>(scores.data(), scores.data() + scores.size())));
  return sec;
}

StudySection vif_step(const AnalysisSpec& a, const Frame& frame, StudySection sec) {
  const auto& names = a.lists.at("variables");
  std::vector<size_t> incomplete;
  const Eigen::MatrixXd all = indicator_matrix(frame, names, incomplete);
  Eigen::MatrixXd X(all.rows() - static_cast<Eigen::Index>(incomplete.size()), all.cols());
  for (Eigen::Index i = 0, k = 0, m = 0; i < all.rows(); ++i) {
    if (m < static_cast<Eigen::Index>(incomplete.size()) && incomplete[static_cast<size_t>(m)] == static_cast<size_t>(i)) {
      ++m;
      continue;
    }
    X.row(k++) = all.row(i);
  }
  const auto steps = vif_screen(X, names, a.numbers.count("threshold") ? a.numbers.at("threshold") : 10.0);
  sec.tables = vif_tables(steps);
  sec.tables.front().title = sec.title + ": " + sec.tables.front().title;
  if (!incomplete.empty()) sec.tables.front().notes.push_back(fmt::format("Dropped: {} rows with a missing value.", incomplete.size()));
  sec.results = to_json(steps);
  return sec;
}

}  // namespace

StudySection run_index_analysis(const StudySpec& s, const AnalysisSpec& a, Frame& frame) {
  StudySection sec;
  sec.type = a.type;
  sec.title = a.title.empty() ? a.type : a.title;
  return a.type == "entropy" ? entropy_step(s, a, frame, std::move(sec)) : vif_step(a, frame, std::move(sec));
}

}  // namespace cbec
