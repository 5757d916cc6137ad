// cbec.etable([...]): models estimated earlier side by side in the table `cbec reg` prints
// (report/regression_table.hpp), rebuilt from their JSON (report/regression_json.hpp), with the
// table options every regression analysis takes, validated by the same schema
// (analysis/common_options.hpp, analysis/table_options.hpp).
#include <pybind11/stl.h>

#include <fmt/format.h>

#include "cbec/analysis/common_options.hpp"
#include "cbec/analysis/table_options.hpp"
#include "cbec/core/error.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"
#include "engine.hpp"

namespace cbec::python {

void bind_etable(py::module_& m) {
  m.def("etable", [](const std::vector<std::string>& models, const std::string& title, const std::vector<std::string>& names,
                     bool show_t, int digits, const py::dict& options, const std::map<std::string, std::string>& labels) {
    std::vector<RegressionResult> results;
    for (const auto& text : models) results.push_back(regression_from_json(nlohmann::json::parse(text)));
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
    return regression_table(results, o);
  }, py::arg("models"), py::arg("title") = "", py::arg("names") = std::vector<std::string>{}, py::arg("t") = false, py::arg("digits") = 3,
     py::arg("options") = py::dict(), py::arg("labels") = std::map<std::string, std::string>{},
     "Models' JSON texts side by side in one regression table; options: the table options (keep, drop, ...)");
}

}  // namespace cbec::python
