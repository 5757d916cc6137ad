// jb: the Jarque-Bera (1980) normality test of a variable, over all rows and by unit
// (estimate/ts/jarque_bera.hpp); the FMOLS and DOLS analyses report it on their residuals.
#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "cbec/analysis/ts/ts_coint_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/jarque_bera.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/report/ts_coint_json.hpp"
#include "cbec/report/ts_coint_tables.hpp"

namespace cbec {

Analysis jb_analysis() {
  Analysis a;
  a.name = "jb";
  a.command = "ts";
  a.summary = "Jarque-Bera normality test of a variable, pooled and by unit";
  a.options = {column_option("variable", "Variable tested (e.g. saved residuals)", true), flag_option("by_unit", "Also test each unit's values")};
  a.needs.panel = PanelNeed::Optional;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const std::string v = o.text("variable");
    const auto& x = frame.numeric(v);
    auto finite = [&](const std::vector<size_t>& rows) {
      std::vector<double> keep;
      for (size_t r : rows)
        if (std::isfinite(x[r])) keep.push_back(x[r]);
      return Eigen::VectorXd(Eigen::Map<const Eigen::VectorXd>(keep.data(), static_cast<long>(keep.size())));
    };
    std::vector<size_t> all(x.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    const Eigen::VectorXd pooled = finite(all);
    std::vector<std::pair<std::string, JarqueBera>> rows = {{"all", jarque_bera(pooled)}};
    const size_t missing = x.size() - static_cast<size_t>(pooled.size());
    nlohmann::json j{{"test", "jarque_bera"}, {"variable", v}, {"all", to_json(rows[0].second)}, {"missing", missing}};
    std::vector<std::string> notes;
    if (missing) notes.push_back(fmt::format("{} row{} without a value of {} left out.", missing, missing == 1 ? "" : "s", v));
    if (o.flag("by_unit")) {
      if (ctx.unit.empty()) throw SpecError("by_unit needs the panel's unit column");
      const Panel p = declare_panel(frame, ctx.unit, ctx.time);
      j["by_unit"] = nlohmann::json::array();
      for (size_t u = 0; u < p.n_units; ++u) {
        const std::vector<size_t> r(p.order.begin() + static_cast<long>(p.unit_start[u]), p.order.begin() + static_cast<long>(p.unit_start[u + 1]));
        const Eigen::VectorXd values = finite(r);
        JarqueBera unit;
        nlohmann::json ju;
        try {
          unit = jarque_bera(values);
          ju = to_json(unit);
        } catch (const Error& e) {  // a unit too short or constant: its row is missing, the others are tested
          const double nan = std::numeric_limits<double>::quiet_NaN();
          unit = {nan, nan, nan, nan, static_cast<size_t>(values.size())};
          ju = to_json(unit);
          ju["not_tested"] = e.what();
          notes.push_back(fmt::format("{}: not tested ({}).", p.unit_labels[u], e.what()));
        }
        rows.emplace_back(p.unit_labels[u], unit);
        ju["unit"] = p.unit_labels[u];
        j["by_unit"].push_back(ju);
      }
    }
    Table t = jarque_bera_table(rows, v);
    for (auto& n : notes) t.notes.push_back(std::move(n));
    return Outcome{{t}, {}, j};
  };
  return a;
}

}  // namespace cbec
