// unitroot: first-generation panel unit-root tests (Levin-Lin-Chu, Im-Pesaran-Shin, Harris-Tzavalis,
// Breitung, Fisher ADF and PP, Hadri), levels and first differences in one table, one block of rows
// per variable.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/analysis/ts/ts_analyses.hpp"
#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/report/ts_json.hpp"
#include "cbec/report/ts_tables.hpp"

namespace cbec {

namespace {
PanelUnitRootResult run_test(const std::string& test, const UnitSeries& s, const PanelUnitRootSpec& spec) {
  if (test == "llc") return llc_test(s, spec);
  if (test == "ips") return ips_test(s, spec);
  if (test == "fisher_adf") return fisher_adf_test(s, spec);
  if (test == "fisher_pp") return fisher_pp_test(s, spec);
  if (test == "ht") return ht_test(s, spec);
  if (test == "breitung") return breitung_test(s, spec);
  return hadri_test(s, spec);
}
}  // namespace

Analysis unitroot_analysis() {
  Analysis a;
  a.name = "unitroot";
  a.command = "ts";
  a.summary = "Panel unit-root tests (LLC, IPS, Harris-Tzavalis, Breitung, Fisher ADF/PP, Hadri), levels and first differences in one table";
  a.options = unit_root_options("constant");
  a.options.front() = columns_option("variable", "The variables tested (several: one table, a block of rows per variable, as papers print them)", true);
  OptionSpec tests = list_option("tests", "Tests: llc, ips, ht (Harris-Tzavalis), breitung (Breitung lambda and Breitung-Das robust t), fisher_adf and fisher_pp (Maddala-Wu P, Choi Z, L*, Pm), hadri");
  tests.choices = {"llc", "ips", "ht", "breitung", "fisher_adf", "fisher_pp", "hadri"};
  tests.default_value = {"llc", "ips", "fisher_adf"};
  a.options.insert(a.options.begin() + 1, tests);
  a.options.push_back(text_option("bandwidth", "Fisher PP: Bartlett lag of the Phillips-Perron tests (short, long or a number)", "short"));
  a.options.push_back(flag_option("hadri_homoskedastic", "Hadri: one pooled variance instead of unit-specific ones"));
  a.needs = ts_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    PanelUnitRootSpec spec;
    spec.deterministic = deterministic_option(o);
    spec.lags = lag_option(o);
    spec.dfcor = !o.flag("mle_variance");
    spec.hadri_robust = !o.flag("hadri_homoskedastic");
    spec.bandwidth = o.text("bandwidth");
    spec.p_approx = p_approx_option(o);
    std::vector<UnitRootBlock> blocks;
    SeriesLeftOut left_out;
    Outcome out;
    out.json = {{"method", "unitroot"}, {"lags", describe(spec.lags)}, {"p_approx", describe(spec.p_approx)}, {"results", nlohmann::json::array()}};
    for (const auto& variable : o.list("variable")) {
      UnitRootBlock& block = blocks.emplace_back();
      block.variable = variable;
      const auto series = requested_series(frame, o, ctx, variable, left_out);
      if (!series.empty() && series.front().second.units.size() == 1)  // the panel statistics' limits are over many units
        left_out.notes.push_back(fmt::format("Warning: {} has one unit ({}): the panel tests' distributions are for many units; test "
                                             "its series with --method urtest",
                                             variable, series.front().second.units.front()));
      for (const auto& [label, s] : series) {
        std::vector<PanelUnitRootResult> done;
        for (const auto& test : o.list("tests")) {
          done.push_back(run_test(test, s, spec));
          done.back().label = label;
          out.json["results"].push_back(to_json(done.back()));
        }
        block.series.emplace_back(label, std::move(done));
      }
    }
    out.tables.push_back(panel_unitroot_table(blocks));
    out.json["estimates"] = nlohmann::json::array();
    for (const auto& c : unit_root_columns(blocks)) out.json["estimates"].push_back(to_json(c));
    left_out.report(out);
    return out;
  };
  return a;
}

}  // namespace cbec
