// cbec reg: one or several regressions (OLS, fixed effects, IV) side by side.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_reg(CLI::App& app) {
  struct Opts {
    std::string data, vcov = "iid", panel, weights, title;
    std::vector<std::string> formulas;
    bool keep_singletons = false, show_t = false;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("reg", "Linear regressions with fixed effects and IV, side by side (esttab-style)");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("formulas", o->formulas, "Formulas, e.g. \"y ~ x1 + log(x2) | unit + year\"")->required();
  cmd->add_option("--vcov", o->vcov, "iid, hc0..hc3, cluster:var[+var2], cr2:var, dk[:lag]");
  cmd->add_option("--panel", o->panel, "unit,time: the panel (needed by l(), f(), d() and dk)");
  cmd->add_option("--weights", o->weights, "Observation weights variable");
  cmd->add_option("--title", o->title, "Table title");
  cmd->add_flag("--keep-singletons", o->keep_singletons, "Keep observations alone in a fixed-effect level");
  cmd->add_flag("--t", o->show_t, "Show t statistics instead of standard errors");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame frame = read_table(o->data);
    DesignOptions dopt;
    if (!o->panel.empty()) std::tie(dopt.panel_unit, dopt.panel_time) = parse_panel(o->panel);
    dopt.weights = o->weights;
    dopt.drop_singletons = !o->keep_singletons;
    FeolsOptions fopt;
    fopt.vcov = VcovSpec::parse(o->vcov, dopt.panel_time);
    DemeanCache cache;  // shares demeaned columns between models; one model has nothing to share
    if (o->formulas.size() > 1) fopt.cache = &cache;
    std::vector<RegressionResult> results;
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "reg"}, {"data", o->data}, {"models", nlohmann::json::array()}};
    if (o->formulas.size() == 1) {
      // One model: the data are released as its design is built (peak memory ~ data + design).
      results.push_back(feols(std::move(frame), o->formulas[0], fopt, dopt));
      j["models"].push_back(to_json(results.back()));
    } else {
      for (const auto& f : o->formulas) {
        results.push_back(feols(frame, f, fopt, dopt));
        j["models"].push_back(to_json(results.back()));
      }
    }
    RegressionTableOptions topt;
    topt.title = o->title;
    topt.show_t = o->show_t;
    emit({regression_table(results, topt)}, j, o->out);
  });
}

}  // namespace cbec::cli
