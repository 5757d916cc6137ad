// The spatial panel analyses of the spreg family (`cbec <name>`, study type <name>): spxt,
// the spatial panel models, and spbeta, spatial beta convergence; and the options they share.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/estimate/spatial_models/spatial_dynamic_panel.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Analysis spxt_analysis();
Analysis spbeta_analysis();

// model (list or one), effect, lee_yu, lags, log_det.
std::vector<OptionSpec> spatial_panel_options(bool model_list);
SpatialPanelOptions spatial_panel_options_of(const Options& o, const std::string& model);
// Fits one model on a sample, by ML or (gm) by GM (spatial_panel_gm.hpp): the result with the
// sample's dropped observations.
SpatialPanelResult fit_spatial_panel(const SpatialPanelSample& s, const SpatialPanelOptions& o, bool gm = false);
// Table notes on the sample (periods, balance, units absent, observations dropped) and the fit.
void add_spatial_panel_notes(Table& t, const SpatialPanelSample& s, const SpatialPanelResult& r, const std::string& label = "");
// The dynamic spatial panel (spatial_panel_dynamic.cpp): the formula with the time lag of its
// dependent variable appended, and, on the sample built from it, W times that lag appended.
std::string dynamic_formula(const std::string& formula);
void add_space_time_lag(SpatialPanelSample& s);
// Whether the model and effect take the bias-corrected QML of Yu, de Jong and Lee (2008): sar and
// sdm with unit or two-way effects (spatial_dynamic_panel.hpp); the others are fitted by the
// static ML with the lags as regressors.
bool bias_corrected_dynamic(const std::string& model, SpatialPanelEffect effect);
// The bias-corrected dynamic fit on a sample built by dynamic_formula and add_space_time_lag
// (balanced, no gaps, at least two periods after the first; else a DataError saying what to do),
// its JSON (the fit, `bias_correction`, `qml` before the correction, `unit_root_eigenvalues`,
// short- and long-run `impacts`) and its impacts table.
struct DynamicFit {
  SpatialDynamicResult r;
  nlohmann::json json;
  Table impacts;
};
// impact_draws > 0: the impacts' simulated SEs from that many draws (seed). timer: --timing's stages.
DynamicFit fit_dynamic_model(const SpatialPanelSample& s, const std::string& model, SpatialPanelEffect effect, bool correct, int impact_draws = 0,
                             unsigned long long seed = 1, StageTimer* timer = nullptr);
// The sample's JSON: periods, observations per period, balanced, absent_units, dropped.
nlohmann::json sample_json(const SpatialPanelSample& s);

}  // namespace cbec
