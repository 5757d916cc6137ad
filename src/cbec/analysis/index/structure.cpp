// The industrial-structure indices, one column each: ser (advancement: tertiary / secondary
// output), deviation (structural deviation), theil (Theil rationalization) and lq (location
// quotient).
#include <nlohmann/json.hpp>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/estimate/index/structure.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

namespace {

Analysis structure_analysis(const std::string& name, const std::string& summary, std::vector<OptionSpec> options,
                            std::function<std::vector<double>(const Frame&, const Options&)> compute) {
  Analysis a;
  a.name = name;
  a.command = "index";
  a.summary = summary;
  a.options = std::move(options);
  a.options.push_back(name_option(name));
  a.creates = [](const Options& o) { return std::vector<std::string>{o.text("name")}; };
  a.run = [name, compute](Frame& frame, const Options& o, const AnalysisContext&) {
    const std::vector<double> v = compute(frame, o);
    Table t = index_values_table(o.text("name"), v);
    add_index_column(frame, o.text("name"), v, t);
    return Outcome{{t}, {}, {{"method", name}, {"values", v}}};
  };
  return a;
}

}  // namespace

Analysis ser_analysis() {
  return structure_analysis("ser", "Advancement of the industrial structure: tertiary / secondary output",
                            {column_option("tertiary", "Tertiary output column", true), column_option("secondary", "Secondary output column", true)},
                            [](const Frame& f, const Options& o) { return structure_advancement(f, o.text("tertiary"), o.text("secondary")); });
}

Analysis deviation_analysis() {
  return structure_analysis("deviation", "Structural deviation of output from employment shares",
                            {columns_option("outputs", "Output columns by sector", true), columns_option("labour", "Employment columns by sector (same order)", true)},
                            [](const Frame& f, const Options& o) { return structural_deviation(f, o.list("outputs"), o.list("labour")); });
}

Analysis theil_analysis() {
  return structure_analysis("theil", "Theil index of the rationalization of the industrial structure",
                            {columns_option("outputs", "Output columns by sector", true), columns_option("labour", "Employment columns by sector (same order)", true)},
                            [](const Frame& f, const Options& o) { return theil_rationalization(f, o.list("outputs"), o.list("labour")); });
}

Analysis lq_analysis() {
  return structure_analysis("lq", "Location quotient of each region's industry",
                            {column_option("region", "Region column", true), column_option("industry", "Industry column", true),
                             column_option("value", "Value column (output or employment)", true),
                             column_option("group", "Compute within the levels of this column (e.g. year)")},
                            [](const Frame& f, const Options& o) { return location_quotient(f, o.text("region"), o.text("industry"), o.text("value"), o.text("group")); });
}

}  // namespace cbec
