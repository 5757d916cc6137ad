// cbec converge: sigma and beta convergence by subgroup, and Phillips-Sul convergence clubs.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cbec/core/error.hpp"
#include "cbec/estimate/convergence/club_convergence.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

namespace {

std::string member_list(const std::vector<size_t>& members, const ClubResult& r) {
  std::vector<std::string> names;
  for (size_t u : members) names.push_back(r.units[u]);
  return fmt::format("{}", fmt::join(names, ", "));
}

// One row per club (log t b, SE, t); the members are listed below the table.
Table clubs_table(const std::string& title, const std::vector<Club>& clubs, const ClubResult& r) {
  Table t;
  t.title = title;
  t.header = {"Club", "N", "log t b", "SE", "t"};
  for (size_t c = 0; c < clubs.size(); ++c) {
    std::string name = fmt::format("Club {}", c + 1);
    if (clubs[c].merged.size() > 1) name += fmt::format(" ({})", fmt::join(clubs[c].merged, "+"));
    t.rows.push_back({name, std::to_string(clubs[c].members.size()), format_fixed(clubs[c].test.coef), format_fixed(clubs[c].test.se), format_fixed(clubs[c].test.stat)});
    t.notes.push_back(fmt::format("{}: {}", name, member_list(clubs[c].members, r)));
  }
  if (!r.divergent.empty()) {
    t.rows.push_back({"Divergent", std::to_string(r.divergent.size()), "", "", ""});
    t.notes.push_back("Divergent: " + member_list(r.divergent, r));
  }
  return t;
}

std::vector<Table> club_tables(const ClubResult& r) {
  const auto& o = r.options;
  Table full;
  full.title = fmt::format("Phillips-Sul log t test of {}{} ({} units x {} periods)", o.logs ? "ln " : "", r.variable, r.units.size(), r.periods);
  full.header = {"Statistic", "Value"};
  full.rows = {{"b (log t)", format_fixed(r.full.coef)}, {"SE (HAC)", format_fixed(r.full.se)}, {"t", format_fixed(r.full.stat)}, {"Periods used", std::to_string(r.full.nobs)}};
  full.notes.push_back(fmt::format("{}; r = {:g}; convergence is rejected when t < -1.65.",
                                   o.hp_lambda > 0 ? fmt::format("Hodrick-Prescott trend, lambda = {:g}", o.hp_lambda) : std::string("no filtering"), o.r));
  std::vector<Table> tables = {full, clubs_table(fmt::format("Convergence clubs (c* = {:g})", o.cstar), r.clubs, r)};
  if (o.merge != "none") tables.push_back(clubs_table(o.merge == "ps" ? "Merged clubs (Phillips-Sul 2009)" : "Merged clubs (von Lyncker-Thoennessen 2017)", r.merged, r));
  return tables;
}

}  // namespace

void add_converge(CLI::App& app) {
  struct Opts {
    std::string data, panel, group, method = "sigma", vcov = "iid";
    ConvergenceSpec spec;
    bool levels = false;
    ClubOptions club;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("converge", "Sigma and beta convergence (cross-section or panel) by subgroup; Phillips-Sul convergence clubs");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--var", o->spec.variable, "Variable (e.g. GDP per capita)")->required();
  cmd->add_option("--panel", o->panel, "unit,time")->required();
  cmd->add_option("--method", o->method, "sigma | beta | beta-panel | club");
  cmd->add_option("--controls", o->spec.controls, "Controls (conditional beta convergence)");
  cmd->add_option("--group", o->spec.group, "Run separately within the levels of this variable");
  cmd->add_flag("--levels", o->levels, "Sigma and club convergence of levels instead of logs");
  cmd->add_flag("--time-fe", o->spec.time_fe, "Panel beta: add year fixed effects");
  cmd->add_option("--vcov", o->vcov, "Variance for beta (iid, hc1, cluster:var, ...)");
  cmd->add_option("--hp-lambda", o->club.hp_lambda, "club: Hodrick-Prescott lambda (default 400 for annual data; 0 = no filtering)");
  cmd->add_option("--r", o->club.r, "club: fraction of periods discarded in the log t regression (default 0.3)");
  cmd->add_option("--cstar", o->club.cstar, "club: sieve critical value c* (default 0)");
  cmd->add_option("--merge", o->club.merge, "club: none | ps (Phillips-Sul 2009, default) | vlt (von Lyncker-Thoennessen 2017)");
  cmd->add_option("--order-fraction", o->club.order_fraction, "club: order units by the mean of this last fraction of periods (default: the last period)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    std::tie(o->spec.unit, o->spec.time) = parse_panel(o->panel);
    o->spec.logs = !o->levels;
    if (o->method == "club") {
      if (!o->spec.group.empty() || !o->spec.controls.empty()) throw SpecError("--method club takes neither --group nor --controls: the clubs are the groups");
      o->club.logs = o->spec.logs;
      ClubResult r = club_convergence(f, o->spec.variable, o->spec.unit, o->spec.time, o->club);
      emit(club_tables(r), to_json(r), o->out);
      return;
    }
    o->spec.vcov = VcovSpec::parse(o->vcov, o->spec.time);
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "converge"}, {"method", o->method}};
    if (o->method == "sigma") {
      std::vector<Table> tables;
      for (const auto& r : sigma_convergence(f, o->spec)) {
        Table t;
        t.title = fmt::format("Sigma convergence of {}{}{}", r.logs ? "ln " : "", r.variable, r.group.empty() ? "" : " (" + r.group + ")");
        t.header = {"Year", "N", "Mean", "SD", "CV"};
        for (const auto& row : r.rows) t.rows.push_back({std::to_string(row.year), std::to_string(row.n), format_fixed(row.mean), format_fixed(row.sd), format_fixed(row.cv)});
        t.notes.push_back(fmt::format("Trend of SD: {} per year (SE {}, p = {}); of CV: {} (SE {}, p = {}). Negative = sigma convergence.",
                                      format_fixed(r.sd_slope), format_fixed(r.sd_slope_se), format_fixed(r.sd_slope_p), format_fixed(r.cv_slope), format_fixed(r.cv_slope_se), format_fixed(r.cv_slope_p)));
        tables.push_back(t);
        j["results"].push_back(to_json(r));
      }
      emit(tables, j, o->out);
      return;
    }
    if (o->method != "beta" && o->method != "beta-panel") throw SpecError(fmt::format("--method '{}' is unknown; use sigma, beta, beta-panel or club", o->method));
    auto results = o->method == "beta" ? beta_cross_section(f, o->spec) : beta_panel(f, o->spec);
    std::vector<RegressionResult> models;
    RegressionTableOptions to;
    to.title = o->method == "beta" ? "Beta convergence (cross-section)" : "Beta convergence (panel, unit fixed effects)";
    for (const auto& r : results) {
      models.push_back(r.model);
      to.model_names.push_back(r.group.empty() ? "all" : r.group);
      j["results"].push_back(to_json(r));
    }
    Table t = regression_table(models, to);
    for (const auto& r : results)
      t.notes.push_back(fmt::format("{}: beta = {}, speed -ln(1 + T beta)/T = {} (T = {:g}), half-life = {} years.", r.group.empty() ? "all" : r.group,
                                    format_fixed(r.beta), format_fixed(r.speed), r.T, format_fixed(r.half_life)));
    emit({t}, j, o->out);
  });
}

}  // namespace cbec::cli
