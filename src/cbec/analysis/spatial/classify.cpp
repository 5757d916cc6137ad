// classify: class breaks of a variable over all rows (natural breaks, quantiles, equal intervals,
// standard deviations), as R classInt; no weights needed.
#include <fmt/format.h>

#include <algorithm>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

OptionSpec class_method_option() {
  return choice_option("method", {"fisher", "jenks", "quantile", "equal", "sd"}, "fisher", "Class breaks: natural breaks (fisher; jenks is the same exact optimum, breaks midway between classes as classInt's fisher, not its jenks' class maxima), quantile (R type 7), equal intervals, sd (breaks at the mean and one-sd steps from it, from -3 to +3 sd, those inside the data's range; --classes not used; classInt's sd style takes pretty() breaks of the z-scores instead)");
}
OptionSpec classes_option() { return count_option("classes", 5, "Number of classes", 1); }

Analysis classify_analysis() {
  Analysis a;
  a.name = "classify";
  a.command = "spatial";
  a.summary = "Class breaks of a variable for maps (natural breaks, quantiles, equal intervals, sd)";
  a.options = {variable_option(), class_method_option(), classes_option()};
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    const std::string var = o.text("variable");
    const Classification c = classify(frame.numeric(var), o.text("method"), static_cast<int>(o.integer("classes")));
    Outcome out;
    out.tables.push_back(classes_table(fmt::format("{} classes of {} ({})", c.breaks.size() - 1, var, o.text("method")), c, {}));
    const auto missing = static_cast<size_t>(std::count(c.cls.begin(), c.cls.end(), -1));
    if (missing)
      out.tables.back().notes.push_back(fmt::format("{} row{} without a value of {} in no class (class -1 in the JSON).", missing, missing == 1 ? "" : "s", var));
    out.json = {{"variable", var}, {"method", c.method}, {"breaks", c.breaks}, {"class", c.cls}, {"missing", missing}};
    return out;
  };
  return a;
}

}  // namespace cbec
