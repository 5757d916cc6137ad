// cbec.etable([...]): models estimated earlier side by side in the table `cbec reg` prints
// (report/regression_table.hpp), rebuilt from their JSON (report/regression_json.hpp).
#include <pybind11/stl.h>

#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"
#include "engine.hpp"

namespace cbec::python {

void bind_etable(py::module_& m) {
  m.def("etable", [](const std::vector<std::string>& models, const std::string& title, const std::vector<std::string>& names,
                     bool show_t, const std::vector<std::string>& keep, int digits) {
    std::vector<RegressionResult> results;
    for (const auto& text : models) results.push_back(regression_from_json(nlohmann::json::parse(text)));
    RegressionTableOptions o;
    o.extended_stats = true;   // as cbec reg and cbec xtreg print their tables
    o.title = title;
    o.model_names = names;
    o.show_t = show_t;
    o.keep = keep;
    o.digits = digits;
    return regression_table(results, o);
  }, py::arg("models"), py::arg("title") = "", py::arg("names") = std::vector<std::string>{}, py::arg("t") = false,
     py::arg("keep") = std::vector<std::string>{}, py::arg("digits") = 3, "Models' JSON texts side by side in one regression table");
}

}  // namespace cbec::python
