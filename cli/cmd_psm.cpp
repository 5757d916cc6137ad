// cbec psm: propensity-score matching with a balance table, and the DID regression on the full and
// the matched sample side by side (PSM-DID).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/estimate/did/psm.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/balance_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_psm(CLI::App& app) {
  struct Opts {
    std::string data, did, panel, vcov, save;
    bool weighted = false;
    MatchingSpec spec;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("psm", "Propensity-score matching (nearest neighbour, caliper, kernel; pooled or by year), balance table, PSM-DID");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--treat", o->spec.treatment, "Treatment indicator (0/1) of the score model")->required();
  cmd->add_option("--covariates", o->spec.covariates, "Covariates of the score model")->required();
  cmd->add_option("--link", o->spec.link, "logit (default) | probit");
  cmd->add_option("--method", o->spec.method, "nearest (default) | kernel");
  cmd->add_option("--ratio", o->spec.ratio, "Controls per treated unit (nearest; default 1)");
  cmd->add_flag("--replace", o->spec.replace, "Match with replacement");
  cmd->add_option("--caliper", o->spec.caliper, "Caliper in standard deviations of the score (nearest)");
  cmd->add_option("--bandwidth", o->spec.bandwidth, "Kernel bandwidth (default 0.06)");
  cmd->add_option("--by", o->spec.by, "Match within each level of this variable (e.g. year)");
  cmd->add_option("--did", o->did, "DID formula estimated on the full and the matched sample, e.g. \"y ~ did + x | city + year\"");
  cmd->add_flag("--weighted", o->weighted, "Use the matching weights in the matched-sample regression");
  cmd->add_option("--panel", o->panel, "unit,time (for lags in the formula; the default vcov clusters by unit)");
  cmd->add_option("--vcov", o->vcov, "Variance of the DID regressions");
  cmd->add_option("--save", o->save, "Write the matched sample with its _weight column (.csv)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    const Frame frame = read_table(o->data);
    const MatchingResult m = propensity_match(frame, o->spec);
    std::vector<Table> tables = {balance_table(m, o->spec)};
    nlohmann::json j = to_json(m);
    j["cbec"] = CBEC_VERSION;
    j["command"] = "psm";
    j["data"] = o->data;
    const Frame matched = matched_sample(frame, m);
    if (!o->save.empty()) write_csv(matched, o->save);
    if (!o->did.empty()) {
      DesignOptions d;
      if (!o->panel.empty()) std::tie(d.panel_unit, d.panel_time) = parse_panel(o->panel);
      FeolsOptions fo;
      fo.vcov = VcovSpec::parse(!o->vcov.empty() ? o->vcov : d.panel_unit.empty() ? "hc1" : "cluster:" + d.panel_unit, d.panel_time);
      const RegressionResult full = feols(frame, o->did, fo, d);
      if (o->weighted) d.weights = "_weight";
      const RegressionResult after = feols(matched, o->did, fo, d);
      RegressionTableOptions to;
      to.title = "DID on the full and the propensity-score matched sample";
      to.model_names = {"Full sample", o->weighted ? "Matched (weighted)" : "Matched"};
      tables.push_back(regression_table({full, after}, to));
      j["did"] = {{"full", to_json(full)}, {"matched", to_json(after)}};
    }
    emit(tables, j, o->out);
  });
}

}  // namespace cbec::cli
