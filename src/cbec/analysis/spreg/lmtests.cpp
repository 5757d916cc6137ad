// lmtests: spatial diagnostics of OLS residuals before choosing a spatial model. Cross-section:
// Moran's I of the residuals, LM-error, LM-lag, their robust forms and SARMA (spdep's lm.morantest
// and lm.LMtests). With a time column: the same LM tests on the stacked balanced panel with
// I_T (x) W, pooled or within (effect), as splm::slmtest and Elhorst (2014, section 3.3), and for
// pooled OLS Baltagi, Song & Koh's (2003) LM1, LM2 and LM-H (splm::bsktest); a time
// column with one period in the sample is a cross-section.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/analysis/spreg/spreg_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/lm_tests.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/spatial_lm_report.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

namespace {

// The units of the weights found in `present`, in the weights' order, and those left out.
std::vector<std::string> units_in(const SpatialSetup& s, const std::set<std::string>& present, std::vector<std::string>& left_out) {
  std::vector<std::string> units;
  for (const auto& id : s.w.ids) (present.count(id) ? units : left_out).push_back(id);
  std::vector<std::string> unknown;
  std::set<std::string> in_w(s.w.ids.begin(), s.w.ids.end());
  for (const auto& id : present)
    if (!in_w.count(id)) unknown.push_back(id);
  if (!unknown.empty()) throw DataError(fmt::format("units in the data but not in the weights: [{}]", unit_list(unknown)));
  return units;
}

}  // namespace

Analysis lmtests_analysis() {
  Analysis a;
  a.name = "lmtests";
  a.command = "spreg";
  a.summary = "Spatial diagnostics of OLS residuals: Moran's I, LM-error, LM-lag, robust LM, SARMA; panel LM tests with a time column";
  a.options = {formula_option("OLS formula without fixed effects, e.g. \"y ~ x1 + x2\""),
               choice_option("effect", {"none", "individual", "time", "twoways"}, "none",
                             "Panel (with a time column): pooled OLS (none) or the within transformation by unit, period or both"),
               choice_option("alternative", {"greater", "less", "two_sided"}, "greater", "Alternative hypothesis of Moran's I of the residuals")};
  a.needs.panel = PanelNeed::Optional;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const ModelSpec spec = parse_formula(o.text("formula"));
    if (!spec.fixed_effects.empty()) throw SpecError("lmtests: give fixed effects with effect = individual | time | twoways, not after '|'");
    if (!spec.endogenous.empty()) throw SpecError("lmtests: the LM tests are for OLS residuals; the formula has an IV part");
    const std::string effect = o.text("effect");
    DesignOptions dopt;
    dopt.panel_unit = ctx.unit;
    dopt.panel_time = ctx.time;
    const Design d = build_design(frame, spec, dopt);
    refuse_unrepresentable_scale(d);
    // A panel when the time column is declared and the sample spans more than one period.
    std::set<std::string> sample_periods;
    if (!ctx.time.empty())
      for (size_t r : d.rows) sample_periods.insert(frame.get(ctx.time).text(r));
    const bool panel = sample_periods.size() > 1;
    if (!panel && effect != "none")
      throw SpecError("lmtests: effect = " + effect + " needs a panel: the time column (--time, or [data] time) with more than one period");
    const Column& key = frame.get(s.key);
    std::set<std::string> present;
    for (size_t r : d.rows) present.insert(key.text(r));
    std::vector<std::string> left_out;
    const std::vector<std::string> units = units_in(s, present, left_out);
    SpatialLmTests t;
    std::optional<BskTests> bsk;   // pooled panels: Baltagi, Song & Koh (2003)
    size_t periods = 1;
    if (!panel) {
      if (present.size() != d.rows.size())
        throw DataError(fmt::format("{}: a unit has more than one row; give the time column (--time, or [data] time) for panel LM tests", ctx.data));
      std::unordered_map<std::string, Eigen::Index> pos;
      for (size_t i = 0; i < units.size(); ++i) pos[units[i]] = static_cast<Eigen::Index>(i);
      Eigen::MatrixXd X(d.X.rows(), d.X.cols());
      Eigen::VectorXd y(d.y.size());
      for (size_t i = 0; i < d.rows.size(); ++i) {
        const Eigen::Index r = pos.at(key.text(d.rows[i]));
        X.row(r) = d.X.row(static_cast<Eigen::Index>(i));
        y(r) = d.y(static_cast<Eigen::Index>(i));
      }
      t = spatial_lm_tests(X, y, weights_on(s, units).W, parse_alternative(o.text("alternative")));
    } else {
      const Column& time = frame.get(ctx.time);
      std::map<std::string, std::vector<size_t>> by_period;  // period -> design rows
      for (size_t i = 0; i < d.rows.size(); ++i) by_period[time.text(d.rows[i])].push_back(i);
      const auto period_rows = periods_of(frame, ctx.time);  // the periods in their numeric order
      std::vector<std::string> ordered;
      for (const auto& [label, rows] : period_rows)
        if (by_period.count(label)) ordered.push_back(label);
      periods = ordered.size();
      std::unordered_map<std::string, Eigen::Index> pos;
      for (size_t i = 0; i < units.size(); ++i) pos[units[i]] = static_cast<Eigen::Index>(i);
      const auto n = static_cast<Eigen::Index>(units.size());
      std::vector<int> x_cols;
      for (size_t c = 0; c < d.x_names.size(); ++c)
        if (d.x_names[c] != "(Intercept)") x_cols.push_back(static_cast<int>(c));
      Eigen::MatrixXd X = Eigen::MatrixXd::Constant(n * static_cast<Eigen::Index>(periods), static_cast<Eigen::Index>(x_cols.size()), std::nan(""));
      Eigen::VectorXd y = Eigen::VectorXd::Constant(X.rows(), std::nan(""));
      for (size_t p = 0; p < periods; ++p)
        for (size_t i : by_period[ordered[p]]) {
          const Eigen::Index r = static_cast<Eigen::Index>(p) * n + pos.at(key.text(d.rows[i]));
          if (!std::isnan(y(r)))
            throw DataError(fmt::format("{}: unit '{}' has more than one row in period {}", ctx.data, key.text(d.rows[i]), ordered[p]));
          y(r) = d.y(static_cast<Eigen::Index>(i));
          for (size_t c = 0; c < x_cols.size(); ++c) X(r, static_cast<Eigen::Index>(c)) = d.X(static_cast<Eigen::Index>(i), x_cols[c]);
        }
      for (Eigen::Index r = 0; r < y.size(); ++r)
        if (std::isnan(y(r)))
          throw DataError(fmt::format("{}: the panel LM tests need a balanced panel; unit '{}' has no usable row in period {}", ctx.data,
                                      units[static_cast<size_t>(r % n)], ordered[static_cast<size_t>(r / n)]));
      const SpatialWeights wp = weights_on(s, units);
      t = panel_spatial_lm_tests(X, y, wp.W, static_cast<int>(periods), parse_panel_effect(effect));
      if (effect == "none") {
        Eigen::MatrixXd x1(X.rows(), X.cols() + 1);
        x1 << Eigen::VectorXd::Ones(X.rows()), X;
        bsk = baltagi_song_koh(x1, y, wp.W, static_cast<int>(periods));
      }
    }
    const std::string title = panel ? fmt::format("Panel LM tests ({}, {} periods): {}", effect == "none" ? "pooled OLS" : effect + " within",
                                                  periods, o.text("formula"))
                                    : "Spatial diagnostics of OLS residuals: " + o.text("formula");
    Table tab = spatial_lm_table(t, !panel, title);
    if (bsk) add_bsk_rows(tab, *bsk);
    tab.notes.push_back(fmt::format("Weights: {}, {}{}.", s.w.construction, transform_label(s.transform), panel ? ", I_T (x) W over the periods" : ""));
    for (const auto& note : s.notes) tab.notes.push_back(note);
    if (!left_out.empty())
      tab.notes.push_back(fmt::format("{} unit{} of the weights without a usable row left out: {}.", left_out.size(), left_out.size() == 1 ? "" : "s",
                                      fmt::join(left_out, ", ")));
    nlohmann::json j = to_json(t, !panel);
    if (bsk) j["bsk"] = to_json(*bsk);
    j.update({{"formula", o.text("formula")}, {"panel", panel}, {"effect", effect}, {"periods", periods}, {"units", units.size()},
              {"transform", s.transform}, {"left_out", left_out}});
    return Outcome{{tab}, {}, j};
  };
  return a;
}

}  // namespace cbec
