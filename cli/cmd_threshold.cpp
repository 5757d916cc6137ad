// cbec threshold: fixed-effects panel threshold regression (Hansen 1999) with bootstrap tests for
// the number of thresholds.
#include <nlohmann/json.hpp>

#include "cbec/estimate/panel/threshold.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/threshold_tables.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_threshold(CLI::App& app) {
  struct Opts {
    std::string data, panel;
    ThresholdSpec spec;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("threshold", "Panel threshold regression (Hansen 1999): thresholds, bootstrap F tests, regime slopes");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--y", o->spec.y, "Dependent variable")->required();
  cmd->add_option("--threshold", o->spec.threshold, "Threshold variable or term, e.g. \"l(debt, 1)\"")->required();
  cmd->add_option("--regime", o->spec.regime_dependent, "Terms whose slopes change across regimes")->required();
  cmd->add_option("--x", o->spec.regressors, "Terms with one slope (regime-independent controls)");
  cmd->add_option("--panel", o->panel, "unit,time")->required();
  cmd->add_option("--thresholds", o->spec.max_thresholds, "Fit and test 1, 2 or 3 thresholds in sequence (default 1)");
  cmd->add_option("--draws", o->spec.draws, "Bootstrap draws per test (default 300 300 300; 0: none)");
  cmd->add_option("--trim", o->spec.trim, "Trimming share per threshold (default 0.01 0.01 0.05)");
  cmd->add_option("--quantiles", o->spec.quantiles, "Grid of quantiles of the threshold variable (default 400)");
  cmd->add_option("--level", o->spec.level, "Confidence level of the threshold regions (default 0.95)");
  cmd->add_flag("--hansen-sample", o->spec.delete_last_period, "Delete one period per unit after the within transformation, as Hansen (1999)");
  cmd->add_option("--seed", o->spec.seed, "Random seed of the bootstrap");
  cmd->add_option("--threads", o->spec.threads, "Threads (default: all; results do not depend on it)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    std::tie(o->spec.unit, o->spec.time) = parse_panel(o->panel);
    const ThresholdResult r = panel_threshold(read_table(o->data), o->spec);
    nlohmann::json j = to_json(r);
    j["cbec"] = CBEC_VERSION;
    j["data"] = o->data;
    emit({threshold_test_table(r), threshold_coefficient_table(r)}, j, o->out);
  });
}

}  // namespace cbec::cli
