// cbec subgroup: a model fitted in two groups side by side, with the z test and Fisher's
// permutation test that a coefficient is equal in both.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/estimate/did/subgroup.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_subgroup(CLI::App& app) {
  struct Opts {
    std::string data, panel, vcov;
    SubgroupSpec spec;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("subgroup", "Heterogeneity: a model in two groups and tests that a coefficient is equal in both");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("formula", o->spec.formula, "Formula, e.g. \"y ~ did + x | city + year\"")->required();
  cmd->add_option("--group", o->spec.group, "Two-valued variable, constant within each unit")->required();
  cmd->add_option("--term", o->spec.term, "The coefficient compared")->required();
  cmd->add_option("--panel", o->panel, "unit,time (labels are permuted across units)")->required();
  cmd->add_option("--vcov", o->vcov, "Variance (default: cluster by unit)");
  cmd->add_option("--draws", o->spec.draws, "Permutation draws (default 1000; 0: none)");
  cmd->add_option("--seed", o->spec.seed, "Random seed");
  cmd->add_option("--threads", o->spec.threads, "Threads (default: all; results do not depend on it)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    std::tie(o->spec.unit, o->spec.panel_time) = parse_panel(o->panel);
    o->spec.vcov = VcovSpec::parse(o->vcov.empty() ? "cluster:" + o->spec.unit : o->vcov, o->spec.panel_time);
    const SubgroupResult r = subgroup_difference(read_table(o->data), o->spec);
    RegressionTableOptions to;
    to.title = fmt::format("{} by {}", o->spec.formula, r.group);
    for (size_t g = 0; g < 2; ++g) to.model_names.push_back(fmt::format("{} = {} ({} units)", r.group, r.levels[g], r.units[g]));
    Table t = regression_table(r.models, to);
    t.notes.push_back(fmt::format("Difference in {}: {:.4f}; z = {:.3f}, p = {:.4f} (independent groups).", r.term, r.difference, r.z, r.p_z));
    if (r.draws > 0)
      t.notes.push_back(fmt::format("Fisher permutation test ({} draws of the group labels across units): p = {:.4f} one-sided, {:.4f} two-sided.",
                                    r.draws, r.p_one_sided, r.p_two_sided));
    for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
    nlohmann::json j = to_json(r);
    j["cbec"] = CBEC_VERSION;
    j["data"] = o->data;
    emit({t}, j, o->out);
  });
}

}  // namespace cbec::cli
