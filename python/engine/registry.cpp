// The registry as the package reads it to generate its functions: every analysis's schema (the
// JSON `cbec analyses --json` prints) and the command groups with their selectors.
#include <pybind11/stl.h>

#include "cbec/analysis/registry.hpp"
#include "cbec/analysis/schema_json.hpp"
#include "cbec/io/csv_reader.hpp"
#include "engine.hpp"

namespace cbec::python {

void bind_registry(py::module_& m) {
  m.def("registry", [] {
    nlohmann::json j = {{"analyses", nlohmann::json::array()}, {"commands", nlohmann::json::array()}};
    for (const auto& a : all_analyses()) j["analyses"].push_back(schema_json(a));
    for (const auto& g : command_groups()) {
      nlohmann::json names = nlohmann::json::array();
      for (const Analysis* a : g.analyses) names.push_back(a->name);
      j["commands"].push_back({{"name", g.name}, {"summary", g.summary}, {"selector", g.selector}, {"selector_positional", g.selector_positional},
                               {"default_analysis", g.default_analysis}, {"analyses", names}});
    }
    return j.dump();
  }, "The analyses' schemas and command groups, as JSON text");
  m.attr("MAX_THREADS") = Resampling::kMaxThreads;
  m.def("missing_markers", [] { return CsvOptions{}.missing; }, "The cell texts the CSV reader reads as missing");
}

}  // namespace cbec::python
