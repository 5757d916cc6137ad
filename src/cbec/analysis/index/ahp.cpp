// ahp: weights of the analytic hierarchy process (Saaty) from a square pairwise-comparison matrix:
// the data (command line: `cbec index --method ahp pairwise.csv`), its rows in the order of the
// criteria columns. Cells are numbers or fractions (1/3: Saaty's reciprocals as they are usually
// written; the reader leaves a column of them as text), and a cell left without a number is its
// mirror's reciprocal.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/index/alternative_weights.hpp"
#include "cbec/io/csv_cells.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

namespace {

// A text cell as a number: a number, or a fraction p/q of two numbers, read as the CSV reader
// reads a number (trim_cell, parse_number); NaN when it is neither or not finite (1/0).
double judgement(std::string_view cell) {
  auto number = [](std::string_view s) {
    double v = std::nan("");
    return parse_number(trim_cell(s), v) ? v : std::nan("");
  };
  const size_t slash = cell.find('/');
  const double v = slash == std::string_view::npos ? number(cell) : number(cell.substr(0, slash)) / number(cell.substr(slash + 1));
  return std::isfinite(v) ? v : std::nan("");
}

// The square pairwise matrix from the criteria columns (as many as the frame's rows). A cell with no number (empty, or text the reader
// could not read in a column of numbers, such as 1/3 among decimals) is the reciprocal of its mirror
// cell, a[i,j] = 1 / a[j,i] (Saaty's matrices are reciprocal; many give only the upper triangle), or 1
// on the diagonal, and `note` says which; a text cell that is neither a number nor a fraction, or a
// cell whose mirror has no number either, is an error naming its column and data line.
Eigen::MatrixXd pairwise_matrix(const Frame& frame, const std::vector<std::string>& names, std::string& note) {
  const auto n = static_cast<Eigen::Index>(frame.nrows());
  Eigen::MatrixXd A(n, static_cast<Eigen::Index>(names.size()));
  for (size_t j = 0; j < names.size(); ++j) {
    const Column& c = frame.get(names[j]);
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto row = static_cast<size_t>(i);
      double v = std::nan("");
      if (!c.is_missing(row)) {
        if (c.is_numeric()) {
          v = c.values[row];
        } else {
          const std::string& text = c.levels[static_cast<size_t>(c.codes[row])];
          v = judgement(text);
          if (std::isnan(v))
            throw DataError(fmt::format("the pairwise-comparison matrix's cell '{}' (column '{}', data line {}) is neither a number nor a fraction such as 1/3",
                                        text, names[j], frame.line(row)));
        }
      }
      A(i, static_cast<Eigen::Index>(j)) = v;
    }
  }
  std::vector<std::string> filled;
  auto cell = [&](Eigen::Index i, Eigen::Index j) { return fmt::format("column '{}', data line {}", names[static_cast<size_t>(j)], frame.line(static_cast<size_t>(i))); };
  const Eigen::MatrixXd given = A;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      if (!std::isnan(given(i, j))) continue;
      if (i != j && std::isnan(given(j, i)))
        throw DataError(fmt::format("the pairwise-comparison matrix has no number in {} nor in its mirror cell ({}); give one of the two judgements",
                                    cell(i, j), cell(j, i)));
      A(i, j) = i == j ? 1.0 : 1.0 / given(j, i);
      filled.push_back(cell(i, j));
    }
  if (!filled.empty()) {
    const size_t shown = std::min<size_t>(filled.size(), 6);
    note = fmt::format("{} cell{} of the matrix had no number (empty, or text such as 1/3 in a column read as numbers) and {} taken as the reciprocal "
                       "of the mirror cell, a[i,j] = 1/a[j,i] (1 on the diagonal): {}{}",
                       filled.size(), filled.size() == 1 ? "" : "s", filled.size() == 1 ? "was" : "were",
                       fmt::join(filled.begin(), filled.begin() + static_cast<long>(shown), "; "), filled.size() > shown ? "; ..." : "");
  }
  return A;
}

}  // namespace

Analysis ahp_analysis() {
  Analysis a;
  a.name = "ahp";
  a.command = "index";
  a.summary = "AHP weights and consistency ratio from a pairwise-comparison matrix (the data file)";
  a.options = {columns_option("criteria", "The matrix's columns, one per criterion (default: every column of the data); its rows in the same order")};
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    std::vector<std::string> names = o.list("criteria");
    if (names.empty())
      for (const auto& c : frame.columns()) names.push_back(c.name);
    if (names.size() != frame.nrows())
      throw DataError(fmt::format("the pairwise-comparison matrix must be square: {} criteria but {} rows{}", names.size(), frame.nrows(),
                                  o.list("criteria").empty() ? "; when the file has other columns (a label column), name the matrix's with the criteria option (--criteria a b c)" : ""));
    std::string filled;
    const AhpResult r = ahp(pairwise_matrix(frame, names, filled));
    const bool defined = std::isfinite(r.cr);
    Table t = weights_table(fmt::format("AHP weights: lambda_max = {}, CI = {}, CR = {} ({})", format_fixed(r.lambda_max), format_fixed(r.ci),
                                        defined ? format_fixed(r.cr) : "not defined",
                                        !defined ? "beyond 15 criteria" : r.consistent ? "consistent, CR < 0.1" : "NOT consistent: revise the judgements"),
                            "Criterion", names, r.w);
    if (!filled.empty()) t.notes.push_back(filled);
    if (!r.note.empty()) t.notes.push_back(r.note);
    nlohmann::json cr = defined ? nlohmann::json(r.cr) : nlohmann::json(nullptr);
    return Outcome{{t}, {}, {{"method", "ahp"}, {"criteria", names}, {"lambda_max", r.lambda_max}, {"ci", r.ci}, {"cr", cr},
                            {"consistent", defined ? nlohmann::json(r.consistent) : nlohmann::json(nullptr)}, {"notes", t.notes},
                            {"weights", std::vector<double>(r.w.data(), r.w.data() + r.w.size())}}};
  };
  return a;
}

}  // namespace cbec
