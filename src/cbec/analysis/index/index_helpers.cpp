#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/core/error.hpp"

namespace cbec {

Eigen::MatrixXd columns_matrix(const Frame& f, const std::vector<std::string>& names, std::vector<size_t>& incomplete) {
  Eigen::MatrixXd X(static_cast<Eigen::Index>(f.nrows()), static_cast<Eigen::Index>(names.size()));
  for (size_t j = 0; j < names.size(); ++j) {
    const auto& v = f.numeric(names[j]);
    for (size_t i = 0; i < v.size(); ++i) X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v[i];
  }
  for (Eigen::Index i = 0; i < X.rows(); ++i)
    if (!X.row(i).allFinite()) incomplete.push_back(static_cast<size_t>(i));
  return X;
}

std::string missing_indicators(const Frame& f, const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const auto& name : names) {
    const auto& v = f.numeric(name);
    size_t count = 0, first = 0;
    for (size_t i = 0; i < v.size(); ++i)
      if (!std::isfinite(v[i]) && count++ == 0) first = i;
    if (count == 0) continue;
    std::string part = count == v.size() ? fmt::format("'{}' in every row", name)
                                         : fmt::format("'{}' in {} row{} (first: data line {})", name, count, count == 1 ? "" : "s", f.line(first));
    const std::string about = "column '" + name + "': ";  // the reader's note on its text cells, after this
    for (const auto& note : f.notes())
      if (const size_t at = note.find(about); at != std::string::npos && note.find("not a number") != std::string::npos)
        part += fmt::format(" [{}]", note.substr(at + about.size()));
    parts.push_back(part);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

Eigen::MatrixXd complete_matrix(const Frame& f, const std::vector<std::string>& names, const std::string& method) {
  std::vector<size_t> incomplete;
  Eigen::MatrixXd X = columns_matrix(f, names, incomplete);
  if (!incomplete.empty())
    throw DataError(fmt::format("{} {} a missing indicator: {}; the {} method needs every unit-year: interpolate the gaps first{}",
                                incomplete.size(), incomplete.size() == 1 ? "row has" : "rows have", missing_indicators(f, names), method,
                                method == "entropy" ? " (or --missing drop)" : ""));
  return X;
}

std::vector<bool> negative_flags(const std::vector<std::string>& indicators, const std::vector<std::string>& negative) {
  for (const auto& n : negative)
    if (std::find(indicators.begin(), indicators.end(), n) == indicators.end())
      throw SpecError(fmt::format("negative names '{}', which is not among the indicators", n));
  std::vector<bool> flags;
  for (const auto& n : indicators) flags.push_back(std::find(negative.begin(), negative.end(), n) != negative.end());
  return flags;
}

OptionSpec name_option(const std::string& default_name) {
  return text_option("name", "Name of the new column (entropy, topsis: index; ser, deviation, theil, lq: the method's name)", default_name);
}

void add_index_column(Frame& frame, const std::string& name, const std::vector<double>& v, Table& t) {
  frame.set(Column::numeric(name, v));
  t.notes.push_back(fmt::format("The values are the new column '{}' (for the steps that follow, or --save).", name));
}

}  // namespace cbec
