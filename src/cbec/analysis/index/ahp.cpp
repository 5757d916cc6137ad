// ahp: weights of the analytic hierarchy process (Saaty) from a square pairwise-comparison matrix:
// the data (command line: `cbec index --method ahp pairwise.csv`), its rows in the order of the
// criteria columns.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/index/alternative_weights.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

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
      throw DataError(fmt::format("the pairwise-comparison matrix must be square: {} criteria but {} rows", names.size(), frame.nrows()));
    std::vector<size_t> incomplete;
    const AhpResult r = ahp(columns_matrix(frame, names, incomplete));
    const bool defined = std::isfinite(r.cr);
    Table t = weights_table(fmt::format("AHP weights: lambda_max = {}, CI = {}, CR = {} ({})", format_fixed(r.lambda_max), format_fixed(r.ci),
                                        defined ? format_fixed(r.cr) : "not defined",
                                        !defined ? "beyond 15 criteria" : r.consistent ? "consistent, CR < 0.1" : "NOT consistent: revise the judgements"),
                            "Criterion", names, r.w);
    if (!r.note.empty()) t.notes.push_back(r.note);
    nlohmann::json cr = defined ? nlohmann::json(r.cr) : nlohmann::json(nullptr);
    return Outcome{{t}, {}, {{"method", "ahp"}, {"criteria", names}, {"lambda_max", r.lambda_max}, {"ci", r.ci}, {"cr", cr},
                            {"consistent", defined ? nlohmann::json(r.consistent) : nlohmann::json(nullptr)}, {"notes", t.notes},
                            {"weights", std::vector<double>(r.w.data(), r.w.data() + r.w.size())}}};
  };
  return a;
}

}  // namespace cbec
