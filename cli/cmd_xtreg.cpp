// cbec xtreg: classic panel estimators (pooled, within, between, first differences, random
// effects) side by side, with the Hausman test.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/core/error.hpp"
#include "cbec/estimate/panel/panel_models.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_xtreg(CLI::App& app) {
  struct Opts {
    std::string data, formula, panel, vcov = "iid";
    std::vector<std::string> models = {"fe"};
    bool hausman = false;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("xtreg", "Panel estimators: pooled, fe, fe_time, twoways, be, fd, re (Swamy-Arora); Hausman test");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("formula", o->formula, "Formula without fixed effects, e.g. \"y ~ x1 + x2\"")->required();
  cmd->add_option("--panel", o->panel, "unit,time")->required();
  cmd->add_option("--model", o->models, "One or more of pooled, fe, fe_time, twoways, be, fd, re");
  cmd->add_option("--vcov", o->vcov, "iid, hc1, cluster:var, cr2:var, dk[:lag]");
  cmd->add_flag("--hausman", o->hausman, "Hausman test of fe against re");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame frame = read_table(o->data);
    PanelOptions po;
    std::tie(po.unit, po.time) = parse_panel(o->panel);
    po.vcov = VcovSpec::parse(o->vcov, po.time);
    std::vector<RegressionResult> results;
    std::vector<std::string> names;
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "xtreg"}, {"data", o->data}, {"models", nlohmann::json::array()}};
    auto models = o->models;
    if (o->hausman) {
      for (const char* m : {"fe", "re"})
        if (std::find(models.begin(), models.end(), m) == models.end()) models.push_back(m);
    }
    for (const auto& m : models) {
      results.push_back(panel_model(frame, o->formula, parse_panel_model(m), po));
      names.push_back(panel_model_name(parse_panel_model(m)));
    }
    Table t;
    RegressionTableOptions to;
    to.model_names = names;
    t = regression_table(results, to);
    if (o->hausman) {
      auto find = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
      TestResult h = hausman(results[static_cast<size_t>(find("within"))], results[static_cast<size_t>(find("random"))]);
      t.notes.push_back(fmt::format("Hausman test (fe vs re): chi2({:g}) = {:.3f}, p = {:.4f}. {}", h.df1, h.stat, h.p_value, h.note));
      j["hausman"] = to_json(h);
    }
    for (const auto& r : results) j["models"].push_back(to_json(r));
    emit({t}, j, o->out);
  });
}

}  // namespace cbec::cli
