// cbec.etable([...]): results estimated earlier side by side, as a study's [[table]] puts them
// (report/estimates_table.hpp, results_side_by_side): regression models in the table `cbec reg`
// prints, rebuilt from their JSON; with any result offering columns of estimates (a DID
// estimator's ATT, unit-root statistics), one table of estimates. The table options every
// regression analysis takes, validated by the same schema (analysis/common_options.hpp,
// analysis/table_options.hpp).
#include <pybind11/stl.h>

#include <fmt/format.h>

#include "cbec/analysis/common_options.hpp"
#include "cbec/analysis/table_options.hpp"
#include "cbec/core/error.hpp"
#include "cbec/report/estimate_column.hpp"
#include "cbec/report/estimates_table.hpp"
#include "engine.hpp"

namespace cbec::python {

namespace {

// The etable binding's work: the results' JSON side by side under the table options.
Table side_by_side(const std::vector<std::string>& texts, const std::string& title, const std::vector<std::string>& names, bool show_t,
                   int digits, const py::dict& options, const std::map<std::string, std::string>& labels) {
  std::vector<nlohmann::json> results;
  for (size_t i = 0; i < texts.size(); ++i) {
    results.push_back(nlohmann::json::parse(texts[i]));
    if (estimate_columns_of(results.back()).empty())
      throw SpecError(fmt::format("etable: result {} holds no regression models and offers no estimates for a table", i + 1));
  }
  std::vector<RawOption> raw;
  for (const auto& [key, value] : options) {
    const auto k = key.cast<std::string>();
    raw.push_back({k, json_of(value, k), fmt::format("argument '{}'", k), false});
  }
  std::vector<std::string> problems;
  const Options validated = validate_options(table_option_specs(), raw, "etable", problems);
  if (!problems.empty()) throw SpecError(fmt::format("{}", fmt::join(problems, "; ")));
  AnalysisContext ctx;
  ctx.labels = labels;
  RegressionTableOptions o = table_options(validated, ctx);
  o.extended_stats = true;   // as cbec reg and cbec xtreg print their tables
  o.title = title;
  o.model_names = names;
  if (show_t) o.coef_stat = CoefStat::T;
  o.digits = digits;
  return results_side_by_side(results, o);
}

}  // namespace

void bind_etable(py::module_& m) {
  m.def("etable", [](const std::vector<std::string>& texts, const std::string& title, const std::vector<std::string>& names,
                     bool show_t, int digits, const py::dict& options, const std::map<std::string, std::string>& labels) {
    try {
      return side_by_side(texts, title, names, show_t, digits, options, labels);
    } catch (const nlohmann::json::exception& e) {  // a Model built by hand, not as cbec writes one
      throw SpecError(fmt::format("etable: a result's JSON is not as cbec writes it ({}); pass results of cbec's analyses", e.what()));
    }
  }, py::arg("results"), py::arg("title") = "", py::arg("names") = std::vector<std::string>{}, py::arg("t") = false, py::arg("digits") = 3,
     py::arg("options") = py::dict(), py::arg("labels") = std::map<std::string, std::string>{},
     "Results' JSON texts (models, or results offering estimates) side by side in one table; options: the table options (keep, drop, ...)");
}

}  // namespace cbec::python
