// The spatial panel analyses of the spreg family (`cbec <name>`, study type <name>): spxt,
// the spatial panel models, and spbeta, spatial beta convergence; and the options they share.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
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
// The sample's JSON: periods, observations per period, balanced, absent_units, dropped.
nlohmann::json sample_json(const SpatialPanelSample& s);

}  // namespace cbec
